using CoRM.Domain.Access;
using CoRM.Domain.Admissions;
using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Admissions;

public sealed record AdmissionsFilter(int? ProgrammeId = null, int? TermId = null, string? Region = null, AdmissionSource? Source = null);

public sealed record PipelineCard(int Id, int ApplicantId, string ApplicantName, string Programme, string Term, AdmissionSource Source,
    DateTime StartedAt, int MissingDocuments, int Readings, decimal? AverageScore, DateOnly? DepositDueOn, Guid Version = default);

public sealed record PipelineColumn(string Key, string Title, int Count, IReadOnlyList<PipelineCard> Cards);

/// <summary>One funnel step: how many reached it, and the share of the step before that did.</summary>
public sealed record FunnelStep(string Stage, int Count, double? ConversionFromPrevious);

public sealed record FunnelBreakdownRow(string Key, int Applications, int Admitted, int Enrolled)
{
    public double? AdmitRate => Applications == 0 ? null : (double)Admitted / Applications;
    public double? Yield => Admitted == 0 ? null : (double)Enrolled / Admitted;
}

public enum FunnelDimension { Programme, Source, Region }

public sealed record ReviewView(string Reader, DateTime SubmittedAt, AdmissionDecision Recommendation, decimal WeightedScore, string? Comments, IReadOnlyDictionary<RubricCriterion, int> Scores);

public sealed record ApplicationDetail(
    int Id, int ApplicantId, string ApplicantName, string? ApplicantEmail, string? Region, DateOnly? BirthDate,
    int ProgrammeId, string Programme, int TermId, string Term, AdmissionSource Source, AdmissionStage Stage,
    string? StartedBy, bool StartedByParent, string? Guardian, string? GuardianEmail, string? Counsellor,
    bool TranscriptReceived, bool StatementReceived, bool RecommendationReceived,
    DateTime StartedAt, DateTime? SubmittedAt, AdmissionDecision? Decision, DateTime? DecidedAt,
    decimal? DepositAmount, DateOnly? DepositDueOn, DateTime? DepositPaidAt, DateTime? EnrolledAt,
    int Readings, bool IReadIt, bool IsMine, IReadOnlyList<ReviewView> Reviews, decimal? AverageScore, Guid Version)
{
    public bool MayRead => !IReadIt && !IsMine && Stage is AdmissionStage.Submitted or AdmissionStage.InReview;
    public bool MayDecide => (Stage == AdmissionStage.InReview && Readings >= AdmissionsRubric.RequiredReaders) || Stage == AdmissionStage.Waitlisted;
}

public sealed record Option(int Id, string Name);

/// <summary>
/// The admissions board (a column per stage with counts and the oldest files first), the funnel with conversion
/// rates, its breakdowns, and one application's file. Admissions staff and administrators only.
/// </summary>
public sealed class AdmissionsBoard(IDbContextFactory<CormDbContext> dbFactory, AuditTrail audit, TimeProvider time)
{
    public const int CardsPerColumn = 15;

    private static readonly (AdmissionStage Stage, string Title)[] Columns =
    [
        (AdmissionStage.Started, "Applying"), (AdmissionStage.Submitted, "Submitted"), (AdmissionStage.InReview, "In review"),
        (AdmissionStage.Admitted, "Admitted"), (AdmissionStage.Waitlisted, "Waitlisted"), (AdmissionStage.Deposited, "Deposit paid"),
        (AdmissionStage.Enrolled, "Enrolled"),
    ];

    public async Task<IReadOnlyList<PipelineColumn>> BoardAsync(UserScope staff, AdmissionsFilter filter, CancellationToken ct = default)
    {
        if (!staff.WorksAdmissions) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var applications = Applications(db, filter);
        var counts = await applications.GroupBy(a => a.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var inquiries = Inquiries(db, filter).Where(r => r.ApplicationId == null);
        var columns = new List<PipelineColumn>
        {
            new("Inquiry", "Inquiry", await inquiries.CountAsync(ct), // one card per open request for information
                await InquiryCards(db, inquiries.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).Take(CardsPerColumn)).ToListAsync(ct)),
        };
        foreach (var (stage, title) in Columns)
        {
            var cards = await Cards(db, applications.Where(a => a.Stage == stage).OrderBy(a => a.StartedAt).ThenBy(a => a.Id).Take(CardsPerColumn)).ToListAsync(ct);
            columns.Add(new PipelineColumn(stage.ToString(), title, counts.GetValueOrDefault(stage), cards));
        }
        columns.Add(new PipelineColumn("Closed", "Denied or withdrawn", counts.GetValueOrDefault(AdmissionStage.Denied) + counts.GetValueOrDefault(AdmissionStage.Withdrawn), []));
        return columns;
    }

