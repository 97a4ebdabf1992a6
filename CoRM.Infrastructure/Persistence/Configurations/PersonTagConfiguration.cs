using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class PersonTagConfiguration : IEntityTypeConfiguration<PersonTag>
{
    public void Configure(EntityTypeBuilder<PersonTag> builder)
    {
        builder.HasOne<Tag>().WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(t => t.ConstituentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(t => t.TaggedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EngagementRule>().WithMany().HasForeignKey(t => t.RuleId).OnDelete(DeleteBehavior.SetNull);
        // A person carries a tag once, whether a clerk or a rule (or both, racing) put it there.
        builder.HasIndex(t => new { t.TagId, t.ConstituentId }).IsUnique();
        builder.HasIndex(t => t.ConstituentId);
    }
}
