using CoRM.Domain.Academics;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Domain.StudentSuccess;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.StudentSuccess;

public sealed record RiskView(DateOnly On, RiskMethod Method, double Score, RiskBand Band, IReadOnlyList<RiskFactor> Factors);

public sealed record RiskPoint(DateOnly On, double Score, RiskBand Band);

public sealed record TermSummary(string TermCode, string TermName, int Enrolled, int Passed, decimal? AverageGrade, int Absences);

public sealed record CourseRow(string CourseCode, string CourseName, decimal? Grade, bool Passed, int? Absences);

/// <summary>One piece of this term's assessed work as it stands today.</summary>
public sealed record CourseworkRow(string CourseCode, string Assessment, DateOnly? DueOn, DateOnly? SubmittedOn, decimal Weight, decimal? Score, CourseworkState State);

public sealed record InvoiceRow(string Description, decimal Amount, decimal Outstanding, DateOnly DueOn, int DaysOverdue);

/// <summary>
/// A student's academic picture for an advisor: enrolment (every programme or module of the latest term), risk with its
/// reasons and trend, results published by today, this term's coursework, attendance, tuition.
/// </summary>
public sealed record StudentAcademicView(
    string? Programme, string? Term, EnrolmentStatus? Status, DateOnly? EnrolledOn, int DaysLate,
    RiskView? Rules, RiskView? Model, IReadOnlyList<RiskPoint> History,
    string? LastTermCode, IReadOnlyList<CourseRow> LastTermCourses, IReadOnlyList<TermSummary> Terms, IReadOnlyList<InvoiceRow> Tuition,
    string? CourseworkTermCode = null, IReadOnlyList<CourseworkRow>? Coursework = null);

/// <summary>
/// Reads one student's academic record, for readers who may see advising matters (faculty for their advisees,
/// student success, administrators) and nobody else: advancement and coordinators get nothing.
/// </summary>
public sealed class StudentAcademicRecord(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, TimeProvider time)
{
    /// <summary>
    /// An advisor's flag: a concern about a student handed to student-success staff, as a follow-up on their list
    /// and an advising interaction on the student's timeline.
    /// </summary>
    public async Task<CommandResult> RaiseFlagAsync(UserScope user, int studentId, string reason, CancellationToken ct = default)
    {
        if (!TopicVisibility.MayRecord(user, Topic.Advising)) return CommandResult.NotFound;
        reason = reason.Trim();
        if (reason.Length == 0) return CommandResult.Invalid("Say what worries you about this student.");
        if (reason.Length > FollowUp.TextMaxLength) return CommandResult.Invalid($"The reason is limited to {FollowUp.TextMaxLength} characters.");
        var today = time.Today();
        return await runner.RunAsync(CommandOptions.About("follow-up", transaction: true), async db =>
        {
            if (!await ConstituentScope.VisibleTo(db, user, time).AnyAsync(c => c.Id == studentId, ct)) return CommandResult.NotFound;
            var staff = await db.PortalUsers.Where(u => u.Roles.Contains(Roles.StudentSuccess)).OrderBy(u => u.Id).Select(u => (int?)u.ConstituentId).FirstOrDefaultAsync(ct);
            if (staff is not { } owner) return CommandResult.Invalid("No student-success staff member signs in to CoRM yet to receive the flag.");

            var title = $"Flag from {user.UserName}: {reason}";
            var followUp = FollowUp.Create(studentId, owner, Topic.Advising, title.Length > FollowUp.TitleMaxLength ? title[..(FollowUp.TitleMaxLength - 1)] + "…" : title,
                reason, today.AddDays(2), today, user.ConstituentId, time.UtcNow());
            db.FollowUps.Add(followUp);
            db.Interactions.Add(Interaction.Log(studentId, Channel.InPerson, Topic.Advising, "Flag raised for student success", reason, time.UtcNow(), user.ConstituentId, time.UtcNow(), inbound: false));
            await db.SaveChangesAsync(ct);
            audit.Record(db, user, AuditAction.Create, nameof(FollowUp), followUp.Id, studentId, "Flag raised");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(followUp.Id);
        }, ct);
    }

    public async Task<StudentAcademicView?> GetAsync(UserScope user, int studentId, CancellationToken ct = default)
    {
        if (!TopicVisibility.MayRead(user, Topic.Advising)) return null;
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await ConstituentScope.VisibleTo(db, user, time).AnyAsync(c => c.Id == studentId, ct))
        {
            await audit.DeniedAsync(db, user, "AcademicRecord", studentId, ct);
            return null;
        }

