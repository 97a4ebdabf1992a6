using CoRM.Domain.Constituents;
using CoRM.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class PrivacyRequestConfiguration : IEntityTypeConfiguration<PrivacyRequest>
{
    public void Configure(EntityTypeBuilder<PrivacyRequest> builder)
    {
        builder.Property(r => r.Details).HasMaxLength(PrivacyRequest.TextMaxLength);
        builder.Property(r => r.Outcome).HasMaxLength(PrivacyRequest.TextMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.HandlerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.ErasureRequestedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.ApprovedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.Status, r.DueOn });
        builder.HasIndex(r => r.SubjectId);
    }
}
