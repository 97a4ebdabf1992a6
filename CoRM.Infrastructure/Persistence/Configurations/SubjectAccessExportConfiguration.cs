using CoRM.Domain.Constituents;
using CoRM.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class SubjectAccessExportConfiguration : IEntityTypeConfiguration<SubjectAccessExport>
{
    public void Configure(EntityTypeBuilder<SubjectAccessExport> builder)
    {
        builder.Property(e => e.Error).HasMaxLength(500);
        builder.HasOne<PrivacyRequest>().WithMany().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(e => e.SubjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(e => e.RequestedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(e => e.DownloadedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.RequestId);
    }
}
