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

    internal sealed record Coursework(int StudentId, int TermId, DateOnly? DueOn, DateOnly? SubmittedOn, decimal Weight, decimal? Score);

    /// <summary>Final results known by <paramref name="asOf"/> (undated results count from the start).</summary>
    internal static IQueryable<TermTotals> Results(CormDbContext db, IQueryable<int> students, DateOnly? asOf = null) =>
        db.CourseResults.Where(r => students.Contains(r.StudentId) && (asOf == null || r.RecordedOn == null || r.RecordedOn <= asOf))
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

    /// <summary>Assessed work due (or handed in) by <paramref name="asOf"/> in terms under way then or just ended.</summary>
    internal static IQueryable<Coursework> Assessments(CormDbContext db, IQueryable<int> students, DateOnly asOf, DateOnly since) =>
        db.AssessmentResults.Where(a => students.Contains(a.StudentId) && (a.DueOn ?? a.SubmittedOn) <= asOf && (a.DueOn ?? a.SubmittedOn) >= since)
            .Select(a => new Coursework(a.StudentId, a.TermId, a.DueOn, a.SubmittedOn, a.Weight, a.Score));

    /// <summary>
    /// One term's coursework as it stood on <paramref name="asOf"/>: what was due, handed in, missed and late, and the
    /// weighted average score of what was marked by then (a plain average when every weight is zero).
    /// </summary>
    internal static AssessmentProgress? Progress(string termCode, IEnumerable<Coursework> work, DateOnly asOf)
    {
        var due = work.Where(w => AssessmentResult.IsDueBy(w.DueOn, w.SubmittedOn, asOf))
            .Select(w => (Work: w, State: AssessmentResult.StateOn(w.DueOn, w.SubmittedOn, w.Score, asOf))).ToList();
        if (due.Count == 0) return null;
        var submitted = due.Where(w => w.State != CourseworkState.Missed).Select(w => w.Work).ToList();
        var late = due.Count(w => w.State == CourseworkState.Late);
        var marked = submitted.Where(w => w.Score is not null).ToList();
        var weight = marked.Sum(w => w.Weight);
        decimal? average = marked.Count == 0 ? null
            : weight > 0 ? Math.Round(marked.Sum(w => w.Score!.Value * w.Weight) / weight, 1)
            : Math.Round(marked.Average(w => w.Score!.Value), 1);
        return new AssessmentProgress(termCode, due.Count, submitted.Count, due.Count - submitted.Count, late, average);
    }

    public static async Task<Dictionary<int, RiskInputs>> LoadAsync(CormDbContext db, IQueryable<int> students, DateOnly asOf, CancellationToken ct)
    {
        var terms = await db.Terms.AsNoTracking().Where(t => t.StartsOn <= asOf).OrderBy(t => t.StartsOn).ToListAsync(ct);
        var order = terms.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var results = await Results(db, students, asOf).ToListAsync(ct);
        // Coursework of the latest term under way: the term containing asOf, or the one that ended last.
        var current = terms.LastOrDefault(t => t.EndsOn >= asOf) ?? terms.LastOrDefault();
        var coursework = (current is null ? [] : await Assessments(db, students, asOf, current.StartsOn).ToListAsync(ct))
            .Where(w => w.TermId == current?.Id).ToLookup(w => w.StudentId);
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
            var work = current is null || !coursework.Contains(id) ? null : Progress(current.Code, coursework[id], asOf);
            inputs[id] = new RiskInputs(Record(0), Record(1), daysOverdue, owed.Sum(i => i.Amount - i.Paid), late, age, e?.Programme, work);
        }
        return inputs;
    }
}
