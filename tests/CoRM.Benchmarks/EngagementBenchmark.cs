using System.Diagnostics;
using CoRM.Domain.Access;
using CoRM.Infrastructure.Engagement;
using CoRM.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoRM.Benchmarks;

/// <summary>
/// The engagement score and the mission dashboard on the large university: adds a year's actions (about one person in
/// four acts, a few times) when the database has none, then times the nightly recompute (first run, a rerun that
/// changes nothing, a run a week later) and the dashboard's figures beside a hand-written SQL floor for people engaged.
/// </summary>
internal static class EngagementBenchmark
{
    public static async Task RunAsync(string path, IDbContextFactory<CormDbContext> dbFactory)
    {
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM Actions";
            if (Convert.ToInt64(await count.ExecuteScalarAsync()) == 0)
            {
                var clock = Stopwatch.StartNew();
                await using var tx = connection.BeginTransaction();
                await using var insert = connection.CreateCommand();
                insert.Transaction = tx;
                // One person in four of the first 600,000 acts 1–6 times in the last two years, of a type by their id.
                insert.CommandText = """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6)
                    INSERT INTO Actions (ConstituentId, ActionTypeId, TookOn, Channel, RecordedAt)
                    SELECT c.Id, 1 + (c.Id + n.i) % 8, date('now', '-' || ((c.Id * 7 + n.i * 53) % 730) || ' days'), 4, datetime('now')
                    FROM Constituents c JOIN n ON n.i <= 1 + c.Id % 6
                    WHERE c.Id % 4 = 0 AND c.Id <= 600000
                    """;
                var rows = await insert.ExecuteNonQueryAsync();
                await tx.CommitAsync();
                Console.WriteLine($"Added {rows:N0} actions in {clock.Elapsed.TotalSeconds:N0} s.");
            }
            await using var clear = connection.CreateCommand();
            clear.CommandText = "DELETE FROM EngagementLevelChanges; DELETE FROM EngagementScores;";
            await clear.ExecuteNonQueryAsync();
        }

        var time = new ShiftedClock();
        var job = new EngagementScoreJob(dbFactory, time, NullLogger<EngagementScoreJob>.Instance);
        foreach (var (label, days) in new[] { ("first run (empty table)", 0), ("rerun, same day", 0), ("a week later", 7) })
        {
            time.Offset = TimeSpan.FromDays(days);
            var run = await job.RunAsync();
            Console.WriteLine($"Engagement recompute, {label}: {run.Scored:N0} people scored, {run.Changed:N0} rows changed, {run.MovedUp:N0} up, {run.MovedDown:N0} down in {run.Elapsed.TotalSeconds:N1} s");
        }

        var dashboard = new MissionDashboard(dbFactory, TimeProvider.System);
        var admin = UserScope.Of(1, "bench admin", Roles.Admin);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var period = MissionPeriod.Of(MissionPeriodKind.Last12Months, today);
        var watch = Stopwatch.StartNew();
        var view = (await dashboard.GetAsync(admin, period))!;
        var whole = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        int engaged;
        await using (var db = await dbFactory.CreateDbContextAsync()) engaged = await MissionDashboard.Engaged(db, period).CountAsync();
        var corm = watch.Elapsed.TotalMilliseconds;