        var latestTerm = await db.ProgrammeEnrolments.AsNoTracking().Where(e => e.StudentId == studentId)
            .OrderByDescending(e => e.Term!.StartsOn)
            .Select(e => new { Programme = e.Programme!.Name, Term = e.Term!.Name, e.TermId, e.Status, e.EnrolledOn, e.Term.EnrolmentDeadline })
            .Take(20).ToListAsync(ct);
        // A module-based university registers several modules a term: all of the latest term's, named together.
        var enrolment = latestTerm.FirstOrDefault() is { } first
            ? first with { Programme = string.Join(", ", latestTerm.Where(e => e.TermId == first.TermId).Select(e => e.Programme).Distinct()) }
            : null;
        // The same per-term totals the risk signal reads (results published by today), so the page and the score never disagree.
        var student = db.Constituents.Where(c => c.Id == studentId).Select(c => c.Id);
        var totals = await RiskInputsQuery.Results(db, student, today).ToListAsync(ct);
        var absences = (await RiskInputsQuery.Absences(db, student).ToListAsync(ct)).ToDictionary(a => a.TermId, a => a.Absences);
        var termIds = totals.Select(t => t.TermId).ToList();
        var termInfo = await db.Terms.AsNoTracking().Where(t => termIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var terms = totals.OrderBy(t => termInfo[t.TermId].StartsOn)
            .Select(t => new { t.TermId, termInfo[t.TermId].Code, termInfo[t.TermId].Name, t.Enrolled, t.Passed, Average = t.AverageGrade, Absences = absences.GetValueOrDefault(t.TermId) })
            .ToList();
        var invoices = await db.TuitionInvoices.AsNoTracking().Include(i => i.Payments).Where(i => i.StudentId == studentId).OrderBy(i => i.DueOn).ToListAsync(ct);
        if (enrolment is null && terms.Count == 0 && invoices.Count == 0) return null;

        var assessments = await db.RiskAssessments.AsNoTracking().Where(a => a.StudentId == studentId).OrderBy(a => a.AssessedOn).ToListAsync(ct);
        RiskView? Latest(RiskMethod method) => assessments.LastOrDefault(a => a.Method == method) is { } a ? new RiskView(a.AssessedOn, a.Method, a.Score, a.Band, a.FactorList) : null;

        var last = terms.LastOrDefault();
        var courses = last is null ? [] : (await db.CourseResults.Where(r => r.StudentId == studentId && r.TermId == last.TermId)
                .Join(db.Courses, r => r.CourseId, c => c.Id, (r, c) => new
                {
                    c.Code,
                    c.Name,
                    r.Grade,
                    r.Passed,
                    Absences = db.AttendanceRecords.Where(a => a.StudentId == studentId && a.TermId == r.TermId && a.CourseId == r.CourseId).Select(a => (int?)a.Absences).FirstOrDefault(),
                })
                .OrderBy(c => c.Code).ToListAsync(ct))
            .Select(c => new CourseRow(c.Code, c.Name, c.Grade, c.Passed, c.Absences)).ToList();

        // This term's coursework (or the latest term's that has any), every piece as it stands today.
        var workTerm = await db.AssessmentResults.Where(a => a.StudentId == studentId).Join(db.Terms.Where(t => t.StartsOn <= today), a => a.TermId, t => t.Id, (a, t) => t)
            .OrderByDescending(t => t.StartsOn).Select(t => new { t.Id, t.Code }).FirstOrDefaultAsync(ct);
        var coursework = workTerm is null ? [] : (await db.AssessmentResults.AsNoTracking().Where(a => a.StudentId == studentId && a.TermId == workTerm.Id)
                .Join(db.Courses, a => a.CourseId, c => c.Id, (a, c) => new { c.Code, Assessment = a.Code, a.DueOn, a.SubmittedOn, a.Weight, a.Score })
                .ToListAsync(ct))
            .Select(a => new CourseworkRow(a.Code, a.Assessment, a.DueOn, a.SubmittedOn, a.Weight, a.Score, AssessmentResult.StateOn(a.DueOn, a.SubmittedOn, a.Score, today)))
            .OrderBy(a => a.DueOn ?? a.SubmittedOn).ThenBy(a => a.CourseCode, StringComparer.Ordinal).ToList();

        audit.Record(db, user, AuditAction.Read, "AcademicRecord", studentId, studentId, "Academic record and risk");
        await db.SaveChangesAsync(ct);

        return new StudentAcademicView(
            enrolment?.Programme, enrolment?.Term, enrolment?.Status, enrolment?.EnrolledOn,
            enrolment is null ? 0 : ProgrammeEnrolment.DaysLate(enrolment.EnrolledOn, enrolment.EnrolmentDeadline),
            Latest(RiskMethod.Rules), Latest(RiskMethod.Model),
            assessments.Where(a => a.Method == RiskMethod.Rules).Select(a => new RiskPoint(a.AssessedOn, a.Score, a.Band)).ToList(),
            last?.Code, courses,
            terms.Select(t => new TermSummary(t.Code, t.Name, t.Enrolled, t.Passed, t.Average is { } g ? Math.Round((decimal)g, 1) : null, t.Absences)).ToList(),
            invoices.Select(i => new InvoiceRow(i.Description, i.Amount, i.OutstandingOn(today), i.DueOn, i.DaysOverdueOn(today))).ToList(),
            workTerm?.Code, coursework);
    }
}
