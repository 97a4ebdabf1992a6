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
        // One live registration per guest and event; cancelled ones stay as history, so the guest can register again.
        builder.HasIndex(r => new { r.EventId, r.ConstituentId }).IsUnique().HasFilter("[CancelledAt] IS NULL");
        builder.Ignore(r => r.Cancelled);
        builder.Property(r => r.RefundedAmount).IsMoney(14);
        builder.HasIndex(r => r.ConstituentId);
    }
}
