using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Engagement;

public sealed record CheckInEvent(int Id, string Name, DateTime StartsAt, int? Capacity, bool Free, int Guests, int CheckedIn, int Waitlisted);

public sealed record GuestRow(int RegistrationId, int ConstituentId, string Name, int Tickets, bool? Attended, bool Waitlisted);

public sealed record GuestList(CheckInEvent Event, IReadOnlyList<GuestRow> Guests, bool DoorOpen);

/// <summary>
/// The door of an event or programme session, on a phone: the guest list with a search, a tap to check someone in,
/// and at the end everyone not checked in recorded as a no-show. The engagement office and the giving office.
/// </summary>
public sealed class EventCheckIn(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, TimeProvider time)
{
    public const int GuestsShown = 500;

    private static bool MayCheckIn(UserScope user) => user.MeasuresEngagement || user.WorksGiving;

    /// <summary>Events of the last week and the next month: the ones a door could be open for.</summary>
    public async Task<IReadOnlyList<CheckInEvent>> EventsAsync(UserScope user, CancellationToken ct = default)
    {
        if (!MayCheckIn(user)) return [];
        var now = time.UtcNow();
        var (from, to) = (now.AddDays(-7), now.AddDays(31));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Events(db, db.GivingEvents.Where(e => e.StartsAt >= from && e.StartsAt <= to).OrderBy(e => e.StartsAt)).ToListAsync(ct);
    }

    public async Task<GuestList?> GuestsAsync(UserScope user, int eventId, CancellationToken ct = default)
    {
        if (!MayCheckIn(user)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var evt = await Events(db, db.GivingEvents.Where(e => e.Id == eventId)).SingleOrDefaultAsync(ct);
        if (evt is null) return null;
        var guests = await db.EventRegistrations.Where(r => r.EventId == eventId && r.CancelledAt == null)
            .Join(db.Constituents, r => r.ConstituentId, c => c.Id, (r, c) => new { r, c.DisplayName, c.SortName })
            .OrderBy(x => x.r.Waitlisted).ThenBy(x => x.SortName).Take(GuestsShown)
            .Select(x => new GuestRow(x.r.Id, x.r.ConstituentId, x.DisplayName, x.r.Tickets, x.r.Attended, x.r.Waitlisted)).ToListAsync(ct);
        return new GuestList(evt, guests, DoorOpen(evt.StartsAt));
    }

    /// <summary>Checks a guest in (or undoes it) on the day; attending is a line on their timeline.</summary>
    public Task<CommandResult> MarkAsync(UserScope user, int registrationId, bool attended, CancellationToken ct = default) =>
        !MayCheckIn(user) ? Task.FromResult(CommandResult.NotFound) : MarkAsync(runner, time, user, registrationId, attended, ct);

    /// <summary>
    /// The one way attendance is recorded (the door on a phone, the gala's guest list): the domain's rule, and a new
    /// arrival on the guest's timeline — under Giving for a ticketed event, Engagement for a free one; an early arrival
    /// is logged when they came, not at a start still in the future.
    /// </summary>
    internal static Task<CommandResult> MarkAsync(CommandRunner runner, TimeProvider time, UserScope user, int registrationId, bool attended, CancellationToken ct) =>
        runner.RunAsync(CommandOptions.About("guest"), async db =>
        {
            var registration = await db.EventRegistrations.SingleOrDefaultAsync(r => r.Id == registrationId, ct);
            if (registration is null) return CommandResult.NotFound;
            var evt = await db.GivingEvents.SingleAsync(e => e.Id == registration.EventId, ct);
            var now = time.UtcNow();
            if (registration.MarkAttendance(evt, attended, now))
            {
                var subject = $"Attended {evt.Name}";
                if (subject.Length > Interaction.SubjectMaxLength) subject = subject[..Interaction.SubjectMaxLength];
                db.Interactions.Add(Interaction.Log(registration.ConstituentId, Channel.Event, evt.TicketPrice > 0 ? Topic.Giving : Topic.Engagement,
                    subject, null, evt.StartsAt < now ? evt.StartsAt : now, user.ConstituentId, now, inbound: true));
            }
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(registration.Id);
        }, ct);

    /// <summary>After the start: everyone with a place who was not checked in is recorded as a no-show.</summary>
    public Task<CommandResult> CloseDoorAsync(UserScope user, int eventId, CancellationToken ct = default)
    {
        if (!MayCheckIn(user)) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(CommandOptions.About("event"), async db =>
        {
            var evt = await db.GivingEvents.SingleOrDefaultAsync(e => e.Id == eventId, ct);
            if (evt is null) return CommandResult.NotFound;
            if (time.UtcNow() < evt.StartsAt) return CommandResult.Invalid("The event has not started: latecomers may still come.");
            var noShows = await db.EventRegistrations.Where(r => r.EventId == eventId && r.CancelledAt == null && !r.Waitlisted && r.Attended == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Attended, (bool?)false), ct);
            audit.Record(db, user, AuditAction.Update, "GivingEvent", eventId, null, $"Door closed: {noShows} no-show(s)");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(noShows);
        }, ct);
    }

    private bool DoorOpen(DateTime startsAt)
    {
        var now = time.UtcNow();
        return now >= startsAt.AddHours(-2) && now <= startsAt.AddDays(1);
    }

    private static IQueryable<CheckInEvent> Events(CormDbContext db, IQueryable<Domain.Advancement.GivingEvent> events) =>
        events.Select(e => new CheckInEvent(e.Id, e.Name, e.StartsAt, e.Capacity, e.TicketPrice == 0,
            db.EventRegistrations.Count(r => r.EventId == e.Id && r.CancelledAt == null && !r.Waitlisted),
            db.EventRegistrations.Count(r => r.EventId == e.Id && r.CancelledAt == null && r.Attended == true),
            db.EventRegistrations.Count(r => r.EventId == e.Id && r.CancelledAt == null && r.Waitlisted)));
}
