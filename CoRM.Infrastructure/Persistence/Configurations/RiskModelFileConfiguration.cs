using CoRM.Domain.StudentSuccess;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class RiskModelFileConfiguration : IEntityTypeConfiguration<RiskModelFile>
{
    public void Configure(EntityTypeBuilder<RiskModelFile> builder)
    {
        builder.HasKey(f => f.RunId);
        builder.Property(f => f.FeatureSet).HasMaxLength(RiskModelFile.FeatureSetMaxLength);
        builder.HasOne<RiskModelRun>().WithOne().HasForeignKey<RiskModelFile>(f => f.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
