using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class RuleFiringConfiguration : IEntityTypeConfiguration<RuleFiring>
{
    public void Configure(EntityTypeBuilder<RuleFiring> builder)
    {
        builder.Property(f => f.Outcome).HasMaxLength(RuleFiring.OutcomeMaxLength);
        builder.HasOne<EngagementRule>().WithMany().HasForeignKey(f => f.RuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(f => f.ConstituentId).OnDelete(DeleteBehavior.Cascade);
        // Exactly once: one firing per rule, person and period, whoever runs the job.
        builder.HasIndex(f => new { f.RuleId, f.ConstituentId, f.Period }).IsUnique();
        builder.HasIndex(f => f.ConstituentId);
    }
}
