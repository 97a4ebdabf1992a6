using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class EngagementLevelConfiguration : IEntityTypeConfiguration<EngagementLevel>
{
    public void Configure(EntityTypeBuilder<EngagementLevel> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(EngagementLevel.NameMaxLength);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasIndex(l => l.Name).IsUnique();
        builder.HasIndex(l => l.MinScore).IsUnique();
        builder.HasData(EngagementLevel.Defaults.Select(d => new EngagementLevel
        {
            Id = d.Id, Name = d.Name, MinScore = d.MinScore, Version = new Guid($"00000000-0000-0000-0003-{d.Id:D12}"),
        }));
    }
}
