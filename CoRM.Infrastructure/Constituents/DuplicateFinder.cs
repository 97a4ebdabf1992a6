using System.Diagnostics;
using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Constituents;

/// <summary>What a full scan did.</summary>
public sealed record DuplicateScan(int People, int PairsCompared, int Candidates, int NewCandidates, TimeSpan Elapsed);

/// <summary>
/// Finds people recorded twice, over the whole database, without comparing all pairs: each person gets a few blocking
/// keys (the same e-mail, phone or external id; last or first name with the birth date; both names in either order with
/// the birth date or the postcode), only people who share a key are scored with <see cref="PersonMatcher"/>, and pairs
/// at or above the "possible duplicate" threshold go to the review queue. Pairs already reviewed stay as reviewed.
/// </summary>
public sealed class DuplicateFinder(IDbContextFactory<CormDbContext> dbFactory, IOptions<MatchingOptions> options, TimeProvider time)
{
    /// <summary>
    /// A key shared by more people than this says nothing (a family or office e-mail, a common surname in one postcode);
    /// the other keys still find the duplicates in it. Bounds the work: at most Max²/2 comparisons a block.
    /// </summary>
    public const int MaxBlock = 60;

    internal sealed record Person(int Id, PersonFacts Facts);

    public async Task<DuplicateScan> ScanAsync(CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var people = await LoadAsync(ct);
        var (pairs, compared) = Find(people, options.Value.CallingCode, options.Value.Thresholds);
        var (total, added) = await SaveAsync(pairs, ct);
        return new DuplicateScan(people.Count, compared, total, added, clock.Elapsed);
    }

    /// <summary>Every person with what matching needs: name, e-mail, birth date, student number, first phone, primary postcode.</summary>
    internal async Task<List<Person>> LoadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        var phones = new Dictionary<int, string>();
        await foreach (var p in db.ContactPoints.AsNoTracking().Where(p => p.Kind == ContactPointKind.Phone || p.Kind == ContactPointKind.Mobile)
                           .OrderByDescending(p => p.IsPrimary).Select(p => new { p.ConstituentId, p.Value }).AsAsyncEnumerable().WithCancellation(ct))
            phones.TryAdd(p.ConstituentId, p.Value);
        var postcodes = new Dictionary<int, string>();
        await foreach (var a in db.Addresses.AsNoTracking().OrderByDescending(a => a.IsPrimary).Select(a => new { a.ConstituentId, a.PostalCode })
                           .AsAsyncEnumerable().WithCancellation(ct))
            postcodes.TryAdd(a.ConstituentId, a.PostalCode);
        var people = new List<Person>();
        await foreach (var c in db.Constituents.AsNoTracking().Where(c => c.Kind == ConstituentKind.Person)
                           .Select(c => new { c.Id, c.FirstName, c.LastName, c.Email, c.BirthDate, c.StudentNumber }).AsAsyncEnumerable().WithCancellation(ct))
            people.Add(new Person(c.Id, new PersonFacts(c.FirstName, c.LastName, c.Email, phones.GetValueOrDefault(c.Id), c.BirthDate,
                postcodes.GetValueOrDefault(c.Id), c.StudentNumber)));
        return people;
    }

    /// <summary>The blocking and the scoring, apart from the database (the benchmark measures it alone).</summary>
    internal static (List<(int A, int B, MatchScore Score)> Pairs, int Compared) Find(IReadOnlyList<Person> people, string callingCode, MatchThresholds thresholds)
    {
        var blocks = new Dictionary<string, List<int>>(people.Count * 4, StringComparer.Ordinal);
        for (var i = 0; i < people.Count; i++)
            foreach (var key in Keys(people[i].Facts, callingCode))
            {
                if (!blocks.TryGetValue(key, out var members)) blocks[key] = members = new List<int>(2);
                if (members.Count <= MaxBlock) members.Add(i);
            }

        var seen = new HashSet<long>();
        var candidates = new List<(int, int)>();
        foreach (var members in blocks.Values)
        {
            if (members.Count < 2 || members.Count > MaxBlock) continue;
            for (var x = 0; x < members.Count; x++)
                for (var y = x + 1; y < members.Count; y++)
                {
                    var (i, j) = members[x] < members[y] ? (members[x], members[y]) : (members[y], members[x]);
                    if (seen.Add(DuplicateCandidate.PairKey(i, j))) candidates.Add((i, j));
                }
        }

        // Scoring is pure and independent per pair: spread it over the cores.
        var found = new System.Collections.Concurrent.ConcurrentBag<(int, int, MatchScore)>();
        Parallel.ForEach(candidates, pair =>
        {
            var score = PersonMatcher.Score(people[pair.Item1].Facts, people[pair.Item2].Facts, callingCode);
            if (score.Score >= thresholds.PossibleDuplicate) found.Add((people[pair.Item1].Id, people[pair.Item2].Id, score));
        });
        return (found.ToList(), candidates.Count);
    }

    internal static IEnumerable<string> Keys(PersonFacts facts, string callingCode)
    {
        if (MatchKeys.Email(facts.Email) is { } email) yield return "e:" + email;
        if (MatchKeys.Phone(facts.Phone, callingCode) is { } phone) yield return "p:" + phone;
        if (MatchKeys.ExternalId(facts.ExternalId) is { } id) yield return "x:" + id;
        var first = MatchKeys.Name(facts.FirstName);
        var last = MatchKeys.Name(facts.LastName);
        var both = string.CompareOrdinal(first, last) <= 0 ? first + "|" + last : last + "|" + first;
        if (facts.BirthDate is { } born)
        {
            var date = MatchKeys.Date(born);
            if (last.Length > 0) yield return "ld:" + last + "|" + date;
            if (first.Length > 0) yield return "fd:" + first + "|" + date;
            if (first.Length > 0 && last.Length > 0) yield return "nd:" + both + "|" + date;
        }
        if (MatchKeys.PostalCode(facts.PostalCode) is { } postcode && last.Length > 0)
        {
            yield return "np:" + both + "|" + postcode;
            yield return "lp:" + last + "|" + postcode;
        }
    }

    private async Task<(int Total, int Added)> SaveAsync(List<(int A, int B, MatchScore Score)> pairs, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = (await db.DuplicateCandidates.ToListAsync(ct)).ToDictionary(d => DuplicateCandidate.PairKey(d.FirstId, d.SecondId));
        var added = 0;
        foreach (var (a, b, score) in pairs)
        {
            if (existing.TryGetValue(DuplicateCandidate.PairKey(a, b), out var known)) known.Rescore(score);
            else
            {
                db.DuplicateCandidates.Add(DuplicateCandidate.Found(a, b, score, now));
                added++;
            }
        }
        await db.SaveChangesAsync(ct);
        return (existing.Count + added, added);
    }
}

/// <summary>Nightly: a full duplicate scan, so pairs that got in during the day are waiting in the queue in the morning.</summary>
public sealed class DuplicateScanJob(DuplicateFinder finder)
{
    public const string RecurringJobId = "duplicate-scan";

    public async Task<int> RunAsync(CancellationToken ct = default) => (await finder.ScanAsync(ct)).NewCandidates;
}
