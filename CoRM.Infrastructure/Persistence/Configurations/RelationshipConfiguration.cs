using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class RelationshipConfiguration : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> builder)
    {
        // Restrict, not cascade: SQL Server refuses two cascade paths into one table.
        builder.HasOne(r => r.Subject).WithMany().HasForeignKey(r => r.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Related).WithMany().HasForeignKey(r => r.RelatedId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Version).IsConcurrencyToken();

        // "My advisees" and "my children" start from the related side; a profile lists both sides.
        builder.HasIndex(r => new { r.RelatedId, r.Kind });
        builder.HasIndex(r => new { r.SubjectId, r.Kind });
    }
}
