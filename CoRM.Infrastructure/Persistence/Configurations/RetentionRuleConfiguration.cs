using CoRM.Domain.Constituents;
using CoRM.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class RetentionRuleConfiguration : IEntityTypeConfiguration<RetentionRule>
{
    public void Configure(EntityTypeBuilder<RetentionRule> builder)
    {
        builder.HasKey(r => r.Kind);
        builder.Property(r => r.Kind).ValueGeneratedNever();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.ChangedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasData(RetentionRule.Defaults.Select(d => new RetentionRule { Kind = d.Key, Days = d.Value, Version = DefaultVersion(d.Key) }));
    }

    /// <summary>Seed rows need fixed versions, or every migration would see them change.</summary>
    private static Guid DefaultVersion(RetentionKind kind) => new($"00000000-0000-0000-0000-{(int)kind + 1:D12}");
}

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> builder)
    {
        builder.Property(r => r.Report).HasMaxLength(4000);
        builder.HasIndex(r => r.StartedAt);
    }
}
