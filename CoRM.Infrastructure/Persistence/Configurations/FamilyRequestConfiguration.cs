using CoRM.Domain.Constituents;
using CoRM.Domain.Families;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class FamilyRequestConfiguration : IEntityTypeConfiguration<FamilyRequest>
{
    public void Configure(EntityTypeBuilder<FamilyRequest> builder)
    {
        builder.Property(r => r.Subject).HasMaxLength(FamilyRequest.SubjectMaxLength);
        builder.Property(r => r.Message).HasMaxLength(FamilyRequest.TextMaxLength);
        builder.Property(r => r.Answer).HasMaxLength(FamilyRequest.TextMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        // Restrict: SQL Server refuses two cascade paths from constituents into one table.
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.ParentId).OnDelete(DeleteBehavior.Restrict);

        // The secretariat's queue (open first, oldest first) and a parent's own thread.
        builder.HasIndex(r => new { r.AnsweredAt, r.SentAt });
        builder.HasIndex(r => new { r.ParentId, r.ChildId, r.SentAt });
    }
}
