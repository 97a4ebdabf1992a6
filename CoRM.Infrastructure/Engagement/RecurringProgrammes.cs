using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Advancement;
using CoRM.Domain.Auditing;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Engagement;

public sealed record ProgrammeRow(int Id, string Name, int Sessions, int SessionsAhead, DateTime FirstStart, DateTime? NextStart, int? Capacity, int People, int Attendances);

public sealed record SessionRow(int EventId, int Number, DateTime StartsAt, int? Capacity, int Places, int Waitlisted, int Attended, int NoShows);

public sealed record ProgrammeMember(int ConstituentId, string Name, int PlacesAhead, int WaitlistedAhead, int Attended, int Missed);

public sealed record ProgrammeDetail(ProgrammeRow Programme, string? Description, int EveryDays, IReadOnlyList<SessionRow> Sessions, IReadOnlyList<ProgrammeMember> Members);

/// <summary>A programme to plan; sessions repeat at the first one's wall-clock time in <see cref="Zone"/> (the institution's when none is given).</summary>
public sealed record PlanProgrammeRequest(string Name, string? Description, DateTime FirstStartUtc, int Sessions, int EveryDays, int? Capacity, TimeZoneInfo? Zone = null);

/// <summary>What enrolling one person in a programme did: places taken and sessions where they wait in line.</summary>
public sealed record Enrolment(int Places, int Waitlisted);

/// <summary>
/// Recurring programmes of free sessions (a study club, a weekly class): planned as a series, each session an event with
/// its own capacity, waiting list, reminders and door; enrolling someone — by a clerk, or by the person on a public
/// RSVP form — gives them a place at every session still to come, or a place in line where a session is full.
/// The engagement office plans and enrols; attendance is taken at each session's door.
/// </summary>
public sealed class RecurringProgrammes(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, TimeProvider time)
{
    public const int MembersShown = 500;

    private static readonly CommandOptions Options = CommandOptions.About("programme", transaction: true) with
    {
        Isolation = System.Data.IsolationLevel.Serializable,
        RaceMessage = "Someone else was filling this programme's places at the same moment; try again.",
    };

