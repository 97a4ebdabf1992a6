using CoRM.Domain.Access;
using CoRM.Domain.StudentSuccess;
using CoRM.Infrastructure.StudentSuccess;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.StudentSuccess;

/// <summary>One advisee row. Init properties rather than a positional record, so the database can sort on them.</summary>
public sealed record AdviseeSummary
{
    public required int Id { get; init; }
    public required string DisplayName { get; init; }
    public string? Email { get; init; }
    public string? Region { get; init; }
    public required DateOnly AdvisedSince { get; init; }
    public DateTime? LastContactAt { get; init; }
    public required int OpenFollowUps { get; init; }
    public required int OverdueFollowUps { get; init; }
    public double? RiskScore { get; init; }
    public RiskBand? RiskBand { get; init; }
    public string? RiskFactors { get; init; }
    public string? Programme { get; init; }

    /// <summary>Filled for the page's rows after the query: last two terms, absences, tuition standing.</summary>
    public RiskInputs? Standing { get; init; }

    public string? TopFactor => RiskAssessment.FirstExplanation(RiskFactors);
}

/// <summary>Optional filters for the advisee list.</summary>
public sealed record AdviseeFilter(RiskBand? Band = null, string? ProgrammeCode = null, int? TermId = null);

public enum AdviseeSort
{
    Name,
    LastContact,
    OpenFollowUps,
    Risk,
}

/// <summary>A faculty member's own advisees, with last contact and open follow-ups. Nobody else's.</summary>
public sealed class AdviseeList(IDbContextFactory<CormDbContext> dbFactory, TimeProvider time)
{
    public async Task<Page<AdviseeSummary>> MineAsync(UserScope user, AdviseeSort sort, bool descending, int pageIndex, int pageSize, CancellationToken ct = default) =>
        await MineAsync(user, sort, descending, new AdviseeFilter(), pageIndex, pageSize, ct);

    public async Task<Page<AdviseeSummary>> MineAsync(UserScope user, AdviseeSort sort, bool descending, AdviseeFilter filter, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        (pageIndex, pageSize) = Page<AdviseeSummary>.Clamp(pageIndex, pageSize);
        if (!user.IsIn(Roles.Faculty)) return new Page<AdviseeSummary>([], 0, pageIndex, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = time.Today();
        var query = Query(db, user.ConstituentId, today, TopicVisibility.VisibleTo(user));
        if (filter.Band is { } band) query = query.Where(a => a.RiskBand == band);
        if (!string.IsNullOrEmpty(filter.ProgrammeCode)) query = query.Where(a => a.Programme == filter.ProgrammeCode);
        if (filter.TermId is { } termId) query = query.Where(a => db.ProgrammeEnrolments.Any(e => e.StudentId == a.Id && e.TermId == termId));
        var total = await query.CountAsync(ct);
        query = (sort, descending) switch
        {
            (AdviseeSort.LastContact, false) => query.OrderBy(a => a.LastContactAt).ThenBy(a => a.DisplayName),
            (AdviseeSort.LastContact, true) => query.OrderByDescending(a => a.LastContactAt).ThenBy(a => a.DisplayName),
            (AdviseeSort.OpenFollowUps, false) => query.OrderBy(a => a.OpenFollowUps).ThenBy(a => a.DisplayName),
            (AdviseeSort.OpenFollowUps, true) => query.OrderByDescending(a => a.OverdueFollowUps).ThenByDescending(a => a.OpenFollowUps).ThenBy(a => a.DisplayName),
            (AdviseeSort.Risk, false) => query.OrderBy(a => a.RiskScore).ThenBy(a => a.DisplayName),
            (AdviseeSort.Risk, true) => query.OrderByDescending(a => a.RiskScore).ThenBy(a => a.DisplayName),
            (_, true) => query.OrderByDescending(a => a.DisplayName),
            _ => query.OrderBy(a => a.DisplayName),
        };
        var rows = await query.Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(ct);
        // The page's own students only: their last two terms, absences and tuition, for the trend columns.
        var ids = rows.Select(r => r.Id).ToList();
        var standing = await RiskInputsQuery.LoadAsync(db, db.Constituents.Where(c => ids.Contains(c.Id)).Select(c => c.Id), today, ct);
        rows = rows.Select(r => r with { Standing = standing.GetValueOrDefault(r.Id) }).ToList();
        return new Page<AdviseeSummary>(rows, total, pageIndex, pageSize);
    }

    /// <summary>The programmes the user's advisees are enrolled in, for the filter.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> ProgrammesAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.IsIn(Roles.Faculty)) return [];
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var advisees = ConstituentScope.ActiveAdvising(db, today).Where(r => r.RelatedId == user.ConstituentId).Select(r => r.SubjectId);
        var rows = await db.ProgrammeEnrolments.Where(e => advisees.Contains(e.StudentId)).Select(e => new { e.Programme!.Code, e.Programme.Name }).Distinct()
            .OrderBy(p => p.Name).ToListAsync(ct);
        return rows.Select(r => (r.Code, r.Name)).ToList();
    }

    /// <summary>The terms the user's advisees were enrolled in, newest first, for the filter.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> TermsAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.IsIn(Roles.Faculty)) return [];
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var advisees = ConstituentScope.ActiveAdvising(db, today).Where(r => r.RelatedId == user.ConstituentId).Select(r => r.SubjectId);
        var terms = await db.Terms.Where(t => db.ProgrammeEnrolments.Any(e => e.TermId == t.Id && advisees.Contains(e.StudentId)))
            .OrderByDescending(t => t.StartsOn).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        return terms.Select(t => (t.Id, t.Name)).ToList();
    }

    internal static IQueryable<AdviseeSummary> Query(CormDbContext db, int advisorId, DateOnly today, IReadOnlyList<Topic> topics) =>
        ConstituentScope.ActiveAdvising(db, today)
            .Where(r => r.RelatedId == advisorId)
            .Select(r => new AdviseeSummary
            {
                Id = r.SubjectId,
                DisplayName = r.Subject!.DisplayName,
                Email = r.Subject.Email,
                Region = r.Subject.Region,
                AdvisedSince = r.StartDate,
                LastContactAt = db.Interactions.Where(i => i.ConstituentId == r.SubjectId && topics.Contains(i.Topic)).Max(i => (DateTime?)i.OccurredAt),
                OpenFollowUps = db.FollowUps.Count(f => f.ConstituentId == r.SubjectId && f.CompletedAt == null && topics.Contains(f.Topic)),
                OverdueFollowUps = db.FollowUps.Count(f => f.ConstituentId == r.SubjectId && f.CompletedAt == null && f.DueOn < today && topics.Contains(f.Topic)),
                RiskScore = db.RiskAssessments.Where(a => a.StudentId == r.SubjectId && a.Method == RiskMethod.Rules)
                    .OrderByDescending(a => a.AssessedOn).Select(a => (double?)a.Score).FirstOrDefault(),
                RiskBand = db.RiskAssessments.Where(a => a.StudentId == r.SubjectId && a.Method == RiskMethod.Rules)
                    .OrderByDescending(a => a.AssessedOn).Select(a => (RiskBand?)a.Band).FirstOrDefault(),
                RiskFactors = db.RiskAssessments.Where(a => a.StudentId == r.SubjectId && a.Method == RiskMethod.Rules)
                    .OrderByDescending(a => a.AssessedOn).Select(a => a.Factors).FirstOrDefault(),
                Programme = db.ProgrammeEnrolments.Where(e => e.StudentId == r.SubjectId)
                    .OrderByDescending(e => e.Term!.StartsOn).Select(e => e.Programme!.Code).FirstOrDefault(),
            });
}
