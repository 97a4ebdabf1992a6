using CoRM.Domain.Access;
using CoRM.Domain.Cases;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Cases;

public sealed record CaseMonth(int Month, int Opened, int Resolved, int Closed);

public sealed record OutcomeCount(string Outcome, bool Resolves, int Cases);

public sealed record CaseTypeMeasures(int TypeId, string TypeName, int Opened, int Resolved, int Closed, int ActiveNow, double? MedianDaysToResolution,
    IReadOnlyList<OutcomeCount> Outcomes);

public sealed record RegionHelped(string Region, int PeopleHelped, int CasesOpened);

/// <summary>A year of case work in numbers only: never names, notes or flags (they stay in the case module).</summary>
public sealed record CaseMeasures(int Year, IReadOnlyList<CaseMonth> Months, IReadOnlyList<CaseTypeMeasures> Types, int PeopleHelped,
    IReadOnlyList<RegionHelped> Regions)
{
    public int Opened => Types.Sum(t => t.Opened);
    public int Resolved => Types.Sum(t => t.Resolved);
    public int Closed => Types.Sum(t => t.Closed);
}

/// <summary>
/// Outcome measures of case work: cases opened, resolved and closed per month, time to resolution and outcomes by type,
/// people helped (distinct clients of cases resolved) by region. Counts for case workers, supervisors and administrators.
/// </summary>
public sealed class CaseOutcomes(IDbContextFactory<CormDbContext> dbFactory)
{
    public const string NoRegion = "(no region)";

    public static bool MaySee(UserScope user) => user.WorksCases || user.IsIn(Roles.Admin);

    public async Task<CaseMeasures?> ForYearAsync(UserScope user, int year, CancellationToken ct = default)
    {
        if (!MaySee(user) || year is < 2000 or > 2100) return null;
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = await db.Cases.Where(c => (c.OpenedOn >= from && c.OpenedOn < to) || (c.ClosedOn >= from && c.ClosedOn < to)
                                              || c.Status == CaseStatus.Intake || c.Status == CaseStatus.Open || c.Status == CaseStatus.OnHold)
            .Select(c => new { c.Id, c.CaseTypeId, c.OpenedOn, c.ClosedOn, c.Status, c.OutcomeId }).ToListAsync(ct);
        var types = await db.CaseTypes.AsNoTracking().Include(t => t.Outcomes).OrderBy(t => t.Name).ToListAsync(ct);

        bool OpenedIn(DateOnly d) => d >= from && d < to;
        bool ClosedIn(DateOnly? d) => d is { } x && x >= from && x < to;
        var months = Enumerable.Range(1, 12).Select(m => new CaseMonth(m,
            cases.Count(c => OpenedIn(c.OpenedOn) && c.OpenedOn.Month == m),
            cases.Count(c => c.Status == CaseStatus.Resolved && ClosedIn(c.ClosedOn) && c.ClosedOn!.Value.Month == m),
            cases.Count(c => c.Status == CaseStatus.Closed && ClosedIn(c.ClosedOn) && c.ClosedOn!.Value.Month == m))).ToList();

        var byType = types.Select(t =>
        {
            var ofType = cases.Where(c => c.CaseTypeId == t.Id).ToList();
            var ended = ofType.Where(c => ClosedIn(c.ClosedOn) && c.Status is CaseStatus.Resolved or CaseStatus.Closed).ToList();
            var days = ended.Where(c => c.Status == CaseStatus.Resolved).Select(c => (double)(c.ClosedOn!.Value.DayNumber - c.OpenedOn.DayNumber)).Order().ToList();
            return new CaseTypeMeasures(t.Id, t.Name, ofType.Count(c => OpenedIn(c.OpenedOn)), ended.Count(c => c.Status == CaseStatus.Resolved),
                ended.Count(c => c.Status == CaseStatus.Closed),
                ofType.Count(c => c.Status is CaseStatus.Intake or CaseStatus.Open or CaseStatus.OnHold),
                Median(days),
                t.Outcomes.Select(o => new OutcomeCount(o.Name, o.Resolves, ended.Count(c => c.OutcomeId == o.Id))).Where(o => o.Cases > 0 || t.Outcomes.Count <= 8).ToList());
        }).Where(t => t.Opened + t.Resolved + t.Closed + t.ActiveNow > 0 || types.Count <= 12).ToList();

        var resolvedIds = cases.Where(c => c.Status == CaseStatus.Resolved && ClosedIn(c.ClosedOn)).Select(c => c.Id).ToList();
        var openedIds = cases.Where(c => OpenedIn(c.OpenedOn)).Select(c => c.Id).ToList();
        var clientRegions = await db.CaseClients.Where(cc => resolvedIds.Contains(cc.CaseId) || openedIds.Contains(cc.CaseId))
            .Select(cc => new { cc.CaseId, cc.ConstituentId, Region = db.Constituents.Where(p => p.Id == cc.ConstituentId).Select(p => p.Region).FirstOrDefault() })
            .ToListAsync(ct);
        var helped = clientRegions.Where(c => resolvedIds.Contains(c.CaseId)).DistinctBy(c => c.ConstituentId).ToList();
        var regions = clientRegions.GroupBy(c => c.Region ?? NoRegion)
            .Select(g => new RegionHelped(g.Key, helped.Count(h => (h.Region ?? NoRegion) == g.Key), g.Where(c => openedIds.Contains(c.CaseId)).Select(c => c.CaseId).Distinct().Count()))
            .OrderByDescending(r => r.PeopleHelped).ThenByDescending(r => r.CasesOpened).ThenBy(r => r.Region).ToList();
        return new CaseMeasures(year, months, byType, helped.Count, regions);
    }

    public static readonly IReadOnlyList<string> CsvHeaders =
        ["Year", "CaseType", "Opened", "Resolved", "Closed", "ActiveNow", "MedianDaysToResolution", "Outcomes"];

    /// <summary>The measures by type as CSV: counts only (the portal's download records the export).</summary>
    public static string ToCsv(CaseMeasures measures) =>
        TabularExport.ToCsv(CsvHeaders, measures.Types.Select(t => (IReadOnlyList<object?>)[measures.Year, t.TypeName, t.Opened, t.Resolved, t.Closed, t.ActiveNow,
            t.MedianDaysToResolution, string.Join("; ", t.Outcomes.Where(o => o.Cases > 0).Select(o => $"{o.Outcome}: {o.Cases}"))]));

    private static double? Median(IReadOnlyList<double> sorted) =>
        sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