    public async Task<IReadOnlyList<ProgrammeRow>> ListAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Programmes are few: those with a session to come first, soonest first; then the finished ones, latest first.
        return (await Rows(db, db.EventSeries, time.UtcNow()).ToListAsync(ct))
            .OrderByDescending(r => r.NextStart != null).ThenBy(r => r.NextStart).ThenByDescending(r => r.FirstStart).ToList();
    }

    public async Task<ProgrammeDetail?> GetAsync(UserScope user, int id, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement) return null;
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await Rows(db, db.EventSeries.Where(s => s.Id == id), now).SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var series = await db.EventSeries.AsNoTracking().SingleAsync(s => s.Id == id, ct);
        var sessions = (await db.GivingEvents.Where(e => e.SeriesId == id).OrderBy(e => e.StartsAt)
            .Select(e => new
            {
                e.Id, e.StartsAt, e.Capacity,
                Places = db.EventRegistrations.Count(r => r.EventId == e.Id && r.CancelledAt == null && !r.Waitlisted),
                Waitlisted = db.EventRegistrations.Count(r => r.EventId == e.Id && r.CancelledAt == null && r.Waitlisted),
                Attended = db.EventRegistrations.Count(r => r.EventId == e.Id && r.Attended == true),
                NoShows = db.EventRegistrations.Count(r => r.EventId == e.Id && r.Attended == false),
            }).ToListAsync(ct))
            .Select((s, i) => new SessionRow(s.Id, i + 1, s.StartsAt, s.Capacity, s.Places, s.Waitlisted, s.Attended, s.NoShows)).ToList();
        // Members are those the reader may see; a person outside the reader's scope is counted above but not named.
        var visible = ConstituentScope.VisibleTo(db, user, time);
        var members = await db.EventRegistrations.Where(r => r.CancelledAt == null && db.GivingEvents.Any(e => e.Id == r.EventId && e.SeriesId == id))
            .GroupBy(r => r.ConstituentId)
            .Select(g => new
            {
                Id = g.Key,
                Ahead = g.Count(r => !r.Waitlisted && db.GivingEvents.Any(e => e.Id == r.EventId && e.StartsAt > now)),
                Waiting = g.Count(r => r.Waitlisted && db.GivingEvents.Any(e => e.Id == r.EventId && e.StartsAt > now)),
                Attended = g.Count(r => r.Attended == true),
                Missed = g.Count(r => r.Attended == false),
            })
            .Join(visible, m => m.Id, c => c.Id, (m, c) => new { m, c.DisplayName, c.SortName })
            .OrderBy(x => x.SortName).Take(MembersShown)
            .Select(x => new ProgrammeMember(x.m.Id, x.DisplayName, x.m.Ahead, x.m.Waiting, x.m.Attended, x.m.Missed)).ToListAsync(ct);
        return new ProgrammeDetail(row, series.Description, series.EveryDays, sessions, members);
    }

    public Task<CommandResult> PlanAsync(UserScope user, PlanProgrammeRequest request, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(CommandOptions.About("programme", transaction: true), async db =>
        {
            // Sessions are free: nothing is paid into the fund, but every event names one (the first, the general fund).
            var fund = await db.Funds.OrderBy(f => f.Id).Select(f => (int?)f.Id).FirstOrDefaultAsync(ct);
            if (fund is null) return CommandResult.Invalid("Set up a fund first (Advancement → Funds): every event names one.");
            var (series, sessions) = EventSeries.Plan(request.Name, request.Description, DateTime.SpecifyKind(request.FirstStartUtc, DateTimeKind.Utc),
                request.Sessions, request.EveryDays, request.Capacity, fund.Value, request.Zone ?? time.LocalTimeZone, time.UtcNow(), user.ConstituentId);
            db.EventSeries.Add(series);
            db.GivingEvents.AddRange(sessions);
            await db.SaveChangesAsync(ct);
            audit.Record(db, user, AuditAction.Create, nameof(EventSeries), series.Id, null, $"{series.Name}: {sessions.Count} sessions");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(series.Id);
        }, ct);
    }

    /// <summary>Gives the person a place at every session still to come (in line where one is full); one line on their timeline.</summary>
    public Task<CommandResult> EnrolAsync(UserScope user, int seriesId, int constituentId, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(Options, async db =>
        {
            if (await SeriesForAsync(db, user, seriesId, constituentId, ct) is not { } series) return CommandResult.NotFound;
            var now = time.UtcNow();
            var done = await EnrolAsync(db, series, constituentId, now, ct);
            if (done is null) return CommandResult.Invalid("The person already has a place (or a place in line) at every session still to come.");
            if (done.Places + done.Waitlisted == 0) return CommandResult.Invalid("The programme has no session still to come.");
            db.Interactions.Add(Interaction.Log(constituentId, Channel.InPerson, Topic.Engagement, Subject(series, done), null, now, user.ConstituentId, now, inbound: true));
            audit.Record(db, user, AuditAction.Create, nameof(EventSeries), series.Id, constituentId, Subject(series, done));
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(series.Id);
        }, ct);
    }

    /// <summary>Cancels the person's places at the sessions still to come; each freed place goes to the first in that session's line.</summary>
    public Task<CommandResult> WithdrawAsync(UserScope user, int seriesId, int constituentId, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(Options, async db =>
        {
            if (await SeriesForAsync(db, user, seriesId, constituentId, ct) is not { } series) return CommandResult.NotFound;
            var now = time.UtcNow();
            var ahead = await db.GivingEvents.Where(e => e.SeriesId == seriesId && e.StartsAt > now).OrderBy(e => e.StartsAt).ToListAsync(ct);
            var aheadIds = ahead.Select(e => e.Id).ToList();
            var places = await db.EventRegistrations.Where(r => r.ConstituentId == constituentId && r.CancelledAt == null && aheadIds.Contains(r.EventId)).ToListAsync(ct);
            if (places.Count == 0) return CommandResult.Invalid("The person has no place at a session still to come.");
            foreach (var place in places) place.Cancel(ahead.Single(e => e.Id == place.EventId), now, user.ConstituentId);
            db.Interactions.Add(Interaction.Log(constituentId, Channel.InPerson, Topic.Engagement, Clip($"Left the programme {series.Name}"), null, now, user.ConstituentId, now, inbound: true));
            audit.Record(db, user, AuditAction.Update, nameof(EventSeries), series.Id, constituentId, $"Withdrawn from {places.Count} session(s)");
            await db.SaveChangesAsync(ct);
            foreach (var session in ahead.Where(e => places.Any(p => p.EventId == e.Id && !p.Waitlisted)))
                await EventWaitlist.PromoteAsync(db, session, now, time.LocalTimeZone, ct);
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(series.Id);
        }, ct);
    }

    /// <summary>The programme, when it exists and the person is within the reader's scope; null otherwise (not found either way).</summary>
    private async Task<EventSeries?> SeriesForAsync(CormDbContext db, UserScope user, int seriesId, int constituentId, CancellationToken ct) =>
        await ConstituentScope.VisibleTo(db, user, time).AnyAsync(c => c.Id == constituentId, ct)
            ? await db.EventSeries.SingleOrDefaultAsync(s => s.Id == seriesId, ct)
            : null;

    /// <summary>
    /// The one enrolment rule, inside the caller's transaction (a clerk's, or a public RSVP's): a place at each session
    /// still to come where there is room, a place in line where it is full, nothing where the person already has either.
    /// Null when there was nothing left to give them.
    /// </summary>
    internal static async Task<Enrolment?> EnrolAsync(CormDbContext db, EventSeries series, int constituentId, DateTime now, CancellationToken ct)
    {
        var ahead = await db.GivingEvents.Where(e => e.SeriesId == series.Id && e.StartsAt > now).OrderBy(e => e.StartsAt).ToListAsync(ct);
        if (ahead.Count == 0) return new Enrolment(0, 0);
        var aheadIds = ahead.Select(e => e.Id).ToList();
        var held = await db.EventRegistrations.Where(r => r.ConstituentId == constituentId && r.CancelledAt == null && aheadIds.Contains(r.EventId)).Select(r => r.EventId).ToListAsync(ct);
        var seats = await db.EventRegistrations.Where(r => aheadIds.Contains(r.EventId) && r.CancelledAt == null && !r.Waitlisted)
            .GroupBy(r => r.EventId).Select(g => new { g.Key, Seats = g.Sum(r => r.Tickets) }).ToDictionaryAsync(x => x.Key, x => x.Seats, ct);
        int places = 0, waiting = 0;
        foreach (var session in ahead.Where(e => !held.Contains(e.Id)))
        {
            var sold = seats.GetValueOrDefault(session.Id);
            if (session.Capacity is { } capacity && sold >= capacity)
            {
                db.EventRegistrations.Add(session.Waitlist(constituentId, now));
                waiting++;
            }
            else
            {
                db.EventRegistrations.Add(session.Register(constituentId, 1, sold, now));
                places++;
            }
        }
        return places + waiting == 0 ? null : new Enrolment(places, waiting);
    }

    internal static string Subject(EventSeries series, Enrolment done) =>
        Clip(done.Waitlisted == 0 ? $"Joined the programme {series.Name} ({done.Places} sessions)"
            : $"Joined the programme {series.Name} ({done.Places} sessions; waiting for a place at {done.Waitlisted})");

    internal static IQueryable<ProgrammeRow> Rows(CormDbContext db, IQueryable<EventSeries> series, DateTime now) =>
        series.Select(s => new ProgrammeRow(s.Id, s.Name,
            db.GivingEvents.Count(e => e.SeriesId == s.Id),
            db.GivingEvents.Count(e => e.SeriesId == s.Id && e.StartsAt > now),
            db.GivingEvents.Where(e => e.SeriesId == s.Id).Min(e => e.StartsAt),
            db.GivingEvents.Where(e => e.SeriesId == s.Id && e.StartsAt > now).Min(e => (DateTime?)e.StartsAt),
            db.GivingEvents.Where(e => e.SeriesId == s.Id).Max(e => e.Capacity),
            db.EventRegistrations.Where(r => r.CancelledAt == null && !r.Waitlisted && db.GivingEvents.Any(e => e.Id == r.EventId && e.SeriesId == s.Id)).Select(r => r.ConstituentId).Distinct().Count(),
            db.EventRegistrations.Count(r => r.Attended == true && db.GivingEvents.Any(e => e.Id == r.EventId && e.SeriesId == s.Id))));

    private static string Clip(string subject) => subject.Length > Interaction.SubjectMaxLength ? subject[..Interaction.SubjectMaxLength] : subject;
}
