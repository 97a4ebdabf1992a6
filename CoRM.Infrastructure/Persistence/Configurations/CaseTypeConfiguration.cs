using CoRM.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class CaseTypeConfiguration : IEntityTypeConfiguration<CaseType>
{
    public void Configure(EntityTypeBuilder<CaseType> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(CaseType.NameMaxLength);
        builder.Property(t => t.Description).HasMaxLength(CaseType.DescriptionMaxLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasMany(t => t.Outcomes).WithOne().HasForeignKey(o => o.CaseTypeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.DefaultPlan).WithOne().HasForeignKey(i => i.CaseTypeId).OnDelete(DeleteBehavior.Cascade);
    }
}
