using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class LapsedDonorReminderConfiguration : IEntityTypeConfiguration<LapsedDonorReminder>
{
    public void Configure(EntityTypeBuilder<LapsedDonorReminder> builder)
    {
        builder.Property(r => r.LastYearTotal).IsMoney(14);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.DonorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<FollowUp>().WithMany().HasForeignKey(r => r.FollowUpId).OnDelete(DeleteBehavior.Restrict);

        // Once per donor and year, however often the job runs.
        builder.HasIndex(r => new { r.DonorId, r.Year }).IsUnique();
    }
}
