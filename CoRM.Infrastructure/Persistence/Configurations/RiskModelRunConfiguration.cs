using CoRM.Domain.StudentSuccess;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class RiskModelRunConfiguration : IEntityTypeConfiguration<RiskModelRun>
{
    public void Configure(EntityTypeBuilder<RiskModelRun> builder)
    {
        builder.Property(r => r.Algorithm).HasMaxLength(RiskModelRun.AlgorithmMaxLength);
        builder.Property(r => r.TemporalSplit).HasMaxLength(RiskModelRun.AlgorithmMaxLength);
        builder.HasIndex(r => r.TrainedAt);
    }
}