    /// <summary>
    /// The next cards of one column (its "Show more"), in the column's own order: inquiries newest first, applications
    /// oldest first. An unknown column or a closed one gives none.
    /// </summary>
    public async Task<IReadOnlyList<PipelineCard>> MoreAsync(UserScope staff, AdmissionsFilter filter, string column, int skip, CancellationToken ct = default)
    {
        if (!staff.WorksAdmissions || skip < 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (column == "Inquiry")
            return await InquiryCards(db, Inquiries(db, filter).Where(r => r.ApplicationId == null).OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id)
                .Skip(skip).Take(CardsPerColumn)).ToListAsync(ct);
        if (!Enum.TryParse<AdmissionStage>(column, out var stage) || Columns.All(c => c.Stage != stage)) return [];
        return await Cards(db, Applications(db, filter).Where(a => a.Stage == stage).OrderBy(a => a.StartedAt).ThenBy(a => a.Id).Skip(skip).Take(CardsPerColumn)).ToListAsync(ct);
    }

    /// <summary>Everyone who entered the funnel, and how many reached each later step.</summary>
    public async Task<IReadOnlyList<FunnelStep>> FunnelAsync(UserScope staff, AdmissionsFilter filter, CancellationToken ct = default)
    {
        if (!staff.WorksAdmissions) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reached = await Reached(Applications(db, filter)).SingleOrDefaultAsync(ct);
        var inquiredOnly = await Inquiries(db, filter).Where(r => r.ApplicationId == null).Select(r => r.ProspectId).Distinct().CountAsync(ct);
        var counts = new (string, int)[]
        {
            ("Inquired or applied", inquiredOnly + (reached?.Applied ?? 0)), ("Applied", reached?.Applied ?? 0), ("Complete", reached?.Submitted ?? 0),
            ("Admitted", reached?.Admitted ?? 0), ("Deposit paid", reached?.Deposited ?? 0), ("Enrolled", reached?.Enrolled ?? 0),
        };
        return counts.Select((c, i) => new FunnelStep(c.Item1, c.Item2, i == 0 || counts[i - 1].Item2 == 0 ? null : (double)c.Item2 / counts[i - 1].Item2)).ToList();
    }

    public async Task<IReadOnlyList<FunnelBreakdownRow>> BreakdownAsync(UserScope staff, AdmissionsFilter filter, FunnelDimension dimension, CancellationToken ct = default)
    {
        if (!staff.WorksAdmissions) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var applications = Applications(db, filter);
        var rows = dimension switch
        {
            FunnelDimension.Programme => await applications.Join(db.Programmes, a => a.ProgrammeId, p => p.Id, (a, p) => new { Key = p.Name, a })
                .GroupBy(x => x.Key).Select(g => new FunnelBreakdownRow(g.Key, g.Count(), g.Count(x => x.a.Decision == AdmissionDecision.Admit), g.Count(x => x.a.EnrolledAt != null))).ToListAsync(ct),
            FunnelDimension.Region => await applications.Join(db.Constituents, a => a.ApplicantId, c => c.Id, (a, c) => new { Key = c.Region ?? "Unknown", a })
                .GroupBy(x => x.Key).Select(g => new FunnelBreakdownRow(g.Key, g.Count(), g.Count(x => x.a.Decision == AdmissionDecision.Admit), g.Count(x => x.a.EnrolledAt != null))).ToListAsync(ct),
            _ => (await applications.GroupBy(a => a.Source).Select(g => new { g.Key, Applications = g.Count(), Admitted = g.Count(a => a.Decision == AdmissionDecision.Admit), Enrolled = g.Count(a => a.EnrolledAt != null) }).ToListAsync(ct))
                .Select(g => new FunnelBreakdownRow(g.Key.ToString(), g.Applications, g.Admitted, g.Enrolled)).ToList(),
        };
        return rows.OrderByDescending(r => r.Applications).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
    }

