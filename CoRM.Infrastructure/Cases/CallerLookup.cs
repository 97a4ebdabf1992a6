using CoRM.Domain.Access;
using CoRM.Domain.Cases;
using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Cases;

public sealed record CallerCase(int Id, string TypeName, CaseStatus Status, string? LeadName, bool MayOpen)
{
    public string Reference => Case.FormatReference(Id);
}

public sealed record CallerFlag(string Label, FlagVisibility Visibility);

/// <summary>
/// One person a caller may be: who they are (enough to confirm on the phone), their active cases (reference, type, lead, and
/// whether this worker may open it — otherwise break-glass), and the flags a case worker sees.
/// </summary>
public sealed record CallerMatch(int Id, string DisplayName, DateOnly? BirthDate, string? Region, string? MatchedPhone, bool MayOpenRecord,
    IReadOnlyList<CallerCase> Cases, IReadOnlyList<CallerFlag> Flags);

/// <summary>
/// "Who is calling?" for case workers: a phone number in any common format (compared on its last nine digits, one index
/// seek), a record id, or a name prefix in either order, across every record — a caller may not have a case yet — and then
/// only what a case worker needs to take the call. Nobody outside case work may use it.
/// </summary>
public sealed class CallerLookup(IDbContextFactory<CormDbContext> dbFactory, TimeProvider time)
{
    public const int MaxMatches = 20;

    public enum TermKind { TooShort, Phone, Id, Name }

    public static TermKind Classify(string? term)
    {
        term = term?.Trim() ?? "";
        if (term.StartsWith("C-", StringComparison.OrdinalIgnoreCase) && int.TryParse(term[2..], out _)) return TermKind.Id;
        var digits = term.Count(char.IsAsciiDigit);
        // Phone numbers are digits with spaces, dashes, dots, brackets and a leading plus.
        if (digits >= ContactPoint.DialKeyMinimumDigits && term.All(ch => char.IsAsciiDigit(ch) || " +-.()/".Contains(ch))) return TermKind.Phone;
        if (digits > 0 && digits == term.Length) return TermKind.Id;
        return SearchText.Fold(term).Length >= ConstituentSearch.MinimumNameLength ? TermKind.Name : TermKind.TooShort;
    }

    public async Task<IReadOnlyList<CallerMatch>> FindAsync(UserScope user, string? term, CancellationToken ct = default)
    {
        if (!user.WorksCases) return [];
        var kind = Classify(term);
        if (kind == TermKind.TooShort) return [];
        term = term!.Trim();
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var people = db.Constituents.Where(Constituent.Current);
        Dictionary<int, string>? phones = null;
        List<int> ids;
        switch (kind)
        {
            case TermKind.Phone:
                var key = ContactPoint.DialKeyOf(term);
                var hits = await Matches(db, key).ToListAsync(ct);
                phones = hits.GroupBy(h => h.ConstituentId).ToDictionary(g => g.Key, g => g.First().Value);
                ids = await people.Where(c => phones.Keys.Contains(c.Id)).OrderBy(c => c.SortName).Select(c => c.Id).Take(MaxMatches).ToListAsync(ct);
                break;
            case TermKind.Id:
                var id = int.Parse(term.StartsWith("C-", StringComparison.OrdinalIgnoreCase) ? term[2..] : term, System.Globalization.CultureInfo.InvariantCulture);
                ids = await people.Where(c => c.Id == id).Select(c => c.Id).ToListAsync(ct);
                break;
            default:
                // SortName + "": see ConstituentSearch (PostgreSQL would walk the whole SortName index in order).
                ids = await ConstituentSearch.WithNamePrefix(people, SearchText.Fold(term)).OrderBy(c => c.SortName + "").ThenBy(c => c.Id)
                    .Select(c => c.Id).Take(MaxMatches).ToListAsync(ct);
                break;
        }
        if (ids.Count == 0) return [];

        var found = await db.Constituents.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.DisplayName, c.BirthDate, c.Region }).ToListAsync(ct);
        var inScope = await ConstituentScope.VisibleTo(db, user, time).Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        var cases = await CaseAccess.ActiveCasesOf(db, user, ids, now).ToListAsync(ct);
        var flags = await CaseAccess.VisibleFlags(db, user, now).Where(f => ids.Contains(f.ConstituentId))
            .Select(f => new { f.ConstituentId, f.Label, f.Visibility }).ToListAsync(ct);

        return ids.Select(id => found.Single(f => f.Id == id)).Select(p => new CallerMatch(p.Id, p.DisplayName, p.BirthDate, p.Region,
                phones?.GetValueOrDefault(p.Id), inScope.Contains(p.Id),
                cases.Where(c => c.ClientId == p.Id).Select(c => c.Case).ToList(),
                flags.Where(f => f.ConstituentId == p.Id).OrderByDescending(f => f.Visibility).Select(f => new CallerFlag(f.Label, f.Visibility)).ToList()))
            .ToList();
    }

    /// <summary>The phone contact points with this dial key: an index seek on <see cref="ContactPoint.DialKey"/>.</summary>
    internal static IQueryable<ContactPoint> Matches(CormDbContext db, string? dialKey) =>
        db.ContactPoints.Where(p => p.DialKey == dialKey).Take(MaxMatches * 5);
}
