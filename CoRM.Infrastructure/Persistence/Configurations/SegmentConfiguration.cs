using CoRM.Domain.Advancement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(Segment.NameMaxLength);
        builder.Property(s => s.Description).HasMaxLength(1000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.Rules);
        builder.HasIndex(s => s.Name).IsUnique();
    }
}
