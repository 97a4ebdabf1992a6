using System.Globalization;
using CoRM.Domain;
using CoRM.Domain.Academics;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Imports;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Imports.ImportValues;

namespace CoRM.Infrastructure.Academics;

/// <summary>
/// Imports student-information-system exports (terms, students, enrolments, results, attendance, invoices,
/// payments) through a column mapping. Preview and import run the same validation against the database; the
/// import writes in one transaction and only when no row is rejected, so nothing is ever half-imported.
/// Re-importing the same file changes nothing: rows are matched on their natural keys and updated.
/// </summary>
public sealed class SisImport(IDbContextFactory<CormDbContext> dbFactory, PersonLookup lookup, AuditTrail audit, TimeProvider time)
{
    public const int SampleSize = 10;

    public static bool MayUse(UserScope user) => user.IsIn(Roles.StudentSuccess) || user.IsIn(Roles.Admin);

    public static IReadOnlyList<string> Headers(string csv) => TabularFile.ReadCsv(csv).Headers;

    public Task<ImportPreview> PreviewAsync(UserScope user, SisImportKind kind, string csv, IReadOnlyDictionary<string, string?>? mapping = null, CancellationToken ct = default) =>
        PreviewAsync(user, kind, TabularFile.ReadCsv(csv), mapping, ct);

    public Task<ImportReport> ImportAsync(UserScope user, SisImportKind kind, string csv, IReadOnlyDictionary<string, string?> mapping, CancellationToken ct = default) =>
        ImportAsync(user, kind, TabularFile.ReadCsv(csv), mapping, ct);

    public async Task<ImportPreview> PreviewAsync(UserScope user, SisImportKind kind, TabularFile file, IReadOnlyDictionary<string, string?>? mapping = null, CancellationToken ct = default)
    {
        var used = mapping ?? ImportMapping.Suggest(SisImportFields.For(kind), file.Headers);
        if (!MayUse(user)) return new ImportPreview(file.Headers, used, 0, [], [new RejectedRow(0, "Only student-success staff and administrators import records.")]);
        var (rows, rejected, sample, matches) = await RunAsync(user, kind, file, used, commit: false, ct);
        return new ImportPreview(file.Headers, used, rows, sample, rejected) { Matches = matches };
    }

    public async Task<ImportReport> ImportAsync(UserScope user, SisImportKind kind, TabularFile file, IReadOnlyDictionary<string, string?> mapping, CancellationToken ct = default)
    {
        if (!MayUse(user)) return new ImportReport(0, 0, [new RejectedRow(0, "Only student-success staff and administrators import records.")], false);
        var (rows, rejected, _, _) = await RunAsync(user, kind, file, mapping, commit: true, ct);
        return new ImportReport(rows, rejected.Count == 0 ? rows : 0, rejected, Committed: rejected.Count == 0 && rows > 0);
    }

