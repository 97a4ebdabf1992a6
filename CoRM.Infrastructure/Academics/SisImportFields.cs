using CoRM.Infrastructure.Imports;

namespace CoRM.Infrastructure.Academics;

/// <summary>What a student-information-system export can load into CoRM, one file per kind.</summary>
public enum SisImportKind
{
    Terms,
    Students,
    Enrolments,
    Results,
    Assessments,
    Attendance,
    Invoices,
    Payments,
    Advisors,
}

public static class SisImportFields
{
    public const string StudentNumber = "StudentNumber";
    public const string TermCode = "TermCode";
    public const string CourseCode = "CourseCode";
    public const string InvoiceNumber = "InvoiceNumber";

    private static readonly ImportField Student = new(StudentNumber, true, "the student's number in the SIS", "student number", "student no", "student id", "studentid", "student_id", "number");
    private static readonly ImportField Term = new(TermCode, true, "term code, e.g. 2026-S1 (the term must exist)", "term", "semester", "term code", "period", "code presentation", "presentation", "academic period");
    private static readonly ImportField Course = new(CourseCode, true, "course code", "course", "course code", "unit", "module", "subject code", "module code", "unit code");

    public static IReadOnlyList<ImportField> For(SisImportKind kind) => kind switch
    {
        SisImportKind.Terms =>
        [
            new(TermCode, true, "term code", "code", "term", "term code"),
            new("Name", false, "term name", "name", "description"),
            new("StartsOn", true, "first day", "start", "start date", "starts", "begin"),
            new("EndsOn", true, "last day", "end", "end date", "ends", "finish"),
            new("EnrolmentDeadline", false, "enrolment deadline (defaults to the first day)", "deadline", "enrolment deadline", "enrollment deadline", "registration deadline"),
        ],
        SisImportKind.Students =>
        [
            Student,
            new("GivenName", false, "given name (both names empty: a pseudonymised student, recorded by number)", "first name", "firstname", "given", "forename"),
            new("FamilyName", false, "family name (both names empty: a pseudonymised student, recorded by number)", "last name", "lastname", "surname", "family"),
            new("Email", false, "e-mail address", "email", "e-mail", "mail", "email address"),
            new("BirthDate", false, "date of birth", "birth date", "date of birth", "dob", "birthday"),
            new("Region", false, "region or district", "region", "district", "county", "area"),
        ],
        SisImportKind.Enrolments =>
        [
            Student,
            new("ProgrammeCode", true, "programme code", "programme", "program", "programme code", "program code", "course of study"),
            new("ProgrammeName", false, "programme name (creates an unknown programme)", "programme name", "program name"),
            Term,
            new("Status", false, "Enrolled, Suspended, Withdrawn, DroppedOut or Graduated (default Enrolled)", "status", "enrolment status", "enrollment status"),
            new("EnrolledOn", true, "date the enrolment was made", "enrolled on", "enrolment date", "enrollment date", "registered on", "registration date", "date"),
        ],
        SisImportKind.Results =>
        [
            Student, Term, Course,
            new("CourseName", false, "course name (creates an unknown course)", "course name", "title", "unit name"),
            new("Grade", false, "grade 0–20; empty when not assessed", "grade", "mark", "score", "final grade"),
            new("Passed", false, "passed yes/no (default: grade of 10 or more)", "passed", "pass", "result"),
            new("RecordedOn", false, "date the final result was published (empty: known from the start)", "recorded on", "result date", "published", "date result", "board date"),
        ],
        SisImportKind.Assessments =>
        [
            Student, Term, Course,
            new("AssessmentCode", true, "the assessment's id or title, e.g. TMA 2", "assessment", "id assessment", "assessment id", "assessment code", "assessment title", "task", "assignment"),
            new("DueOn", false, "due date (empty: counts from the submission date)", "due", "due date", "due on", "deadline", "date"),
            new("SubmittedOn", false, "date handed in; empty with no score: a missing submission", "submitted", "submitted on", "date submitted", "submission date", "handed in"),
            new("Weight", false, "share of the course grade in percent (default 0)", "weight", "weighting", "percent"),
            new("Score", false, "score 0–100; empty when not marked or not handed in", "score", "mark", "points", "result"),
        ],
        SisImportKind.Attendance =>
        [
            Student, Term, Course,
            new("Absences", true, "number of absences", "absences", "absent", "missed", "absence count"),
            new("SessionsHeld", false, "sessions held", "sessions", "sessions held", "classes", "lessons"),
        ],
        SisImportKind.Invoices =>
        [
            new(InvoiceNumber, true, "invoice number", "invoice", "invoice number", "invoice no", "number", "reference"),
            Student, Term,
            new("Description", false, "what the invoice is for", "description", "item", "text"),
            new("Amount", true, "amount due", "amount", "total", "value", "fee"),
            new("DueOn", true, "due date", "due", "due date", "due on", "payable by"),
        ],
        SisImportKind.Payments =>
        [
            new(InvoiceNumber, true, "invoice paid (must exist)", "invoice", "invoice number", "invoice no", "reference"),
            new("Amount", true, "amount paid", "amount", "paid", "value"),
            new("PaidOn", true, "payment date", "paid on", "date", "payment date", "received"),
        ],
        SisImportKind.Advisors =>
        [
            Student,
            new("AdvisorEmail", true, "the advisor's e-mail (a faculty member who signs in to CoRM)", "advisor", "advisor email", "tutor", "tutor email", "mentor"),
            new("StartsOn", true, "first day of the assignment", "from", "start", "start date", "assigned on"),
            new("EndsOn", false, "last day (empty while it lasts)", "to", "end", "end date", "until"),
        ],
        _ => [],
    };

    public static Dictionary<string, string?> SuggestMapping(SisImportKind kind, IReadOnlyList<string> headers) => ImportMapping.Suggest(For(kind), headers);
}
