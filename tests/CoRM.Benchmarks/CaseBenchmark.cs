using System.Diagnostics;
using System.Globalization;
using Bogus;
using CoRM.Domain.Access;
using CoRM.Domain.Cases;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Domain.Identity;
using CoRM.Infrastructure.Cases;
using CoRM.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Benchmarks;

/// <summary>
/// Case work at scale: caller lookup among 600,000 people (about two in three with a mobile), and caseloads with 20,000
/// open cases (200 workers; one of them leads 1,000), each case with a client, a lead, a review and two tasks.
/// </summary>
internal static class CaseBenchmark
{
    private const int Workers = 200;

    public static async Task RunAsync(string directory, int people, int openCases)
    {
        var path = Path.Combine(directory, $"cases-{people}.db");
        if (File.Exists(path)) File.Delete(path);
        var options = new DbContextOptionsBuilder<SqliteCormDbContext>().UseSqlite($"Data Source={path}").Options;
        await using (var db = new SqliteCormDbContext(options)) await db.Database.MigrateAsync();
        var clock = Stopwatch.StartNew();
        DuplicateBenchmark.Generate(path, people, 0);
        var phones = KeyPhones(path);
        Console.WriteLine($"Built {people:N0} people ({phones.Count:N0} mobiles with dial keys) in {clock.Elapsed.TotalSeconds:N0} s.");
        clock.Restart();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await BuildCasesAsync(options, people, openCases, today);
        Console.WriteLine($"Built {openCases:N0} open cases with clients, leads, reviews and two tasks each in {clock.Elapsed.TotalSeconds:N0} s.");


        var factory = new DuplicateBenchmark.SingleFactory(options);
        var lookup = new CallerLookup(factory, TimeProvider.System);
        var caseloads = new Caseloads(factory, TimeProvider.System);
        var worker = UserScope.Of(1, "bench worker", Roles.CaseWorker);
        var supervisor = UserScope.Of(Workers + 1, "bench supervisor", Roles.CaseSupervisor);
        var f = new Faker { Random = new Randomizer(16) };

        // A phone number as callers give it: with the country code, spaced, or with the international prefix.
        string Format(string mobile) => f.Random.Int(0, 2) switch
        {
            0 => $"+351 {mobile[..3]} {mobile[3..6]} {mobile[6..]}",
            1 => $"00351{mobile}",
            _ => $"{mobile[..3]}-{mobile[3..6]}-{mobile[6..]}",
        };
        var found = 0;
        await Measure("Caller lookup by phone (any format), case worker", 300, async () => found += (await lookup.FindAsync(worker, Format(f.PickRandom(phones)))).Count);
        Console.WriteLine($"  ({found:N0} people found for 300 numbers)");
        await using (var db = new SqliteCormDbContext(options))
        {
            var surnames = await db.Constituents.OrderBy(c => c.Id).Select(c => c.LastName).Take(5000).ToListAsync();
            await Measure("Caller lookup by surname prefix, case worker", 300, async () =>
            {
                var surname = f.PickRandom(surnames);
                await lookup.FindAsync(worker, surname[..Math.Min(5, surname.Length)]);
            });
        }
        await Measure("Caller lookup by phone, supervisor (every case openable)", 300, async () => await lookup.FindAsync(supervisor, Format(f.PickRandom(phones))));
        await Measure("My caseload, first page (worker leading 1,000 cases)", 100, async () => await caseloads.MineAsync(worker, 0, 25));
        await Measure("My caseload, page 20", 100, async () => await caseloads.MineAsync(worker, 20, 25));
        await Measure($"Supervisor: caseloads of {Workers} workers over {openCases:N0} open cases", 30, async () => await caseloads.WorkersAsync(supervisor));
        await Measure("Supervisor: a worker's caseload, first page", 100, async () => await caseloads.OfWorkerAsync(supervisor, 1 + f.Random.Int(0, Workers - 1), 0, 25));
    }

    private static async Task Measure(string name, int times, Func<Task> work)
    {
        await work(); // warm-up: plans compiled, pages cached
        var samples = new List<double>(times);
        for (var i = 0; i < times; i++)
        {
            var clock = Stopwatch.StartNew();
            await work();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        double At(double p) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(p * samples.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: p50 {At(0.5):0.0} ms, p95 {At(0.95):0.0} ms, max {samples[^1]:0.0} ms ({times} runs)"));
    }

    /// <summary>The generator writes contact points in bulk, past the interceptor: give them their dial keys as a start-up back-fill would.</summary>
    private static List<string> KeyPhones(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        var phones = new List<(long Id, string Value)>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id, Value FROM ContactPoints WHERE Kind IN (1, 2)";
            using var reader = read.ExecuteReader();
            while (reader.Read()) phones.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        using var tx = connection.BeginTransaction();
        using var update = connection.CreateCommand();
        update.Transaction = tx;
        update.CommandText = "UPDATE ContactPoints SET DialKey = $k WHERE Id = $id";
        var key = update.Parameters.Add("$k", SqliteType.Text);
        var id = update.Parameters.Add("$id", SqliteType.Integer);
        foreach (var (rowId, value) in phones)
        {
            key.Value = (object?)ContactPoint.DialKeyOf(value) ?? DBNull.Value;
            id.Value = rowId;
            update.ExecuteNonQuery();
        }
        tx.Commit();
        return phones.Select(p => p.Value).ToList();
    }

    private static async Task BuildCasesAsync(DbContextOptions<SqliteCormDbContext> options, int people, int openCases, DateOnly today)
    {
        var f = new Faker { Random = new Randomizer(20000) };
        var now = DateTime.UtcNow;
        var types = new[] { "Youth support", "Wellbeing", "Financial hardship", "Accommodation" }.Select(n =>
        {
            var t = CaseType.Define(n, null, 28);
            t.AddOutcome("Helped", true);
            return t;
        }).ToArray();
        await using (var db = new SqliteCormDbContext(options))
        {
            db.CaseTypes.AddRange(types);
            // Workers 1..200 and a supervisor (201) sign in; their records are among the population.
            for (var w = 1; w <= Workers + 1; w++)
                db.PortalUsers.Add(new PortalUser { ConstituentId = w, Email = $"worker{w}@bench.example", DisplayName = $"Worker {w}", Roles = w <= Workers ? Roles.CaseWorker : Roles.CaseSupervisor });
            await db.SaveChangesAsync();
        }
        for (var start = 0; start < openCases; start += 2000)
        {
            await using var db = new SqliteCormDbContext(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.CaseTypes.AttachRange(types); // saved above: Case.Open links each case to its type object
            var batch = new List<Case>();
            for (var i = start; i < Math.Min(openCases, start + 2000); i++)
            {
                var lead = i < 1000 ? 1 : 2 + i % (Workers - 1);
                var opened = today.AddDays(-f.Random.Int(0, 360));
                var c = Case.Open(f.PickRandom(types), "Benchmark case", null, [f.Random.Int(Workers + 2, people)], lead, opened, opened.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), lead);
                if (f.Random.Bool(0.8f)) c.Accept();
                batch.Add(c);
            }
            db.Cases.AddRange(batch);
            await db.SaveChangesAsync();
            foreach (var c in batch)
                for (var t = 0; t < 2; t++)
                {
                    var due = c.OpenedOn.AddDays(f.Random.Int(0, 60));
                    var task = FollowUp.Create(c.Clients[0].ConstituentId, c.Team[0].MemberId, Topic.Case, $"Task {t}", null, due, due, null, now);
                    task.CaseId = c.Id;
                    db.FollowUps.Add(task);
                }
            await db.SaveChangesAsync();
        }
    }
}