    public async Task<ApplicationDetail?> ApplicationAsync(UserScope staff, int applicationId, CancellationToken ct = default)
    {
        if (!staff.WorksAdmissions) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.AdmissionApplications.AsNoTracking().Include(x => x.Reviews).ThenInclude(r => r.Scores).SingleOrDefaultAsync(x => x.Id == applicationId, ct);
        if (a is null) return null;
        var names = await db.Constituents.Where(c => c.Id == a.ApplicantId || c.Id == a.StartedById || c.Id == a.GuardianId || c.Id == a.CounsellorId || a.Reviews.Select(r => r.ReaderId).Contains(c.Id))
            .Select(c => new { c.Id, c.DisplayName }).ToDictionaryAsync(c => c.Id, c => c.DisplayName, ct);
        var applicant = await db.Constituents.Where(c => c.Id == a.ApplicantId).Select(c => new { c.Email, c.Region, c.BirthDate }).SingleAsync(ct);
        var programme = await db.Programmes.Where(p => p.Id == a.ProgrammeId).Select(p => p.Name).SingleAsync(ct);
        var term = await db.Terms.Where(t => t.Id == a.TermId).Select(t => t.Name).SingleAsync(ct);
        var iReadIt = a.Reviews.Any(r => r.ReaderId == staff.ConstituentId);

        // Blind reading: a reader sees the others' scores only after giving their own, or once the file has its readings.
        var showReviews = iReadIt || a.Reviews.Count >= AdmissionsRubric.RequiredReaders;
        var reviews = showReviews
            ? a.Reviews.OrderBy(r => r.SubmittedAt).Select(r => new ReviewView(names.GetValueOrDefault(r.ReaderId, "A reader"), r.SubmittedAt, r.Recommendation, r.WeightedScore, r.Comments,
                r.Scores.ToDictionary(s => s.Criterion, s => s.Score))).ToList()
            : [];
        audit.Record(db, staff, AuditAction.Read, nameof(AdmissionApplication), a.Id, a.ApplicantId);
        await db.SaveChangesAsync(ct);
        var startedByParent = a.StartedById is not null && a.StartedById == a.GuardianId;
        return new ApplicationDetail(a.Id, a.ApplicantId, names[a.ApplicantId], applicant.Email, applicant.Region, applicant.BirthDate,
            a.ProgrammeId, programme, a.TermId, term, a.Source, a.Stage,
            a.StartedById is { } s ? names.GetValueOrDefault(s) : null, startedByParent,
            a.GuardianId is { } g ? names.GetValueOrDefault(g) : a.GuardianName, a.GuardianEmail, a.CounsellorId is { } c ? names.GetValueOrDefault(c) : null,
            a.TranscriptReceived, a.StatementReceived, a.RecommendationReceived, a.StartedAt, a.SubmittedAt, a.Decision, a.DecidedAt,
            a.DepositAmount, a.DepositDueOn, a.DepositPaidAt, a.EnrolledAt, a.Reviews.Count, iReadIt, a.ApplicantId == staff.ConstituentId || a.GuardianId == staff.ConstituentId,
            reviews, showReviews ? a.AverageScore : null, a.Version);
    }

