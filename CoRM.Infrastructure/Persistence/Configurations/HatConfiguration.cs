using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class HatConfiguration : IEntityTypeConfiguration<Hat>
{
    public void Configure(EntityTypeBuilder<Hat> builder)
    {
        builder.HasIndex(h => new { h.ConstituentId, h.Kind });
        // Dashboards count who wears a hat today.
        builder.HasIndex(h => new { h.Kind, h.EndDate });
    }
}
