using System.Diagnostics;
using CoRM.Domain.Cases;
using CoRM.Domain.Engagement;
using CoRM.Domain.Volunteering;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoRM.Infrastructure.Engagement;

/// <summary>What one run found: people on record with engagement, and moves on the ladder.</summary>
public sealed record EngagementRun(int Scored, int Changed, int MovedUp, int MovedDown, TimeSpan Elapsed);

/// <summary>
/// Nightly: every person's engagement over the last 12 months, from one grouped scan per measure (gifts, shifts, events,
/// actions, resolved cases), scored by the domain rule, compared with yesterday's row and written only where it changed.
/// A move between rungs is kept as history. Rerunning on the same day changes nothing; people with nothing in the
/// window have no row (so 600,000 mostly quiet records cost only their active few).
/// </summary>
public sealed class EngagementScoreJob(IDbContextFactory<CormDbContext> dbFactory, TimeProvider time, ILogger<EngagementScoreJob> logger)
{
    public const string RecurringJobId = "engagement-scores";
    private const int BatchSize = 5_000;

    public Task<EngagementRun> RunAsync(CancellationToken ct = default) => RunAsOfAsync(time.Today(), time.UtcNow(), ct);

    /// <summary>The run as it would have gone on another day: the demo seeds a run three months back, so its ladder has history.</summary>
    public async Task<EngagementRun> RunAsOfAsync(DateOnly today, DateTime now, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        var weights = await db.EngagementWeights.AsNoTracking().ToListAsync(ct);
        var ladder = await db.EngagementLevels.AsNoTracking().ToListAsync(ct);
        var inputs = await InputsAsync(db, today, now, ct);
        var existing = await db.EngagementScores.AsNoTracking().ToDictionaryAsync(s => s.ConstituentId, ct);
        // The very first run places everyone: a baseline, not a year's worth of people "moving up".
        var baseline = existing.Count == 0 && !await db.EngagementLevelChanges.AnyAsync(ct);

        var inserts = new List<EngagementScore>();
        var updates = new List<EngagementScore>();
        var deletes = new List<int>();
        var moves = new List<EngagementLevelChange>();
        foreach (var id in inputs.Keys.Union(existing.Keys))
        {
            var input = inputs.GetValueOrDefault(id) ?? EngagementInputs.None;
            var before = existing.GetValueOrDefault(id);
            var score = EngagementScoring.Score(input, weights);
            var level = EngagementScoring.LevelFor(score, ladder);
            if (before is not null && before.LevelId != level?.Id)
            {
                var from = ladder.SingleOrDefault(l => l.Id == before.LevelId);
                moves.Add(new EngagementLevelChange
                {
                    ConstituentId = id, FromLevelId = before.LevelId, ToLevelId = level?.Id, FromScore = before.Score, ToScore = score,
                    Up = EngagementScoring.IsUp(from, level), ChangedOn = today,
                });
            }
            else if (before is null && level is not null && !baseline)
                moves.Add(new EngagementLevelChange { ConstituentId = id, ToLevelId = level.Id, ToScore = score, Up = true, ChangedOn = today });

            if (input.IsEmpty && score == 0)
            {
                if (before is not null) deletes.Add(id);
                continue;
            }
            var row = new EngagementScore
            {
                ConstituentId = id, Score = score, LevelId = level?.Id,
                LevelSince = before is not null && before.LevelId == level?.Id ? before.LevelSince : today,
                Gifts = input.Gifts, DaysSinceLastGift = input.DaysSinceLastGift, VolunteerHours = input.VolunteerHours,
                EventsAttended = input.EventsAttended, Actions = input.Actions, CasesResolved = input.CasesResolved, ComputedOn = today,
            };
            if (before is null) inserts.Add(row);
            else if (Differs(before, row)) updates.Add(row);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in deletes.Chunk(BatchSize))
            await db.EngagementScores.Where(s => chunk.Contains(s.ConstituentId)).ExecuteDeleteAsync(ct);
        foreach (var chunk in inserts.Chunk(BatchSize))
        {
            db.EngagementScores.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        foreach (var chunk in updates.Chunk(BatchSize))
        {
            db.EngagementScores.UpdateRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        foreach (var chunk in moves.Chunk(BatchSize))
        {
            db.EngagementLevelChanges.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await tx.CommitAsync(ct);

        var run = new EngagementRun(existing.Count - deletes.Count + inserts.Count, inserts.Count + updates.Count + deletes.Count,
            moves.Count(m => m.Up), moves.Count(m => !m.Up), clock.Elapsed);
        logger.LogInformation("Engagement scores: {Scored} people engaged, {Changed} rows changed, {Up} moved up, {Down} moved down in {Elapsed} ms",
            run.Scored, run.Changed, run.MovedUp, run.MovedDown, (int)run.Elapsed.TotalMilliseconds);
        return run;
    }

    private static bool Differs(EngagementScore a, EngagementScore b) =>
        a.Score != b.Score || a.LevelId != b.LevelId || a.Gifts != b.Gifts || a.DaysSinceLastGift != b.DaysSinceLastGift || a.VolunteerHours != b.VolunteerHours
        || a.EventsAttended != b.EventsAttended || a.Actions != b.Actions || a.CasesResolved != b.CasesResolved;

    /// <summary>The counts of every person with anything in the window, one grouped query per measure; erased and merged records are left out.</summary>
    internal static async Task<Dictionary<int, EngagementInputs>> InputsAsync(CormDbContext db, DateOnly today, DateTime now, CancellationToken ct)
    {
        var from = today.AddMonths(-EngagementScoring.WindowMonths);
        var fromTime = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var gone = (await db.Constituents.Where(c => c.ErasedAt != null || c.MergedIntoId != null).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var result = new Dictionary<int, EngagementInputs>();
        EngagementInputs Of(int id) => result.TryGetValue(id, out var i) ? i : EngagementInputs.None;

        foreach (var g in await GiftCounts(db, from, today).ToListAsync(ct))
            result[g.Id] = Of(g.Id) with { Gifts = g.Count, DaysSinceLastGift = today.DayNumber - g.Last.DayNumber };
        foreach (var h in await HoursWorked(db, fromTime, now).ToListAsync(ct)) result[h.Id] = Of(h.Id) with { VolunteerHours = h.Hours };
        foreach (var e in await EventsAttended(db, fromTime, now).ToListAsync(ct)) result[e.Id] = Of(e.Id) with { EventsAttended = e.Count };
        foreach (var a in await ActionCounts(db, from, today).ToListAsync(ct)) result[a.Id] = Of(a.Id) with { Actions = a.Count };
        foreach (var c in await CasesResolved(db, from).ToListAsync(ct)) result[c.Id] = Of(c.Id) with { CasesResolved = c.Count };
        foreach (var id in gone) result.Remove(id);
        return result;
    }

    internal sealed record PersonGifts(int Id, int Count, DateOnly Last);
    internal sealed record PersonCount(int Id, int Count);
    internal sealed record PersonHours(int Id, decimal Hours);

    internal static IQueryable<PersonGifts> GiftCounts(CormDbContext db, DateOnly from, DateOnly today) =>
        db.Gifts.Where(g => g.ReceivedOn >= from && g.ReceivedOn <= today)
            .GroupBy(g => g.DonorId).Select(g => new PersonGifts(g.Key, g.Count(), g.Max(x => x.ReceivedOn)));

    internal static IQueryable<PersonHours> HoursWorked(CormDbContext db, DateTime from, DateTime now) =>
        db.SignUps.Where(u => u.Status == SignUpStatus.Attended)
            .Join(db.Shifts.Where(s => s.StartsAt >= from && s.StartsAt <= now), u => u.ShiftId, s => s.Id, (u, s) => u)
            .GroupBy(u => u.VolunteerId).Select(g => new PersonHours(g.Key, g.Sum(u => u.Hours ?? 0)));

    internal static IQueryable<PersonCount> EventsAttended(CormDbContext db, DateTime from, DateTime now) =>
        db.EventRegistrations.Where(r => r.Attended == true && r.CancelledAt == null)
            .Join(db.GivingEvents.Where(e => e.StartsAt >= from && e.StartsAt <= now), r => r.EventId, e => e.Id, (r, e) => r)
            .GroupBy(r => r.ConstituentId).Select(g => new PersonCount(g.Key, g.Count()));

    internal static IQueryable<PersonCount> ActionCounts(CormDbContext db, DateOnly from, DateOnly today) =>
        db.Actions.Where(a => a.TookOn >= from && a.TookOn <= today).GroupBy(a => a.ConstituentId).Select(g => new PersonCount(g.Key, g.Count()));

    internal static IQueryable<PersonCount> CasesResolved(CormDbContext db, DateOnly from) =>
        db.CaseClients.Join(db.Cases.Where(c => c.Status == CaseStatus.Resolved && c.ClosedOn >= from), cc => cc.CaseId, c => c.Id, (cc, c) => cc)
            .GroupBy(cc => cc.ConstituentId).Select(g => new PersonCount(g.Key, g.Count()));
}