    private async Task<(int Rows, List<RejectedRow> Rejected, List<IReadOnlyDictionary<string, string>> Sample, List<ImportMatch> Matches)> RunAsync(
        UserScope user, SisImportKind kind, TabularFile file, IReadOnlyDictionary<string, string?> mapping, bool commit, CancellationToken ct)
    {
        var rejected = new List<RejectedRow>();
        var sample = new List<IReadOnlyDictionary<string, string>>();
        var matches = new List<ImportMatch>();
        var queued = new List<(int Similar, Constituent Created, MatchScore Score)>();
        var fields = SisImportFields.For(kind);
        if (file.Headers.Count == 0) return (0, [new RejectedRow(1, "The file is empty.")], sample, matches);
        if (ImportMapping.Problem(fields, mapping, file.Headers) is { } problem) return (0, [new RejectedRow(1, problem)], sample, matches);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var context = await ImportContext.LoadAsync(db, ct);
        var keys = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rows = 0;

        foreach (var row in file.Rows)
        {
            rows++;
            var line = row.Line;
            var values = row.Values(fields, mapping);
            try
            {
                var key = RowKey(kind, values);
                if (keys.TryGetValue(key, out var firstLine)) throw new FormatException($"Same {KeyName(kind)} as line {firstLine}.");
                if (kind == SisImportKind.Students) await ApplyStudentAsync(db, context, values, line, matches, queued, time.UtcNow(), ct);
                else Apply(db, context, kind, values, time.UtcNow());
                keys[key] = line; // only an accepted row claims its key
                if (sample.Count < SampleSize) sample.Add(values);
            }
            catch (Exception e) when (e is FormatException or DomainException)
            {
                rejected.Add(new RejectedRow(line, e.Message));
            }
        }

        if (commit && rejected.Count == 0 && rows > 0)
        {
            audit.Record(db, user, AuditAction.Create, "Import", kind.ToString(), null, $"{rows} rows");
            await db.SaveChangesAsync(ct);
            // New students who resemble someone on record wait in the data steward's queue (now that they have ids).
            foreach (var (similar, created, score) in queued) db.DuplicateCandidates.Add(DuplicateCandidate.Found(similar, created.Id, score, time.UtcNow()));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        // Otherwise the transaction is disposed unsaved: a preview or a file with rejections writes nothing.
        return (rows, rejected, sample, matches);
    }

    private static string KeyName(SisImportKind kind) => kind switch
    {
        SisImportKind.Terms => "term code",
        SisImportKind.Students => "student number",
        SisImportKind.Enrolments => "student, term and programme",
        SisImportKind.Assessments => "student, term, course and assessment",
        SisImportKind.Invoices => "invoice number",
        SisImportKind.Payments => "invoice, amount and date",
        SisImportKind.Advisors => "student, advisor and start date",
        _ => "student, term and course",
    };

    private static string RowKey(SisImportKind kind, Dictionary<string, string> v) => kind switch
    {
        SisImportKind.Terms => v[SisImportFields.TermCode],
        SisImportKind.Students => v[SisImportFields.StudentNumber],
        SisImportKind.Enrolments => $"{v[SisImportFields.StudentNumber]}|{v[SisImportFields.TermCode]}|{v["ProgrammeCode"]}",
        SisImportKind.Assessments => $"{v[SisImportFields.StudentNumber]}|{v[SisImportFields.TermCode]}|{v[SisImportFields.CourseCode]}|{v["AssessmentCode"]}",
        SisImportKind.Invoices => v[SisImportFields.InvoiceNumber],
        SisImportKind.Payments => $"{v[SisImportFields.InvoiceNumber]}|{v["Amount"]}|{v["PaidOn"]}",
        SisImportKind.Advisors => $"{v[SisImportFields.StudentNumber]}|{v["AdvisorEmail"]}|{v["StartsOn"]}",
        _ => $"{v[SisImportFields.StudentNumber]}|{v[SisImportFields.TermCode]}|{v[SisImportFields.CourseCode]}",
    };

    /// <summary>
    /// A student row: the student number finds the student; failing that, the one matching rule finds the person if they
    /// are already on record (an applicant, an inquirer, a donor) and they become this student. A possible duplicate is
    /// created as a new student and queued for the data steward.
    /// </summary>
    private async Task ApplyStudentAsync(CormDbContext db, ImportContext c, Dictionary<string, string> v, int line, List<ImportMatch> matches,
        List<(int, Constituent, MatchScore)> queued, DateTime now, CancellationToken ct)
    {
        var number = Required(v, SisImportFields.StudentNumber);
        if (number.Length > Constituent.StudentNumberMaxLength) throw new FormatException($"Student number '{number}' is longer than {Constituent.StudentNumberMaxLength} characters.");
        var email = string.IsNullOrEmpty(v["Email"]) ? null : EmailAddress.TryNormalise(v["Email"]) ?? throw new FormatException($"Email: '{v["Email"]}' is not an e-mail address.");
        var birth = Date(v, "BirthDate", optional: true);
        // A pseudonymised export (open data, research extracts) carries no names: the student is recorded by number.
        var pseudonymised = v["GivenName"].Length == 0 && v["FamilyName"].Length == 0;
        var (given, family) = pseudonymised ? ("Student", number) : (v["GivenName"], Required(v, "FamilyName"));
        if (!c.Students.TryGetValue(number, out var student) && pseudonymised)
        {
            student = db.Constituents.Add(Constituent.Person(given, family, now, email, birth)).Entity; // nothing to match a pseudonym on
            student.StudentNumber = number;
            c.Students[number] = student;
        }
        else if (student is null)
        {
            if (email is not null && db.Constituents.Local.FirstOrDefault(x => x.Email == email && x.StudentNumber != number) is { StudentNumber: { } earlier })
                throw new FormatException($"{email} already belongs to student {earlier}.");
            var match = await lookup.FindAsync(db, new PersonFacts(given, family, email, BirthDate: birth), ct);
            if (match is { Verdict: MatchVerdict.SamePerson, Person: { } known })
            {
                if (known.StudentNumber is { } other && other != number)
                    throw new FormatException($"{given} {family} matches C-{known.Id} {known.DisplayName} ({match.Score.Explanation}), who is student {other}.");
                student = known;
                matches.Add(new ImportMatch(line, $"{given} {family} is already on record: C-{known.Id} {known.DisplayName} ({match.Score.Explanation}); the record becomes this student."));
            }
            else
            {
                student = db.Constituents.Add(Constituent.Person(given, family, now, email, birth)).Entity;
                if (match is { Verdict: MatchVerdict.PossibleDuplicate, Person: { } similar })
                {
                    queued.Add((similar.Id, student, match.Score));
                    matches.Add(new ImportMatch(line, $"{given} {family} may be C-{similar.Id} {similar.DisplayName} ({match.Score.Explanation}): a new record, sent to the duplicate queue."));
                }
            }
            student.StudentNumber = number;
            c.Students[number] = student;
        }
        if (!pseudonymised) student.Rename(given, family); // a pseudonymised re-export does not erase a name on record
        student.SetPrimaryEmail(email ?? student.Email);
        if (birth is not null) student.BirthDate = birth;
        if (!string.IsNullOrEmpty(v["Region"])) student.Region = v["Region"].Length <= Constituent.RegionMaxLength ? v["Region"] : throw new FormatException("Region is too long.");
        var today = DateOnly.FromDateTime(now);
        if (!student.Hats.Any(h => h.Kind == HatKind.Student && h.IsActiveOn(today)))
            student.Hats.Add(Hat.Wear(HatKind.Student, today));
    }

    private static void Apply(CormDbContext db, ImportContext c, SisImportKind kind, Dictionary<string, string> v, DateTime now)
    {
        switch (kind)
        {
            case SisImportKind.Terms:
                {
                    var code = Required(v, SisImportFields.TermCode);
                    var starts = Date(v, "StartsOn")!.Value;
                    var fresh = Term.Create(code, v["Name"], starts, Date(v, "EndsOn")!.Value, Date(v, "EnrolmentDeadline", optional: true) ?? starts);
                    if (c.Terms.TryGetValue(code, out var term))
                        (term.Name, term.StartsOn, term.EndsOn, term.EnrolmentDeadline) = (fresh.Name, fresh.StartsOn, fresh.EndsOn, fresh.EnrolmentDeadline);
                    else c.Terms[code] = db.Terms.Add(fresh).Entity;
                    break;
                }
            case SisImportKind.Enrolments:
                {
                    var (student, term) = (c.Student(v), c.Term(v));
                    var status = string.IsNullOrEmpty(v["Status"]) ? EnrolmentStatus.Enrolled
                        : Enum.TryParse<EnrolmentStatus>(v["Status"].Replace(" ", "", StringComparison.Ordinal), ignoreCase: true, out var s) && Enum.IsDefined(s) ? s
                        : throw new FormatException($"Status '{v["Status"]}' is not one of {string.Join(", ", Enum.GetNames<EnrolmentStatus>())}.");
                    var enrolledOn = Date(v, "EnrolledOn")!.Value;
                    var programme = c.Programme(db, Required(v, "ProgrammeCode"), v["ProgrammeName"]);
                    // Several programmes (or modules) a term, each its own enrolment.
                    if (!c.Enrolments.TryGetValue((student, term, programme.Code), out var enrolment))
                        enrolment = c.Enrolments[(student, term, programme.Code)] = db.ProgrammeEnrolments.Add(new ProgrammeEnrolment { StudentId = student.Id, Term = term, Programme = programme }).Entity;
                    (enrolment.Status, enrolment.EnrolledOn) = (status, enrolledOn);
                    break;
                }
            case SisImportKind.Results:
                {
                    var (student, term) = (c.Student(v), c.Term(v));
                    bool? passed = string.IsNullOrEmpty(v["Passed"]) ? null : Bool("Passed", v["Passed"]);
                    var fresh = CourseResult.Record(student.Id, 0, term.Id, Number(v, "Grade", optional: true), passed, Date(v, "RecordedOn", optional: true));
                    var course = c.Course(db, Required(v, SisImportFields.CourseCode), string.IsNullOrEmpty(v["CourseName"]) ? c.ModuleName(v[SisImportFields.CourseCode]) : v["CourseName"]);
                    if (!c.Results.TryGetValue((student, term, course), out var result))
                    {
                        fresh.CourseId = course.Id;
                        result = c.Results[(student, term, course)] = db.CourseResults.Add(fresh).Entity;
                    }
                    (result.Grade, result.Passed, result.RecordedOn) = (fresh.Grade, fresh.Passed, fresh.RecordedOn);
                    break;
                }
            case SisImportKind.Assessments:
                {
                    var (student, term) = (c.Student(v), c.Term(v));
                    var (due, submitted, score) = (Date(v, "DueOn", optional: true), Date(v, "SubmittedOn", optional: true), Number(v, "Score", optional: true));
                    var fresh = AssessmentResult.Record(student.Id, 0, term.Id, Required(v, "AssessmentCode"), due, submitted, Number(v, "Weight", optional: true) ?? 0, score);
                    if (submitted is { } s && (s < term.StartsOn.AddDays(-60) || s > term.EndsOn.AddDays(365)))
                        throw new FormatException($"Submitted on {s:yyyy-MM-dd} is far outside term {term.Code} ({term.StartsOn:yyyy-MM-dd} – {term.EndsOn:yyyy-MM-dd}).");
                    var course = c.Course(db, Required(v, SisImportFields.CourseCode), c.ModuleName(Required(v, SisImportFields.CourseCode)));
                    if (!c.Assessments.TryGetValue((student.Id, term.Id, course.Id, fresh.Code), out var result))
                    {
                        fresh.CourseId = course.Id;
                        result = c.Assessments[(student.Id, term.Id, course.Id, fresh.Code)] = db.AssessmentResults.Add(fresh).Entity;
                    }
                    (result.DueOn, result.SubmittedOn, result.Weight, result.Score) = (fresh.DueOn, fresh.SubmittedOn, fresh.Weight, fresh.Score);
                    break;
                }
            case SisImportKind.Attendance:
                {
                    var (student, term) = (c.Student(v), c.Term(v));
                    var fresh = AttendanceRecord.Record(student.Id, 0, term.Id, WholeNumber(v, "Absences")!.Value, WholeNumber(v, "SessionsHeld", optional: true) ?? 0);
                    var course = c.Course(db, Required(v, SisImportFields.CourseCode), null);
                    if (!c.Attendance.TryGetValue((student, term, course), out var record))
                    {
                        fresh.CourseId = course.Id;
                        record = c.Attendance[(student, term, course)] = db.AttendanceRecords.Add(fresh).Entity;
                    }
                    (record.Absences, record.SessionsHeld) = (fresh.Absences, fresh.SessionsHeld);
                    break;
                }
            case SisImportKind.Invoices:
                {
                    var number = Required(v, SisImportFields.InvoiceNumber);
                    if (number.Length > TuitionInvoice.NumberMaxLength) throw new FormatException($"Invoice number '{number}' is longer than {TuitionInvoice.NumberMaxLength} characters.");
                    var (student, term) = (c.Student(v), c.Term(v));
                    var fresh = TuitionInvoice.Issue(student.Id, term.Id, string.IsNullOrEmpty(v["Description"]) ? $"Tuition {term.Code}" : v["Description"],
                        Number(v, "Amount")!.Value, Date(v, "DueOn")!.Value);
                    if (!c.Invoices.TryGetValue(number, out var invoice))
                    {
                        fresh.Number = number;
                        invoice = c.Invoices[number] = db.TuitionInvoices.Add(fresh).Entity;
                    }
                    (invoice.StudentId, invoice.TermId, invoice.Description, invoice.Amount, invoice.DueOn) = (student.Id, term.Id, fresh.Description, fresh.Amount, fresh.DueOn);
                    break;
                }
            case SisImportKind.Advisors:
                {
                    var student = c.Student(v);
                    var email = EmailAddress.Normalise(Required(v, "AdvisorEmail"));
                    if (!c.Advisors.TryGetValue(email, out var advisor) || advisor == student.Id) throw new FormatException($"{email} is not a faculty member who signs in to CoRM.");
                    var (starts, ends) = (Date(v, "StartsOn")!.Value, Date(v, "EndsOn", optional: true));
                    if (ends < starts) throw new FormatException("The assignment ends before it starts.");
                    var existing = db.Relationships.Local.FirstOrDefault(r => r.SubjectId == student.Id && r.RelatedId == advisor && r.Kind == RelationshipKind.Advisor && r.StartDate == starts)
                        ?? db.Relationships.FirstOrDefault(r => r.SubjectId == student.Id && r.RelatedId == advisor && r.Kind == RelationshipKind.Advisor && r.StartDate == starts);
                    if (existing is null)
                    {
                        existing = new Relationship { SubjectId = student.Id, RelatedId = advisor, Kind = RelationshipKind.Advisor, StartDate = starts };
                        db.Relationships.Add(existing);
                    }
                    existing.EndDate = ends;
                    break;
                }
            case SisImportKind.Payments:
                {
                    var number = Required(v, SisImportFields.InvoiceNumber);
                    if (!c.Invoices.TryGetValue(number, out var invoice)) throw new FormatException($"Unknown invoice '{number}': import invoices first.");
                    var (amount, paidOn) = (Number(v, "Amount")!.Value, Date(v, "PaidOn")!.Value);
                    if (!invoice.Payments.Any(p => p.Amount == amount && p.PaidOn == paidOn)) invoice.Pay(amount, paidOn);
                    break;
                }
        }
    }

    /// <summary>What the file may refer to, loaded once: students by number, terms, programmes, courses, invoices, and existing rows by key.</summary>
    private sealed class ImportContext
    {
        public Dictionary<string, Constituent> Students { get; private init; } = [];
        public Dictionary<string, Term> Terms { get; private init; } = [];
        public Dictionary<string, Programme> Programmes { get; private init; } = [];
        public Dictionary<string, Course> Courses { get; private init; } = [];
        public Dictionary<string, TuitionInvoice> Invoices { get; private init; } = [];

        /// <summary>Faculty who sign in, by e-mail: the only people an advisor assignment may name.</summary>
        public Dictionary<string, int> Advisors { get; private init; } = [];
        public Dictionary<(Constituent, Term, string Programme), ProgrammeEnrolment> Enrolments { get; } = [];
        public Dictionary<(int Student, int Term, int Course, string Code), AssessmentResult> Assessments { get; } = [];
        public Dictionary<(Constituent, Term, Course), CourseResult> Results { get; } = [];
        public Dictionary<(Constituent, Term, Course), AttendanceRecord> Attendance { get; } = [];

        public static async Task<ImportContext> LoadAsync(CormDbContext db, CancellationToken ct)
        {
            var context = new ImportContext
            {
                Students = await db.Constituents.Include(s => s.Hats).Where(s => s.StudentNumber != null).ToDictionaryAsync(s => s.StudentNumber!, StringComparer.OrdinalIgnoreCase, ct),
                Terms = await db.Terms.ToDictionaryAsync(t => t.Code, StringComparer.OrdinalIgnoreCase, ct),
                Programmes = await db.Programmes.ToDictionaryAsync(p => p.Code, StringComparer.OrdinalIgnoreCase, ct),
                Courses = await db.Courses.ToDictionaryAsync(x => x.Code, StringComparer.OrdinalIgnoreCase, ct),
                Invoices = await db.TuitionInvoices.Include(i => i.Payments).Where(i => i.Number != null).ToDictionaryAsync(i => i.Number!, StringComparer.OrdinalIgnoreCase, ct),
                Advisors = (await db.PortalUsers.Where(u => u.Roles.Contains(Roles.Faculty)).Select(u => new { u.Email, u.ConstituentId }).ToListAsync(ct))
                    .ToDictionary(u => u.Email, u => u.ConstituentId, StringComparer.OrdinalIgnoreCase),
            };
            var students = context.Students.Values.ToDictionary(s => s.Id);
            var terms = context.Terms.Values.ToDictionary(t => t.Id);
            var courses = context.Courses.Values.ToDictionary(x => x.Id);
            // In the database, not as a list of ids: a large university's tens of thousands would exceed SQLite's parameters.
            var ids = db.Constituents.Where(s => s.StudentNumber != null).Select(s => s.Id);
            var programmes = context.Programmes.Values.ToDictionary(p => p.Id);
            foreach (var e in await db.ProgrammeEnrolments.Where(e => ids.Contains(e.StudentId)).ToListAsync(ct))
                context.Enrolments[(students[e.StudentId], terms[e.TermId], programmes[e.ProgrammeId].Code)] = e;
            foreach (var a in await db.AssessmentResults.Where(a => ids.Contains(a.StudentId)).ToListAsync(ct))
                context.Assessments[(a.StudentId, a.TermId, a.CourseId, a.Code)] = a;
            foreach (var r in await db.CourseResults.Where(r => ids.Contains(r.StudentId)).ToListAsync(ct))
                context.Results[(students[r.StudentId], terms[r.TermId], courses[r.CourseId])] = r;
            foreach (var a in await db.AttendanceRecords.Where(a => ids.Contains(a.StudentId)).ToListAsync(ct))
                context.Attendance[(students[a.StudentId], terms[a.TermId], courses[a.CourseId])] = a;
            return context;
        }

        public Constituent Student(Dictionary<string, string> v)
        {
            var number = Required(v, SisImportFields.StudentNumber);
            return Students.TryGetValue(number, out var s) ? s : throw new FormatException($"Unknown student number '{number}': import students first.");
        }

        public Term Term(Dictionary<string, string> v)
        {
            var code = Required(v, SisImportFields.TermCode);
            return Terms.TryGetValue(code, out var t) ? t : throw new FormatException($"Unknown term '{code}': import terms first.");
        }

        /// <summary>A known course, or one created from its name (saved at once, inside the import's transaction, so rows can refer to its id).</summary>
        public Course Course(CormDbContext db, string code, string? nameToCreate)
        {
            if (Courses.TryGetValue(code, out var course)) return course;
            if (string.IsNullOrEmpty(nameToCreate)) throw new FormatException($"Unknown course '{code}': import results with a CourseName column first.");
            if (code.Length > Domain.Academics.Course.CodeMaxLength) throw new FormatException($"Course code '{code}' is too long.");
            course = Courses[code] = db.Courses.Add(new Course { Code = code, Name = nameToCreate, Credits = 6 }).Entity;
            db.SaveChanges();
            return course;
        }

        /// <summary>A module registered as a programme (OULAD's shape: the module is both) names its course too.</summary>
        public string? ModuleName(string code) => Programmes.TryGetValue(code, out var module) ? module.Name : null;

        public Programme Programme(CormDbContext db, string code, string? nameToCreate)
        {
            if (Programmes.TryGetValue(code, out var programme)) return programme;
            if (string.IsNullOrEmpty(nameToCreate)) throw new FormatException($"Unknown programme '{code}': add a ProgrammeName column to create it.");
            if (code.Length > Domain.Academics.Programme.CodeMaxLength) throw new FormatException($"Programme code '{code}' is too long.");
            return Programmes[code] = db.Programmes.Add(new Programme { Code = code, Name = nameToCreate }).Entity;
        }
    }
}
