using System.Diagnostics;
using System.Globalization;
using Bogus;
using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoRM.Benchmarks;

/// <summary>
/// The duplicate finder at large-university scale: a population with realistic name diversity, a known share of it
/// recorded twice the ways it happens (a typo and no e-mail, names swapped, the e-mail in capitals, a phone in another
/// format, a missing birth date), and a full scan measured for time, precision and recall against the planted pairs.
/// </summary>
internal static class DuplicateBenchmark
{
    public static async Task RunAsync(string directory, int people, double duplicateShare)
    {
        var path = Path.Combine(directory, $"duplicates-{people}.db");
        if (File.Exists(path)) File.Delete(path);
        var options = new DbContextOptionsBuilder<SqliteCormDbContext>().UseSqlite($"Data Source={path}").Options;
        await using (var db = new SqliteCormDbContext(options)) await db.Database.MigrateAsync();

        var clock = Stopwatch.StartNew();
        var planted = Generate(path, people, duplicateShare);
        Console.WriteLine($"Built {people:N0} people and {planted.Count:N0} planted duplicates in {clock.Elapsed.TotalSeconds:N0} s.");

        var factory = new SingleFactory(options);
        var finder = new DuplicateFinder(factory, Options.Create(new MatchingOptions()), TimeProvider.System);
        clock.Restart();
        var scan = await finder.ScanAsync();
        var total = clock.Elapsed;

        await using var check = new SqliteCormDbContext(options);
        var found = await check.DuplicateCandidates.Select(d => new { d.FirstId, d.SecondId, d.Score }).ToListAsync();
        var truth = planted.Select(p => (Math.Min(p.A, p.B), Math.Max(p.A, p.B))).ToHashSet();
        var hits = found.Count(f => truth.Contains((f.FirstId, f.SecondId)));
        var samePerson = found.Where(f => f.Score >= 90).ToList();
        var samePersonHits = samePerson.Count(f => truth.Contains((f.FirstId, f.SecondId)));
        Console.WriteLine($"Full scan of {scan.People:N0} people: {total.TotalSeconds:N1} s ({scan.PairsCompared:N0} pairs compared, {scan.Candidates:N0} to review).");
        Console.WriteLine($"Review queue (score >= 50): precision {Ratio(hits, found.Count)}, recall {Ratio(hits, truth.Count)}.");
        Console.WriteLine($"Same person (score >= 90): precision {Ratio(samePersonHits, samePerson.Count)}, recall {Ratio(samePersonHits, truth.Count)}.");
        foreach (var kind in planted.GroupBy(p => p.Kind).OrderBy(g => g.Key))
            Console.WriteLine($"  {kind.Key,-34} recall {Ratio(kind.Count(p => found.Any(f => (f.FirstId, f.SecondId) == (Math.Min(p.A, p.B), Math.Max(p.A, p.B)))), kind.Count())}");

        // A merge of a busy record: 5,000 interactions and 20 follow-ups move, in one transaction, among 600,000 people.
        var (busy, copy) = planted[0] is var first ? (first.A, first.B) : default;
        await using (var db = new SqliteCormDbContext(options))
        {
            var now = DateTime.UtcNow;
            db.Interactions.AddRange(Enumerable.Range(0, 5_000).Select(i => Interaction.Log(busy, Channel.Email, Topic.General, $"Message {i}", null, now.AddMinutes(-i), null, now)));
            db.FollowUps.AddRange(Enumerable.Range(0, 20).Select(i => FollowUp.Create(busy, busy, Topic.General, $"Task {i}", null, DateOnly.FromDateTime(now).AddDays(i), DateOnly.FromDateTime(now), null, now)));
            await db.SaveChangesAsync();
        }
        var merges = new RecordMerges(factory, new CommandRunner(factory), new AuditTrail(TimeProvider.System), TimeProvider.System);
        var steward = UserScope.Of(copy, "bench steward", Roles.DataSteward);
        clock.Restart();
        var merged = await merges.MergeAsync(steward, new MergeRequest(copy, busy, new HashSet<string>()));
        Console.WriteLine($"Merge of a record with 5,000 interactions into its copy: {clock.Elapsed.TotalMilliseconds:N0} ms ({(merged.Succeeded ? "ok" : merged.Message)}).");
    }

    private static string Ratio(int part, int whole) => whole == 0 ? "—" : ((double)part / whole).ToString("0.000", CultureInfo.InvariantCulture);

    internal sealed record Planted(int A, int B, string Kind);

