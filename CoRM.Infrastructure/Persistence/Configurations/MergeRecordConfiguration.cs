using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class MergeRecordConfiguration : IEntityTypeConfiguration<MergeRecord>
{
    public void Configure(EntityTypeBuilder<MergeRecord> builder)
    {
        builder.Property(m => m.Summary).HasMaxLength(MergeRecord.SummaryMaxLength);
        // Restrict: SQL Server refuses two cascade paths from one table to Constituents, and a merge's history is kept.
        builder.HasOne<Constituent>().WithMany().HasForeignKey(m => m.SurvivorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(m => m.MergedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.MergedId);
    }
}