        await using var floorConnection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        await floorConnection.OpenAsync();
        await using var floor = floorConnection.CreateCommand();
        floor.CommandText = """
            SELECT COUNT(*) FROM (
              SELECT DonorId FROM Gifts WHERE ReceivedOn >= $from AND ReceivedOn < $to
              UNION SELECT ConstituentId FROM Actions WHERE TookOn >= $from AND TookOn < $to
              UNION SELECT u.VolunteerId FROM SignUps u JOIN Shifts s ON s.Id = u.ShiftId WHERE u.Status = 3 AND s.StartsAt >= $fromTime AND s.StartsAt < $toTime
              UNION SELECT r.ConstituentId FROM EventRegistrations r JOIN GivingEvents e ON e.Id = r.EventId WHERE r.Attended = 1 AND r.CancelledAt IS NULL AND e.StartsAt >= $fromTime AND e.StartsAt < $toTime)
            """;
        floor.Parameters.AddWithValue("$from", period.From.ToString("yyyy-MM-dd"));
        floor.Parameters.AddWithValue("$to", period.To.ToString("yyyy-MM-dd"));
        floor.Parameters.AddWithValue("$fromTime", period.From.ToString("yyyy-MM-dd") + " 00:00:00");
        floor.Parameters.AddWithValue("$toTime", period.To.ToString("yyyy-MM-dd") + " 00:00:00");
        watch.Restart();
        var floorCount = Convert.ToInt32(await floor.ExecuteScalarAsync());
        var floorMs = watch.Elapsed.TotalMilliseconds;
        if (floorCount != engaged) throw new InvalidOperationException($"People engaged: CoRM {engaged}, hand-written SQL {floorCount}.");
        Console.WriteLine($"Mission dashboard, last 12 months, every figure beside the previous year, months, regions, hats: {whole:N0} ms");
        Console.WriteLine($"People engaged ({engaged:N0}): CoRM {corm:N0} ms, hand-written SQL {floorMs:N0} ms, ratio {corm / floorMs:N1}");
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            watch.Restart();
            var months = await MissionDashboard.MonthlyPeople(db, period).ToListAsync();
            Console.WriteLine($"  of which people engaged per month ({months.Count} months): {watch.Elapsed.TotalMilliseconds:N0} ms");
            watch.Restart();
            var hats = await MissionDashboard.ByHat(db, period, today).ToListAsync();
            Console.WriteLine($"  of which people engaged by hat: {watch.Elapsed.TotalMilliseconds:N0} ms");
            watch.Restart();
            var actions = await db.Actions.CountAsync(a => a.TookOn >= period.From && a.TookOn < period.To);
            Console.WriteLine($"  of which actions in the period ({actions:N0}): {watch.Elapsed.TotalMilliseconds:N0} ms");
        }
        // A rule over every constituent: advocates (3+ advocacy actions in 12 months) get a thank-you follow-up, once.
        int ruleId;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var owner = await db.PortalUsers.Where(u => u.Email == LargeUniversityGenerator.AdminEmail).Select(u => u.ConstituentId).SingleAsync();
            await db.RuleFirings.ExecuteDeleteAsync();
            await db.FollowUps.Where(f => f.Title.StartsWith("Thank ") && f.Title.EndsWith(" for speaking up")).ExecuteDeleteAsync();
            var segment = await db.Segments.FirstOrDefaultAsync(x => x.Name == "Bench advocates");
            if (segment is null)
            {
                segment = Domain.Advancement.Segment.Define("Bench advocates", null,
                    [new Domain.Advancement.SegmentRule(Domain.Advancement.SegmentRuleKind.ActionsInCategory, Category: Domain.Engagement.ActionCategory.Advocacy, Count: 3, Months: 12)], owner, DateTime.UtcNow);
                db.Segments.Add(segment);
                await db.SaveChangesAsync();
            }
            var rule = await db.EngagementRules.FirstOrDefaultAsync(r => r.Name == "Bench thank-you");
            if (rule is null)
            {
                rule = Domain.Engagement.EngagementRule.Define("Bench thank-you", segment.Id, Domain.Engagement.RuleActionKind.FollowUp, owner, "Thank {{DisplayName}} for speaking up", null, 7, null, 365, today, owner);
                db.EngagementRules.Add(rule);
                await db.SaveChangesAsync();
            }
            ruleId = rule.Id;
        }
        var rules = new EngagementRuleJob(dbFactory, null!, TimeProvider.System, NullLogger<EngagementRuleJob>.Instance);
        foreach (var label in new[] { "first run", "second run (nothing left to do)" })
        {
            watch.Restart();
            var run = await rules.RunRuleAsync(ruleId);
            Console.WriteLine($"Engagement rule over every constituent, {label}: {run.Fired:N0} follow-ups in {watch.Elapsed.TotalSeconds:N1} s");
        }
        Console.WriteLine($"Figures: {string.Join(", ", view.Figures.Select(f => $"{f.Measure} {f.Current:N0}"))}");
    }

    /// <summary>The system clock moved forward by an offset, for "a week later".</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }
}
