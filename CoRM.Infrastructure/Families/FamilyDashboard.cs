using CoRM.Domain.Access;
using CoRM.Domain.Academics;
using CoRM.Domain.Admissions;
using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Families;

public sealed record ChildCard(
    int Id, string DisplayName, bool IsMinor, AccessGrant Grants, ConsentBasis Basis, DateOnly? ConsentExpiresOn,
    IReadOnlyList<EnrolmentRow> Enrolments, IReadOnlyList<ApplicationStatusRow> Applications, IReadOnlyList<DeadlineRow> Deadlines,
    BalanceView? Balance, GradesView? Grades)
{
    public EnrolmentRow? Current => Enrolments.Count > 0 ? Enrolments[0] : null;
    public bool May(AccessGrant grant) => Grants.HasFlag(grant);
}

public sealed record EnrolmentRow(string TermName, DateOnly TermStartsOn, string ProgrammeName, EnrolmentStatus Status, DateOnly EnrolledOn, int DaysLate);

public sealed record ApplicationStatusRow(int Id, string ProgrammeName, string TermName, AdmissionStage Stage, DateOnly? DepositDueOn);

public sealed record DeadlineRow(DateOnly Due, string What, bool Overdue);

public sealed record BalanceView(decimal Outstanding, IReadOnlyList<InvoiceRow> Invoices, IReadOnlyList<PaymentRow> Payments);

public sealed record InvoiceRow(string Description, decimal Amount, decimal Outstanding, DateOnly DueOn);

public sealed record PaymentRow(DateOnly PaidOn, decimal Amount, string InvoiceDescription);

public sealed record GradesView(string TermName, IReadOnlyList<GradeRow> Courses);

public sealed record GradeRow(string CourseName, decimal? Grade, bool Passed);

/// <summary>
/// The parent's dashboard: one card per child they may see, with exactly the parts the grant allows. Every
/// child goes through <see cref="RecordAccessPolicy"/> on every load (a revocation hides the child at once),
/// and every disclosure is audited with what was shown and under which basis.
/// </summary>
public sealed class FamilyDashboard(IDbContextFactory<CormDbContext> dbFactory, AuditTrail audit, TimeProvider time)
{
    private const int PaymentsShown = 12;

    public async Task<IReadOnlyList<ChildCard>> ForAsync(UserScope parent, CancellationToken ct = default)
    {
        if (!parent.IsIn(Roles.Parent)) return [];
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = (await VisibleChildrenAsync(db, parent.ConstituentId, today, ct)).ToDictionary(v => v.Child.Id);
        if (visible.Count == 0) return [];
        var ids = visible.Keys.ToList();

        var enrolments = await EnrolmentHistory(db, ids).ToListAsync(ct);
        var applications = await ApplicationsOf(db, ids).ToListAsync(ct);
        var nextDeadline = await db.Terms.AsNoTracking().Where(t => t.EnrolmentDeadline >= today).OrderBy(t => t.EnrolmentDeadline)
            .Select(t => new { t.Name, t.EnrolmentDeadline }).FirstOrDefaultAsync(ct);

        var balanceIds = ids.Where(id => visible[id].Grants.HasFlag(AccessGrant.Balance)).ToList();
        var invoices = balanceIds.Count == 0 ? [] : await db.TuitionInvoices.AsNoTracking().Include(i => i.Payments)
            .Where(i => balanceIds.Contains(i.StudentId)).OrderByDescending(i => i.DueOn).ToListAsync(ct);

        var gradeIds = ids.Where(id => visible[id].Grants.HasFlag(AccessGrant.Grades)).ToList();
        // A parent has a handful of children: their results are a few dozen rows, filtered to the latest term here.
        // A parent has a handful of children: their results are a few dozen rows, filtered to the latest term here.
        var grades = gradeIds.Count == 0 ? [] : await Results(db, gradeIds).ToListAsync(ct);

        var cards = new List<ChildCard>();
        foreach (var id in ids)
        {
            var (child, link, shown) = visible[id];
            var history = enrolments.Where(e => e.StudentId == id)
                .Select(e => new EnrolmentRow(e.TermName, e.TermStartsOn, e.ProgrammeName, e.Status, e.EnrolledOn, ProgrammeEnrolment.DaysLate(e.EnrolledOn, e.EnrolmentDeadline))).ToList();
            var apps = applications.Where(a => a.ApplicantId == id).Select(a => new ApplicationStatusRow(a.Id, a.ProgrammeName, a.TermName, a.Stage, a.DepositDueOn)).ToList();
            var deadlines = new List<DeadlineRow>();
            if (nextDeadline is not null && history.Count > 0 && history[0].Status == EnrolmentStatus.Enrolled)
                deadlines.Add(new(nextDeadline.EnrolmentDeadline, $"Enrolment for {nextDeadline.Name}", false));
            foreach (var app in apps.Where(a => a.Stage == AdmissionStage.Admitted && a.DepositDueOn is not null))
                deadlines.Add(new(app.DepositDueOn!.Value, $"Deposit to secure the place in {app.ProgrammeName}", app.DepositDueOn < today));

            BalanceView? balance = null;
            if (shown.HasFlag(AccessGrant.Balance))
            {
                var own = invoices.Where(i => i.StudentId == id).ToList();
                foreach (var due in own.Where(i => i.OutstandingOn(today) > 0).OrderBy(i => i.DueOn))
                    deadlines.Add(new(due.DueOn, $"{due.Description}: {due.OutstandingOn(today):N2} due", due.DueOn < today));
                balance = new BalanceView(own.Sum(i => i.OutstandingOn(today)),
                    own.Take(PaymentsShown).Select(i => new InvoiceRow(i.Description, i.Amount, i.OutstandingOn(today), i.DueOn)).ToList(),
                    own.SelectMany(i => i.Payments.Select(p => new PaymentRow(p.PaidOn, p.Amount, i.Description))).OrderByDescending(p => p.PaidOn).Take(PaymentsShown).ToList());
            }

            GradesView? gradesView = null;
            if (shown.HasFlag(AccessGrant.Grades))
            {
                var latest = grades.Where(g => g.StudentId == id).MaxBy(g => g.StartsOn)?.TermId;
                var own = grades.Where(g => g.StudentId == id && g.TermId == latest).ToList();
                if (own.Count > 0) gradesView = new GradesView(own[0].TermName, own.OrderBy(g => g.Course).Select(g => new GradeRow(g.Course, g.Grade, g.Passed)).ToList());
            }

            audit.Record(db, parent, AuditAction.Read, "Disclosure", id, id,
                $"Family dashboard for {link.Kind.ToString().ToLowerInvariant()} under {BasisOf(link, child, today)}: {shown}");
            cards.Add(new ChildCard(id, child.DisplayName, child.IsMinorOn(today), shown, link.ConsentBasis, link.ConsentExpiresOn,
                history, apps, deadlines.OrderBy(d => d.Due).ToList(), balance, gradesView));
        }
        await db.SaveChangesAsync(ct);
        return cards;
    }