    /// <summary>The intake being worked on: the term of the most recently started application.</summary>
    public async Task<int?> CurrentIntakeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AdmissionApplications.OrderByDescending(a => a.StartedAt).Select(a => (int?)a.TermId).FirstOrDefaultAsync(ct);
    }

    /// <summary>Programmes, terms (only those still open for enrolment when <paramref name="openOnly"/>) and regions for the filters and forms.</summary>
    public async Task<(IReadOnlyList<Option> Programmes, IReadOnlyList<Option> Terms, IReadOnlyList<string> Regions)> OptionsAsync(bool openOnly = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var programmes = await db.Programmes.OrderBy(p => p.Name).Select(p => new Option(p.Id, p.Name)).ToListAsync(ct);
        var today = time.Today();
        var terms = await db.Terms.Where(t => !openOnly || t.EnrolmentDeadline >= today).OrderByDescending(t => t.StartsOn).Select(t => new Option(t.Id, t.Name)).ToListAsync(ct);
        var regions = await db.Constituents.Where(c => c.Region != null).Select(c => c.Region!).Distinct().OrderBy(r => r).Take(200).ToListAsync(ct);
        return (programmes, terms, regions);
    }

    internal static IQueryable<AdmissionApplication> Applications(CormDbContext db, AdmissionsFilter filter)
    {
        var q = db.AdmissionApplications.AsNoTracking();
        if (filter.ProgrammeId is { } p) q = q.Where(a => a.ProgrammeId == p);
        if (filter.TermId is { } t) q = q.Where(a => a.TermId == t);
        if (filter.Source is { } s) q = q.Where(a => a.Source == s);
        if (!string.IsNullOrWhiteSpace(filter.Region))
            q = q.Join(db.Constituents.Where(c => c.Region == filter.Region), a => a.ApplicantId, c => c.Id, (a, c) => a);
        return q;
    }

    internal static IQueryable<InformationRequest> Inquiries(CormDbContext db, AdmissionsFilter filter)
    {
        var q = db.InformationRequests.AsNoTracking();
        if (filter.ProgrammeId is { } p) q = q.Where(r => r.ProgrammeId == p);
        if (filter.TermId is { } t) q = q.Where(r => r.TermId == t);
        if (filter.Source is { } s) q = q.Where(r => r.Source == s);
        if (!string.IsNullOrWhiteSpace(filter.Region))
            q = q.Join(db.Constituents.Where(c => c.Region == filter.Region), r => r.ProspectId, c => c.Id, (r, c) => r);
        return q;
    }

    internal sealed record ReachedCounts(int Applied, int Submitted, int Admitted, int Deposited, int Enrolled);

    /// <summary>The whole funnel in one grouped scan of the applications.</summary>
    internal static IQueryable<ReachedCounts> Reached(IQueryable<AdmissionApplication> applications) =>
        applications.GroupBy(a => 1).Select(g => new ReachedCounts(
            g.Count(),
            g.Count(a => a.SubmittedAt != null),
            g.Count(a => a.Decision == AdmissionDecision.Admit),
            g.Count(a => a.DepositPaidAt != null),
            g.Count(a => a.EnrolledAt != null)));

    internal static IQueryable<PipelineCard> InquiryCards(CormDbContext db, IQueryable<InformationRequest> requests) =>
        requests.Select(r => new PipelineCard(0, r.ProspectId, db.Constituents.Where(c => c.Id == r.ProspectId).Select(c => c.DisplayName).First(),
            db.Programmes.Where(p => p.Id == r.ProgrammeId).Select(p => p.Name).FirstOrDefault() ?? "Undecided",
            db.Terms.Where(t => t.Id == r.TermId).Select(t => t.Name).FirstOrDefault() ?? "", r.Source, r.ReceivedAt, 0, 0, null, null));

    internal static IQueryable<PipelineCard> Cards(CormDbContext db, IQueryable<AdmissionApplication> applications) =>
        applications.Select(a => new PipelineCard(a.Id, a.ApplicantId,
            db.Constituents.Where(c => c.Id == a.ApplicantId).Select(c => c.DisplayName).First(),
            db.Programmes.Where(p => p.Id == a.ProgrammeId).Select(p => p.Name).First(),
            db.Terms.Where(t => t.Id == a.TermId).Select(t => t.Name).First(),
            a.Source, a.StartedAt,
            (a.TranscriptReceived ? 0 : 1) + (a.StatementReceived ? 0 : 1) + (a.RecommendationReceived ? 0 : 1),
            a.Reviews.Count,
            a.Reviews.Count >= AdmissionsRubric.RequiredReaders ? a.Reviews.Average(r => (decimal?)r.WeightedScore) : null,
            a.DepositDueOn, a.Version));
}
