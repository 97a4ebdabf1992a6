using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> builder)
    {
        builder.HasOne<GivingEvent>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.ConstituentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Gift>().WithMany().HasForeignKey(r => r.GiftId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.EventId, r.ConstituentId }).IsUnique();
        builder.HasIndex(r => r.ConstituentId);
    }
}