    /// <summary>The children this parent may see at all today (enrolment status granted), with what they may see.</summary>
    internal static async Task<List<(Constituent Child, Relationship Link, AccessGrant Grants)>> VisibleChildrenAsync(CormDbContext db, int parentId, DateOnly today, CancellationToken ct)
    {
        var links = await Links(db, parentId).ToListAsync(ct);
        return links.Select(l => (Child: l.Subject!, Link: l, Grants: RecordAccessPolicy.EffectiveGrants(l, l.Subject!, today)))
            .Where(v => v.Grants.HasFlag(AccessGrant.EnrolmentStatus))
            .ToList();
    }

    /// <summary>Every family link of a parent, with the child, for the policy to judge.</summary>
    internal static IQueryable<Relationship> Links(CormDbContext db, int parentId) =>
        db.Relationships.AsNoTracking()
            .Where(Relationship.FamilyLink).Where(r => r.RelatedId == parentId)
            .Include(r => r.Subject!)
            .OrderBy(r => r.Subject!.SortName);

    internal sealed record EnrolmentFact(int StudentId, string TermName, DateOnly TermStartsOn, DateOnly EnrolmentDeadline, string ProgrammeName, EnrolmentStatus Status, DateOnly EnrolledOn);

    internal static IQueryable<EnrolmentFact> EnrolmentHistory(CormDbContext db, IReadOnlyCollection<int> childIds) =>
        db.ProgrammeEnrolments.AsNoTracking().Where(e => childIds.Contains(e.StudentId))
            .OrderByDescending(e => e.Term!.StartsOn)
            .Select(e => new EnrolmentFact(e.StudentId, e.Term!.Name, e.Term.StartsOn, e.Term.EnrolmentDeadline, e.Programme!.Name, e.Status, e.EnrolledOn));

    internal sealed record ApplicationFact(int Id, int ApplicantId, string ProgrammeName, string TermName, AdmissionStage Stage, DateOnly? DepositDueOn);

    internal static IQueryable<ApplicationFact> ApplicationsOf(CormDbContext db, IReadOnlyCollection<int> childIds) =>
        db.AdmissionApplications.AsNoTracking().Where(a => childIds.Contains(a.ApplicantId) && a.Stage != AdmissionStage.Withdrawn)
            .OrderByDescending(a => a.StartedAt)
            .Select(a => new ApplicationFact(a.Id, a.ApplicantId, db.Programmes.Where(p => p.Id == a.ProgrammeId).Select(p => p.Name).First(),
                db.Terms.Where(t => t.Id == a.TermId).Select(t => t.Name).First(), a.Stage, a.DepositDueOn));

    internal sealed record ResultFact(int StudentId, int TermId, string TermName, DateOnly StartsOn, string Course, decimal? Grade, bool Passed);

    internal static IQueryable<ResultFact> Results(CormDbContext db, IReadOnlyCollection<int> childIds) =>
        db.CourseResults.AsNoTracking()
            .Where(r => childIds.Contains(r.StudentId))
            .Join(db.Terms, r => r.TermId, t => t.Id, (r, t) => new { r, t })
            .Join(db.Courses, x => x.r.CourseId, c => c.Id, (x, c) => new ResultFact(x.r.StudentId, x.r.TermId, x.t.Name, x.t.StartsOn, c.Name, x.r.Grade, x.r.Passed));

    /// <summary>Whether this parent may see this child today: the check every parent-facing command repeats.</summary>
    internal static async Task<AccessGrant> GrantsForAsync(CormDbContext db, int parentId, int childId, DateOnly today, CancellationToken ct) =>
        (await VisibleChildrenAsync(db, parentId, today, ct)).Where(v => v.Child.Id == childId).Select(v => v.Grants).FirstOrDefault();

    private static string BasisOf(Relationship link, Constituent child, DateOnly today) =>
        child.IsMinorOn(today) && !RecordAccessPolicy.ConsentIsValid(link, today) ? "minor in their care" : link.ConsentBasis.ToString();
}
