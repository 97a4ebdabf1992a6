using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class EngagementRuleConfiguration : IEntityTypeConfiguration<EngagementRule>
{
    public void Configure(EntityTypeBuilder<EngagementRule> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(EngagementRule.NameMaxLength);
        builder.Property(r => r.Title).HasMaxLength(EngagementRule.SubjectMaxLength);
        builder.Property(r => r.Body).HasMaxLength(EngagementRule.BodyMaxLength);
        builder.Property(r => r.PlanJson).HasMaxLength(4000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Plan);
        builder.HasOne<Segment>().WithMany().HasForeignKey(r => r.SegmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tag>().WithMany().HasForeignKey(r => r.TagId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
