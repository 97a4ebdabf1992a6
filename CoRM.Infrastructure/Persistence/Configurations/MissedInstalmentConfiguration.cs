using CoRM.Domain.Advancement;
using CoRM.Domain.Engagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class MissedInstalmentConfiguration : IEntityTypeConfiguration<MissedInstalment>
{
    public void Configure(EntityTypeBuilder<MissedInstalment> builder)
    {
        builder.HasOne<RecurringGift>().WithMany().HasForeignKey(m => m.RecurringGiftId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<FollowUp>().WithMany().HasForeignKey(m => m.FollowUpId).OnDelete(DeleteBehavior.Restrict);

        // Flagged once per schedule and date, however often the job runs.
        builder.HasIndex(m => new { m.RecurringGiftId, m.DueOn }).IsUnique();
    }
}
