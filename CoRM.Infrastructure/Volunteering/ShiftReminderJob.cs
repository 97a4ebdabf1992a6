using System.Globalization;
using System.Text;
using CoRM.Domain.Constituents;
using CoRM.Domain.Messaging;
using CoRM.Domain.Volunteering;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Persistence;
using CoRM.Infrastructure.Volunteering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Volunteering;

/// <summary>
/// Hourly: reminds every confirmed volunteer of a shift starting within the lead time (default 24 hours), once per
/// sign-up; and sends each coordinator, once a day, the understaffed shifts of the coming week. "Once" is the outbox's
/// unique key, so a retried, restarted or doubled job sends nothing twice.
/// </summary>
public sealed class ShiftReminderJob(IDbContextFactory<CormDbContext> dbFactory, OutboxDispatcher dispatcher, IOptions<EmailOptions> email,
    IConfiguration configuration, TimeProvider time)
{
    public const string RecurringJobId = "shift-reminders";

    public TimeSpan LeadTime => TimeSpan.FromHours(configuration.GetValue("Volunteering:ReminderLeadHours", 24));

    public sealed record Summary(int Reminders, int Digests);

    public async Task<Summary> RunAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow();
        var until = now + LeadTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var due = await db.SignUps.Where(u => u.Status == SignUpStatus.Confirmed)
            .Join(db.Shifts.Where(s => s.CancelledAt == null && s.StartsAt > now && s.StartsAt <= until), u => u.ShiftId, s => s.Id, (u, s) => new { u.Id, u.VolunteerId, Shift = s })
            .Join(db.Constituents.Where(Constituent.MayBeEmailed), x => x.VolunteerId, c => c.Id, (x, c) => new { x.Id, x.Shift, c.DisplayName, c.Email })
            .Select(x => new { x.Id, x.Shift, x.DisplayName, x.Email, Title = db.Opportunities.Where(o => o.Id == x.Shift.OpportunityId).Select(o => o.Title).First() })
            .ToListAsync(ct);
        var keys = due.Select(d => ReminderKey(d.Id)).ToList();
        var sent = (await db.OutboxMessages.Where(m => keys.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(ct)).ToHashSet();
        var reminders = 0;
        foreach (var d in due.Where(d => !sent.Contains(ReminderKey(d.Id))))
        {
            var when = InstitutionFormat.When(d.Shift.StartsAt, time.LocalTimeZone);
            db.OutboxMessages.Add(new OutboxMessage
            {
                DedupKey = ReminderKey(d.Id),
                ToAddress = d.Email!,
                ToName = d.DisplayName,
                CreatedAt = now,
                Subject = $"Reminder: {d.Title}, {when}",
                TextBody = $"Hello {d.DisplayName},\n\nA reminder that you are volunteering for {d.Title} on {when}" +
                           (d.Shift.Location is null ? "." : $" at {d.Shift.Location}.") + "\n\nIf you can no longer come, please tell your coordinator so someone on the waitlist can take your place.\n",
            });
            reminders++;
        }

        var digests = await QueueUnderstaffedDigestsAsync(db, now, ct);
        await SaveIgnoringDuplicatesAsync(db, ct);
        await dispatcher.DispatchPendingAsync(ct);
        return new Summary(reminders, digests);
    }

    public static string ReminderKey(int signUpId) => $"shift-reminder:{signUpId}";

    private async Task<int> QueueUnderstaffedDigestsAsync(CormDbContext db, DateTime now, CancellationToken ct)
    {
        var week = await VolunteerScheduling.Calendar(db, now, now.AddDays(7)).ToListAsync(ct);
        var understaffed = week.Where(s => s.Status == FillStatus.Understaffed).ToList();
        if (understaffed.Count == 0) return 0;
        var opportunityIds = understaffed.Select(s => s.OpportunityId).Distinct().ToList();
        var coordinators = await db.Opportunities.Where(o => opportunityIds.Contains(o.Id))
            .Join(db.Constituents, o => o.CoordinatorId, c => c.Id, (o, c) => new { OpportunityId = o.Id, c.Id, c.DisplayName, Address = db.PortalUsers.Where(u => u.ConstituentId == c.Id).Select(u => u.Email).FirstOrDefault() ?? c.Email })
            .ToListAsync(ct);
        var today = DateOnly.FromDateTime(now);
        var queued = 0;
        foreach (var coordinator in coordinators.Where(c => c.Address is not null).GroupBy(c => c.Id))
        {
            var key = $"understaffed-digest:{coordinator.Key}:{today:yyyy-MM-dd}";
            if (await db.OutboxMessages.AnyAsync(m => m.DedupKey == key, ct)) continue;
            var theirs = understaffed.Where(s => coordinator.Any(c => c.OpportunityId == s.OpportunityId)).ToList();
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"Good morning {coordinator.First().DisplayName},").AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{theirs.Count} shift(s) in the coming week are below their minimum staffing:").AppendLine();
            foreach (var s in theirs)
                text.AppendLine(CultureInfo.InvariantCulture, $"- {s.Opportunity}, {s.StartsAt:ddd d MMM HH:mm}: {s.Confirmed} of at least {s.MinimumStaffing}  {email.Value.PortalBaseUrl.TrimEnd('/')}/volunteering/shifts/{s.Id}");
            db.OutboxMessages.Add(new OutboxMessage
            {
                DedupKey = key,
                Priority = OutboxPriority.Bulk,
                Origin = $"understaffed-digest:{today:yyyy-MM-dd}",
                RecipientConstituentId = coordinator.Key,
                ToAddress = coordinator.First().Address!,
                ToName = coordinator.First().DisplayName,
                Subject = $"{theirs.Count} understaffed shift(s) this week",
                TextBody = text.ToString(),
                CreatedAt = now,
            });
            queued++;
        }
        return queued;
    }

    /// <summary>Another instance may have queued the same message between our check and our insert: theirs stands.</summary>
    private static async Task SaveIgnoringDuplicatesAsync(CormDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            var pending = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            db.ChangeTracker.Clear();
            var keys = pending.Select(m => m.DedupKey).ToList();
            var existing = (await db.OutboxMessages.Where(m => keys.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(ct)).ToHashSet();
            db.OutboxMessages.AddRange(pending.Where(m => !existing.Contains(m.DedupKey)));
            await db.SaveChangesAsync(ct);
        }
    }
}
