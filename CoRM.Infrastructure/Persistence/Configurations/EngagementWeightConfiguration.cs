using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class EngagementWeightConfiguration : IEntityTypeConfiguration<EngagementWeight>
{
    public void Configure(EntityTypeBuilder<EngagementWeight> builder)
    {
        builder.HasKey(w => w.Measure);
        builder.Property(w => w.Measure).ValueGeneratedNever();
        builder.Property(w => w.Points).HasPrecision(7, 2);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.HasOne<Constituent>().WithMany().HasForeignKey(w => w.ChangedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasData(EngagementWeight.Defaults.Select(d => new EngagementWeight
        {
            Measure = d.Measure, Points = d.Points, Cap = d.Cap, Version = new Guid($"00000000-0000-0000-0002-{(int)d.Measure + 1:D12}"),
        }));
    }
}
