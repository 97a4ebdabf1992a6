using CoRM.Domain.Messaging;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Engagement;

/// <summary>
/// Hourly: a reminder to each guest with a place at an event starting within the next 24 hours, once (the outbox's
/// key is the registration). A reminder of something the person signed up for is not marketing: it goes to anyone
/// with an address who has not asked never to be contacted.
/// </summary>
public sealed class EventReminderJob(IDbContextFactory<CormDbContext> dbFactory, TimeProvider time)
{
    public const string RecurringJobId = "event-reminders";
    public const int LeadHours = 24;

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow();
        var until = now.AddHours(LeadHours);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await Due(db, now, until).ToListAsync(ct);
        foreach (var d in due)
            db.OutboxMessages.Add(new OutboxMessage
            {
                DedupKey = Key(d.RegistrationId), RecipientConstituentId = d.ConstituentId, ToAddress = d.Email, ToName = d.Name, CreatedAt = now,
                Subject = $"Tomorrow: {d.Event}",
                TextBody = $"Hello {d.Name},\n\nA reminder that {d.Event} starts on {InstitutionFormat.When(d.StartsAt, time.LocalTimeZone)}. We look forward to seeing you.\n\n" +
                           "If you can no longer come, reply to this message so your place can go to someone on the waiting list.\n",
            });
        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    public static string Key(int registrationId) => $"event-reminder:{registrationId}";

    internal sealed record DueReminder(int RegistrationId, int ConstituentId, string Name, string Email, string Event, DateTime StartsAt);

    internal static IQueryable<DueReminder> Due(CormDbContext db, DateTime now, DateTime until) =>
        from r in db.EventRegistrations
        where r.CancelledAt == null && !r.Waitlisted
        join e in db.GivingEvents on r.EventId equals e.Id
        where e.StartsAt > now && e.StartsAt <= until
        join c in db.Constituents on r.ConstituentId equals c.Id
        where c.Email != null && !c.DoNotContact
        let key = "event-reminder:" + r.Id
        where !db.OutboxMessages.Any(m => m.DedupKey == key)
        select new DueReminder(r.Id, r.ConstituentId, c.DisplayName, c.Email!, e.Name, e.StartsAt);
}
