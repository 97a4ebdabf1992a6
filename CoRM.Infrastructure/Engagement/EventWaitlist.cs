using CoRM.Domain.Advancement;
using CoRM.Domain.Engagement;
using CoRM.Domain.Messaging;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Engagement;

/// <summary>
/// The waiting list of a free event, with the volunteering roster's rule: a freed place goes to the first in line,
/// who is told by e-mail. Runs inside the caller's unit of work (a cancellation), so the place and the promotion commit together.
/// </summary>
internal static class EventWaitlist
{
    public static async Task<int> PromoteAsync(CormDbContext db, GivingEvent evt, DateTime now, TimeZoneInfo zone, CancellationToken ct)
    {
        if (evt.TicketPrice > 0 || now >= evt.StartsAt) return 0;
        var seats = await PublicForms.Seats(db, evt.Id).SumAsync(r => (int?)r.Tickets, ct) ?? 0;
        var free = evt.Capacity is { } capacity ? capacity - seats : int.MaxValue;
        if (free <= 0) return 0;
        var next = await db.EventRegistrations.Where(r => r.EventId == evt.Id && r.CancelledAt == null && r.Waitlisted)
            .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id).Take(free).ToListAsync(ct);
        foreach (var registration in next)
        {
            registration.Waitlisted = false;
            var guest = await db.Constituents.Where(c => c.Id == registration.ConstituentId).Select(c => new { c.DisplayName, c.Email }).SingleAsync(ct);
            db.Interactions.Add(Interaction.Log(registration.ConstituentId, Channel.Email, Topic.Engagement, $"A place freed up at {evt.Name}", null, now, null, now));
            if (guest.Email is not null)
                db.OutboxMessages.Add(new OutboxMessage
                {
                    DedupKey = $"event-promoted:{registration.Id}", RecipientConstituentId = registration.ConstituentId, ToAddress = guest.Email, ToName = guest.DisplayName,
                    CreatedAt = now, Subject = $"A place is yours: {evt.Name}",
                    TextBody = $"Hello {guest.DisplayName},\n\nA place freed up at {evt.Name} on {Common.InstitutionFormat.When(evt.StartsAt, zone)}, and it is yours: you were next on the waiting list.\n\nIf you can no longer come, reply so the next person can have it.\n",
                });
        }
        return next.Count;
    }
}