    internal static List<Planted> Generate(string path, int people, double duplicateShare)
    {
        var f = new Faker("pt_PT") { Random = new Randomizer(20261201) };
        var english = new Faker("en") { Random = new Randomizer(1201) };
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;";
            pragma.ExecuteNonQuery();
        }
        using var tx = connection.BeginTransaction();
        var person = Command(connection, tx, "INSERT INTO Constituents (Id, Kind, FirstName, LastName, DisplayName, SortName, SearchName, BirthDate, Email, DoNotContact, EmailOptOut, PostOptOut, CreatedAt, Version) VALUES ($id, 0, $f, $l, $d, $s, $n, $b, $e, 0, 0, 0, '2026-01-01 00:00:00', $v)",
            "$id", "$f", "$l", "$d", "$s", "$n", "$b", "$e", "$v");
        var phone = Command(connection, tx, "INSERT INTO ContactPoints (ConstituentId, Kind, Value, IsPrimary) VALUES ($c, 2, $v, 1)", "$c", "$v");
        var address = Command(connection, tx, "INSERT INTO Addresses (ConstituentId, Street, City, PostalCode, Region, Country, IsPrimary) VALUES ($c, 'Rua', 'Lisboa', $p, 'Lisbon', 'Portugal', 1)", "$c", "$p");

        var rows = new List<(string First, string Last, DateOnly? Born, string? Email, string? Phone, string? Postcode)>(people);
        void Insert(int id, string first, string last, DateOnly? born, string? email, string? mobile, string? postcode)
        {
            Run(person, id, first, last, $"{first} {last}", SearchText.Fold($"{last} {first}"), SearchText.Fold($"{first} {last}"),
                born?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), email, Guid.NewGuid().ToString().ToUpperInvariant()); // EF writes Guids upper-case on SQLite
            if (mobile is not null) Run(phone, id, mobile);
            if (postcode is not null) Run(address, id, postcode);
        }

        var originals = (int)(people * (1 - duplicateShare));
        for (var id = 1; id <= originals; id++)
        {
            var names = id % 5 == 0 ? english : f;
            var first = names.Name.FirstName();
            var last = names.Name.LastName() + (f.Random.Int(0, 3) == 0 ? " " + f.Name.LastName() : "");
            DateOnly? born = f.Random.Int(0, 9) == 0 ? null : today.AddDays(-f.Random.Int(17 * 365, 85 * 365));
            var email = f.Random.Int(0, 4) == 0 ? null : $"{SearchText.Fold(first).ToLowerInvariant()}.{SearchText.Fold(last).Replace(' ', '.').ToLowerInvariant()}{id}@example.org";
            var mobile = f.Random.Int(0, 2) == 0 ? null : $"9{f.Random.Int(10_000_000, 99_999_999)}";
            var postcode = f.Random.Int(0, 3) == 0 ? null : $"{f.Random.Int(1000, 9999)}-{f.Random.Int(100, 999)}";
            rows.Add((first, last, born, email, mobile, postcode));
            Insert(id, first, last, born, email, mobile, postcode);
        }

        var planted = new List<Planted>();
        for (var id = originals + 1; id <= people; id++)
        {
            var of = f.Random.Int(1, originals);
            var (first, last, born, email, mobile, postcode) = rows[of - 1];
            switch (f.Random.Int(0, 4))
            {
                case 0 when born is not null: // typed from a guest list: a typo in the surname, no e-mail, the phone written another way
                    Insert(id, first, Typo(f, last), born, null, mobile is null ? null : $"+351 {mobile[..3]} {mobile[3..6]} {mobile[6..]}", postcode);
                    planted.Add(new(of, id, "surname typo, no e-mail"));
                    break;
                case 1 when born is not null: // a paper form read the other way round
                    Insert(id, last, first, born, null, null, postcode);
                    planted.Add(new(of, id, "names swapped, no e-mail"));
                    break;
                case 2 when email is not null: // an inquiry in capitals, no birth date, a first-name typo
                    Insert(id, Typo(f, first), last, null, email.ToUpperInvariant(), null, null);
                    planted.Add(new(of, id, "e-mail in capitals, first-name typo"));
                    break;
                case 3 when mobile is not null && postcode is not null: // a phone call: name, phone and postcode, nothing else
                    Insert(id, first, last, null, null, "00351" + mobile, postcode);
                    planted.Add(new(of, id, "phone in another format, postcode"));
                    break;
                default: // the same person, birth date and a new e-mail address
                    if (born is null) { id--; continue; }
                    Insert(id, first.ToUpperInvariant(), last, born, $"new.address{id}@example.net", null, null);
                    planted.Add(new(of, id, "new e-mail, same name and birth date"));
                    break;
            }
        }
        tx.Commit();
        return planted;
    }

    /// <summary>One slip of the keyboard: a letter dropped, doubled, swapped with its neighbour or replaced.</summary>
    private static string Typo(Faker f, string name)
    {
        if (name.Length < 4) return name + "e";
        var i = f.Random.Int(1, name.Length - 2);
        return f.Random.Int(0, 3) switch
        {
            0 => name.Remove(i, 1),
            1 => name.Insert(i, name[i].ToString()),
            2 => string.Concat(name.AsSpan(0, i), name[i + 1].ToString(), name[i].ToString(), name.AsSpan(i + 2)),
            _ => string.Concat(name.AsSpan(0, i), "x", name.AsSpan(i + 1)),
        };
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var p in parameters) command.Parameters.Add(new SqliteParameter(p, null));
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    internal sealed class SingleFactory(DbContextOptions<SqliteCormDbContext> options) : IDbContextFactory<CormDbContext>
    {
        public CormDbContext CreateDbContext() => new SqliteCormDbContext(options);
    }
}
