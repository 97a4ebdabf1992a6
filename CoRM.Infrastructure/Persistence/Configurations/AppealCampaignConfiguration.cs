using CoRM.Domain.Advancement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class AppealCampaignConfiguration : IEntityTypeConfiguration<AppealCampaign>
{
    public void Configure(EntityTypeBuilder<AppealCampaign> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(AppealCampaign.NameMaxLength);
        builder.Property(c => c.SubjectTemplate).HasMaxLength(AppealCampaign.SubjectMaxLength);
        builder.Property(c => c.BodyTemplate).HasMaxLength(AppealCampaign.BodyMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Appeal>().WithMany().HasForeignKey(c => c.AppealId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Segment>().WithMany().HasForeignKey(c => c.SegmentId).OnDelete(DeleteBehavior.Restrict);
        // The send job looks for due campaigns by status and time.
        builder.HasIndex(c => new { c.Status, c.ScheduledFor });
    }
}
