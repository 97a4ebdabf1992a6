using CoRM.Domain.Advancement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class GivingEventConfiguration : IEntityTypeConfiguration<GivingEvent>
{
    public void Configure(EntityTypeBuilder<GivingEvent> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(GivingEvent.NameMaxLength);
        builder.Property(e => e.TicketPrice).IsMoney(14);
        builder.Property(e => e.FairMarketValue).IsMoney(14);
        builder.HasOne<Fund>().WithMany().HasForeignKey(e => e.FundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Series).WithMany().HasForeignKey(e => e.SeriesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.StartsAt);
    }
}
