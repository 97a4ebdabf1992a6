using CoRM.Domain.Academics;
using CoRM.Domain.Access;
using CoRM.Domain.StudentSuccess;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.StudentSuccess;

public enum CohortDimension
{
    Region,
    Timing,
    Programme,
    Term,
}

/// <summary>
/// One group of a cohort: how many students; of those whose outcome is recorded, how many dropped out; of those still
/// studying, how many are at high risk now. Each rate has its own denominator, so students still enrolled do not
/// dilute the dropout rate and finished students do not dilute the high-risk share.
/// </summary>
public sealed record CohortRow(string Group, int Students, int DroppedOut, int HighRisk, int WithOutcome, int Current)
{
    public double DropoutRate => WithOutcome == 0 ? 0 : (double)DroppedOut / WithOutcome;
    public double HighRiskRate => Current == 0 ? 0 : (double)HighRisk / Current;
}

public sealed record TermOption(int Id, string Code, string Name);

/// <summary>
/// Dropout and high-risk rates by region, by late or on-time enrolment, by programme and by term, computed in the
/// database over programme enrolments. Student-success staff and administrators only.
/// </summary>
public sealed class CohortAnalytics(IDbContextFactory<CormDbContext> dbFactory, TimeProvider time)
{
    public const string Late = "Enrolled late";
    public const string OnTime = "Enrolled on time";
    public const string Unknown = "(not recorded)";

    public static bool MayUse(UserScope user) => user.IsIn(Roles.StudentSuccess) || user.IsIn(Roles.Admin);

    public async Task<IReadOnlyList<TermOption>> TermsAsync(UserScope user, CancellationToken ct = default)
    {
        if (!MayUse(user)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Terms that have begun: the next intake has applicants, not a cohort to analyse yet.
        var today = time.Today();
        return await db.Terms.Where(t => t.StartsOn <= today).OrderByDescending(t => t.StartsOn).Select(t => new TermOption(t.Id, t.Code, t.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<CohortRow>> ByAsync(UserScope user, CohortDimension dimension, int? termId, CancellationToken ct = default)
    {
        if (!MayUse(user)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Query(db, dimension, dimension == CohortDimension.Term ? null : termId).ToListAsync(ct);
        return rows.OrderByDescending(r => r.Students).ToList();
    }

    /// <summary>The rows as CSV, for a spreadsheet: group, students, outcomes, dropouts, rate, current students, high-risk count, rate.</summary>
    public static string ToCsv(IEnumerable<CohortRow> rows, CohortDimension dimension) =>
        Common.TabularExport.ToCsv([dimension.ToString(), "Students", "WithOutcome", "DroppedOut", "DropoutRate", "Current", "HighRisk", "HighRiskRate"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Group, r.Students, r.WithOutcome, r.DroppedOut, Math.Round(r.DropoutRate, 4), r.Current, r.HighRisk, Math.Round(r.HighRiskRate, 4)]));

    internal static IQueryable<CohortRow> Query(CormDbContext db, CohortDimension dimension, int? termId)
    {
        var enrolments = db.ProgrammeEnrolments.Where(e => termId == null || e.TermId == termId);
        var finished = RiskAssessmentJob.Finished(db);
        var facts = enrolments.Select(e => new
        {
            Finished = finished.Contains(e.StudentId),
            e.StudentId,
            Region = db.Constituents.Where(c => c.Id == e.StudentId).Select(c => c.Region).FirstOrDefault() ?? Unknown,
            Timing = e.EnrolledOn > e.Term!.EnrolmentDeadline ? Late : OnTime,
            Programme = e.Programme!.Name,
            Term = e.Term.Code,
            DroppedOut = e.Status == EnrolmentStatus.DroppedOut,
            // The band advisors see on their list: the rules' latest assessment.
            High = db.RiskAssessments.Where(a => a.StudentId == e.StudentId && a.Method == RiskMethod.Rules)
                .OrderByDescending(a => a.AssessedOn).Select(a => (RiskBand?)a.Band).FirstOrDefault() == RiskBand.High,
        });
        // Students, not enrolments: one student enrolled in several terms counts once per group.
        return dimension switch
        {
            CohortDimension.Timing => facts.GroupBy(f => f.Timing).Select(g => new CohortRow(g.Key, g.Select(f => f.StudentId).Distinct().Count(),
                g.Where(f => f.DroppedOut).Select(f => f.StudentId).Distinct().Count(), g.Where(f => f.High && !f.Finished).Select(f => f.StudentId).Distinct().Count(),
                g.Where(f => f.Finished).Select(f => f.StudentId).Distinct().Count(), g.Where(f => !f.Finished).Select(f => f.StudentId).Distinct().Count())),
            CohortDimension.Programme => facts.GroupBy(f => f.Programme).Select(g => new CohortRow(g.Key, g.Select(f => f.StudentId).Distinct().Count(),
                g.Where(f => f.DroppedOut).Select(f => f.StudentId).Distinct().Count(), g.Where(f => f.High && !f.Finished).Select(f => f.StudentId).Distinct().Count(),
                g.Where(f => f.Finished).Select(f => f.StudentId).Distinct().Count(), g.Where(f => !f.Finished).Select(f => f.StudentId).Distinct().Count())),
            CohortDimension.Term => facts.GroupBy(f => f.Term).Select(g => new CohortRow(g.Key, g.Select(f => f.StudentId).Distinct().Count(),
                g.Where(f => f.DroppedOut).Select(f => f.StudentId).Distinct().Count(), g.Where(f => f.High && !f.Finished).Select(f => f.StudentId).Distinct().Count(),
                g.Where(f => f.Finished).Select(f => f.StudentId).Distinct().Count(), g.Where(f => !f.Finished).Select(f => f.StudentId).Distinct().Count())),
            _ => facts.GroupBy(f => f.Region).Select(g => new CohortRow(g.Key, g.Select(f => f.StudentId).Distinct().Count(),
                g.Where(f => f.DroppedOut).Select(f => f.StudentId).Distinct().Count(), g.Where(f => f.High && !f.Finished).Select(f => f.StudentId).Distinct().Count(),
                g.Where(f => f.Finished).Select(f => f.StudentId).Distinct().Count(), g.Where(f => !f.Finished).Select(f => f.StudentId).Distinct().Count())),
        };
    }
}
