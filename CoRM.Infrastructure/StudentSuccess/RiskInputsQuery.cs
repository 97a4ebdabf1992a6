using CoRM.Domain.Academics;
using CoRM.Domain.StudentSuccess;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.StudentSuccess;

/// <summary>
/// Builds each student's <see cref="RiskInputs"/> as of a date from their academic records: per-term course
/// counts and grade average, absences, tuition standing and enrolment lateness. Aggregates in the database
/// and assembles in memory, so one pass serves thousands of students.
/// </summary>
internal static class RiskInputsQuery
{
    internal sealed record TermTotals(int StudentId, int TermId, int Enrolled, int Passed, int Evaluated, double? AverageGrade);

    internal sealed record AbsenceTotals(int StudentId, int TermId, int Absences);

    internal sealed record InvoiceStanding(int StudentId, DateOnly DueOn, decimal Amount, decimal Paid);

    internal sealed record LatestEnrolment(int StudentId, DateOnly EnrolledOn, DateOnly Deadline, string Programme, DateOnly? BirthDate, DateOnly FirstTermStart);

    internal static IQueryable<TermTotals> Results(CormDbContext db, IQueryable<int> students) =>
        db.CourseResults.Where(r => students.Contains(r.StudentId))
            .GroupBy(r => new { r.StudentId, r.TermId })
            .Select(g => new TermTotals(g.Key.StudentId, g.Key.TermId, g.Count(), g.Count(r => r.Passed), g.Count(r => r.Grade != null),
                g.Average(r => (double?)r.Grade)));

    internal static IQueryable<AbsenceTotals> Absences(CormDbContext db, IQueryable<int> students) =>
        db.AttendanceRecords.Where(a => students.Contains(a.StudentId))
            .GroupBy(a => new { a.StudentId, a.TermId })
            .Select(g => new AbsenceTotals(g.Key.StudentId, g.Key.TermId, g.Sum(a => a.Absences)));

    internal static IQueryable<InvoiceStanding> Invoices(CormDbContext db, IQueryable<int> students, DateOnly asOf) =>
        db.TuitionInvoices.Where(i => students.Contains(i.StudentId) && i.DueOn <= asOf)
            .Select(i => new InvoiceStanding(i.StudentId, i.DueOn, i.Amount, i.Payments.Where(p => p.PaidOn <= asOf).Sum(p => (decimal?)p.Amount) ?? 0));

    internal static IQueryable<LatestEnrolment> Enrolments(CormDbContext db, IQueryable<int> students, DateOnly asOf) =>
        db.ProgrammeEnrolments.Where(e => students.Contains(e.StudentId) && e.Term!.StartsOn <= asOf)
            .Where(e => !db.ProgrammeEnrolments.Any(later => later.StudentId == e.StudentId && later.Term!.StartsOn > e.Term!.StartsOn && later.Term.StartsOn <= asOf))
            .Select(e => new LatestEnrolment(e.StudentId, e.EnrolledOn, e.Term!.EnrolmentDeadline, e.Programme!.Code,
                db.Constituents.Where(c => c.Id == e.StudentId).Select(c => c.BirthDate).FirstOrDefault(),
                db.ProgrammeEnrolments.Where(first => first.StudentId == e.StudentId).Min(first => first.Term!.StartsOn)));

    public static async Task<Dictionary<int, RiskInputs>> LoadAsync(CormDbContext db, IQueryable<int> students, DateOnly asOf, CancellationToken ct)
    {
        var terms = await db.Terms.AsNoTracking().Where(t => t.StartsOn <= asOf).OrderBy(t => t.StartsOn).ToListAsync(ct);
        var order = terms.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var results = await Results(db, students).ToListAsync(ct);
        var absences = (await Absences(db, students).ToListAsync(ct)).ToDictionary(a => (a.StudentId, a.TermId), a => a.Absences);
        var invoices = (await Invoices(db, students, asOf).ToListAsync(ct)).ToLookup(i => i.StudentId);
        var enrolments = (await Enrolments(db, students, asOf).ToListAsync(ct)).GroupBy(e => e.StudentId).ToDictionary(g => g.Key, g => g.First());
        var ids = await students.ToListAsync(ct);
        var byStudent = results.Where(r => order.ContainsKey(r.TermId)).ToLookup(r => r.StudentId);

        var inputs = new Dictionary<int, RiskInputs>(ids.Count);
        foreach (var id in ids)
        {
            var recent = byStudent[id].OrderByDescending(r => order[r.TermId]).Take(2).ToList();
            TermRecord? Record(int index) => index < recent.Count
                ? new TermRecord(terms[order[recent[index].TermId]].Code, recent[index].Enrolled, recent[index].Passed, recent[index].Evaluated,
                    recent[index].AverageGrade is { } g ? (decimal)Math.Round(g, 2) : null,
                    absences.GetValueOrDefault((id, recent[index].TermId)))
                : null;
            var owed = invoices[id].Where(i => i.Amount > i.Paid).ToList();
            var daysOverdue = owed.Count == 0 ? 0 : owed.Max(i => asOf.DayNumber - i.DueOn.DayNumber);
            enrolments.TryGetValue(id, out var e);
            var late = e is null ? 0 : ProgrammeEnrolment.DaysLate(e.EnrolledOn, e.Deadline);
            int? age = e?.BirthDate is { } born ? (e.FirstTermStart.DayNumber - born.DayNumber) / 365 : null;
            inputs[id] = new RiskInputs(Record(0), Record(1), daysOverdue, owed.Sum(i => i.Amount - i.Paid), late, age, e?.Programme);
        }
        return inputs;
    }
}
