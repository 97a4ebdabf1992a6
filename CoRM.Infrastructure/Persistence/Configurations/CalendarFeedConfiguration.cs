using CoRM.Domain.Constituents;
using CoRM.Domain.Volunteering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.HasOne<Constituent>().WithMany().HasForeignKey(f => f.ConstituentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.Key).IsUnique();
        builder.HasIndex(f => new { f.ConstituentId, f.RevokedAt });
    }
}
