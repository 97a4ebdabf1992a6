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
        builder.Property(r => r.CalibrationSource).HasMaxLength(RiskModelRun.AlgorithmMaxLength);
        builder.Property(r => r.Calibration).HasMaxLength(1000);
        builder.Property(r => r.EarlyWarning).HasMaxLength(1000);
        builder.Property(r => r.EarlyWarningSource).HasMaxLength(RiskModelRun.AlgorithmMaxLength);
        builder.HasIndex(r => r.TrainedAt);
    }
}
