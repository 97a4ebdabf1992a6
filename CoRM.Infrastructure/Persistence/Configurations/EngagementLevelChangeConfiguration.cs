using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class EngagementLevelChangeConfiguration : IEntityTypeConfiguration<EngagementLevelChange>
{
    public void Configure(EntityTypeBuilder<EngagementLevelChange> builder)
    {
        builder.HasOne<Constituent>().WithMany().HasForeignKey(c => c.ConstituentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EngagementLevel>().WithMany().HasForeignKey(c => c.FromLevelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EngagementLevel>().WithMany().HasForeignKey(c => c.ToLevelId).OnDelete(DeleteBehavior.Restrict);
        // A person's history, and the moves of a period.
        builder.HasIndex(c => new { c.ConstituentId, c.ChangedOn });
        builder.HasIndex(c => c.ChangedOn);
    }
}
