using System.Globalization;
using CoRM.Domain.Academics;
using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Imports;
using CoRM.Infrastructure.Persistence;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Academics;

/// <summary>
/// Imports the UCI "Predict Students' Dropout and Academic Success" file (one anonymised student per row) onto
/// CoRM's academic model: a student constituent, a programme enrolment for each of two terms with the final
/// status, one course result per curricular unit, and tuition invoices that are paid or not as the row says.
/// Every row is validated first; if any is rejected nothing is written and the report says which and why.
/// </summary>
/// <remarks>
/// Mapping conventions, because the file has counts rather than per-course rows: approved units pass with the
/// row's grade average; units "without evaluations" have no grade; the other failed units are recorded at 8/20.
/// "Tuition fees up to date" = 0 leaves the second-term invoice unpaid; "Debtor" = 1 leaves the first-term one unpaid.
/// </remarks>
public sealed class DropoutDatasetImport(IDbContextFactory<CormDbContext> dbFactory, TimeProvider time)
{
    public const string FirstTermCode = "UCI-S1";
    public const string SecondTermCode = "UCI-S2";
    public const decimal FailedUnitGrade = 8m;
    public const decimal TuitionPerTerm = 697m;

    public static readonly Term FirstTerm = Term.Create(FirstTermCode, "Dataset first semester", new DateOnly(2021, 9, 15), new DateOnly(2022, 1, 31), new DateOnly(2021, 9, 15));
    public static readonly Term SecondTerm = Term.Create(SecondTermCode, "Dataset second semester", new DateOnly(2022, 2, 14), new DateOnly(2022, 6, 30), new DateOnly(2022, 2, 14));

    /// <summary>One parsed row: the columns CoRM's model keeps.</summary>
    public sealed record Row(int Line, int ProgrammeCode, int AgeAtEnrolment, bool Debtor, bool TuitionUpToDate,
        SemesterCounts First, SemesterCounts Second, string Target);

    public sealed record SemesterCounts(int Enrolled, int Evaluations, int Approved, decimal Grade, int WithoutEvaluations);

    public static (List<Row> Rows, List<RejectedRow> Rejected) Parse(TextReader reader)
    {
        var rows = new List<Row>();
        var rejected = new List<RejectedRow>();
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = false, TrimOptions = TrimOptions.Trim });
        if (!csv.Read() || !csv.ReadHeader()) return (rows, [new RejectedRow(1, "The file is empty.")]);
        var missing = RequiredColumns.Where(c => !csv.HeaderRecord!.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0) return (rows, [new RejectedRow(1, "Missing columns: " + string.Join(", ", missing))]);

        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            try
            {
                rows.Add(ParseRow(csv, line));
            }
            catch (FormatException e)
            {
                rejected.Add(new RejectedRow(line, e.Message));
            }
        }
        return (rows, rejected);
    }

    private static readonly string[] RequiredColumns =
    [
        "Course", "Age at enrollment", "Debtor", "Tuition fees up to date", "Target",
        .. new[] { "1st", "2nd" }.SelectMany(s => new[] { "enrolled", "evaluations", "approved", "grade", "without evaluations" }.Select(c => $"Curricular units {s} sem ({c})")),
    ];

    private static Row ParseRow(CsvReader csv, int line)
    {
        int Int(string column, int min, int max)
        {
            var text = csv.GetField(column) ?? "";
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) throw new FormatException($"{column}: '{text}' is not a whole number.");
            if (value < min || value > max) throw new FormatException($"{column}: {value} is outside {min}–{max}.");
            return value;
        }
        decimal Grade(string column)
        {
            var text = csv.GetField(column) ?? "";
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) throw new FormatException($"{column}: '{text}' is not a number.");
            if (value is < 0 or > CourseResult.MaxGrade) throw new FormatException($"{column}: {value} is outside 0–20.");
            return Math.Round(value, 2);
        }
        SemesterCounts Semester(string s)
        {
            var counts = new SemesterCounts(Int($"Curricular units {s} sem (enrolled)", 0, 40), Int($"Curricular units {s} sem (evaluations)", 0, 80),
                Int($"Curricular units {s} sem (approved)", 0, 40), Grade($"Curricular units {s} sem (grade)"), Int($"Curricular units {s} sem (without evaluations)", 0, 40));
            if (counts.Approved > counts.Enrolled) throw new FormatException($"{s} semester: {counts.Approved} units approved of {counts.Enrolled} enrolled.");
            return counts;
        }
        var target = csv.GetField("Target")?.Trim() ?? "";
        if (target is not ("Dropout" or "Enrolled" or "Graduate")) throw new FormatException($"Target: '{target}' is not Dropout, Enrolled or Graduate.");
        return new Row(line, Int("Course", 1, 99999), Int("Age at enrollment", 14, 90), Int("Debtor", 0, 1) == 1, Int("Tuition fees up to date", 0, 1) == 1,
            Semester("1st"), Semester("2nd"), target);
    }

    /// <summary>For student-success staff and administrators: validates the whole file, then writes it in one transaction, or nothing if any row is rejected.</summary>
    public async Task<ImportReport> ImportAsync(UserScope user, TextReader reader, CancellationToken ct = default)
    {
        if (!user.IsIn(Roles.StudentSuccess) && !user.IsIn(Roles.Admin))
            return new ImportReport(0, 0, [new RejectedRow(0, "Only student-success staff and administrators import academic records.")], Committed: false);
        return await ImportAsync(reader, ct);
    }

    internal async Task<ImportReport> ImportAsync(TextReader reader, CancellationToken ct = default)
    {
        var (rows, rejected) = Parse(reader);
        if (rejected.Count > 0) return new ImportReport(rows.Count + rejected.Count, rows.Count, rejected, Committed: false);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.UtcNow();

        var terms = new List<Term>();
        foreach (var template in new[] { FirstTerm, SecondTerm })
        {
            var term = await db.Terms.SingleOrDefaultAsync(t => t.Code == template.Code, ct)
                ?? db.Terms.Add(Term.Create(template.Code, template.Name, template.StartsOn, template.EndsOn, template.EnrolmentDeadline)).Entity;
            terms.Add(term);
        }
        var programmes = await db.Programmes.ToDictionaryAsync(p => p.Code, ct);
        foreach (var code in rows.Select(r => ProgrammeCode(r.ProgrammeCode)).Distinct().Where(c => !programmes.ContainsKey(c)))
            programmes[code] = db.Programmes.Add(new Programme { Code = code, Name = $"Programme {code[2..]} (dataset)" }).Entity;
        await db.SaveChangesAsync(ct);

        var courses = await db.Courses.ToDictionaryAsync(c => c.Code, ct);
        Course CourseFor(string programme, int semester, int unit)
        {
            var code = $"{programme}-S{semester}-U{unit:D2}";
            if (!courses.TryGetValue(code, out var course))
                courses[code] = course = db.Courses.Add(new Course { Code = code, Name = $"{programme} semester {semester} unit {unit}", ProgrammeId = programmes[programme].Id, Credits = 6 }).Entity;
            return course;
        }
        foreach (var row in rows)
            foreach (var (counts, semester) in new[] { (row.First, 1), (row.Second, 2) })
                for (var unit = 1; unit <= counts.Enrolled; unit++) CourseFor(ProgrammeCode(row.ProgrammeCode), semester, unit);
        await db.SaveChangesAsync(ct);

        var students = rows.Select(row =>
        {
            var student = Constituent.Person("Student", $"UCI-{row.Line - 1:D4}", now, null, FirstTerm.StartsOn.AddYears(-row.AgeAtEnrolment).AddDays(-180));
            // Dropouts and graduates finished with the second term; graduates become alumni.
            student.Hats.Add(Hat.Wear(HatKind.Student, FirstTerm.StartsOn, row.Target == "Enrolled" ? null : SecondTerm.EndsOn));
            if (row.Target == "Graduate") student.Hats.Add(Hat.Wear(HatKind.Alumnus, SecondTerm.EndsOn.AddDays(1)));
            return (row, student);
        }).ToList();
        db.Constituents.AddRange(students.Select(s => s.student));
        await db.SaveChangesAsync(ct);

        foreach (var (row, student) in students)
        {
            var programme = programmes[ProgrammeCode(row.ProgrammeCode)];
            var finalStatus = row.Target switch { "Dropout" => EnrolmentStatus.DroppedOut, "Graduate" => EnrolmentStatus.Graduated, _ => EnrolmentStatus.Enrolled };
            db.ProgrammeEnrolments.Add(new ProgrammeEnrolment { StudentId = student.Id, ProgrammeId = programme.Id, TermId = terms[0].Id, Status = EnrolmentStatus.Enrolled, EnrolledOn = FirstTerm.EnrolmentDeadline });
            db.ProgrammeEnrolments.Add(new ProgrammeEnrolment { StudentId = student.Id, ProgrammeId = programme.Id, TermId = terms[1].Id, Status = finalStatus, EnrolledOn = SecondTerm.EnrolmentDeadline });

            foreach (var (counts, semester, term) in new[] { (row.First, 1, terms[0]), (row.Second, 2, terms[1]) })
                for (var unit = 1; unit <= counts.Enrolled; unit++)
                {
                    var course = CourseFor(programme.Code, semester, unit);
                    decimal? grade = unit <= counts.Approved ? Math.Max(CourseResult.PassMark, counts.Grade)
                        // The file counts units "without evaluations" separately (they can overlap approved ones): at most the failed ones get no grade.
                        : unit <= counts.Approved + counts.WithoutEvaluations ? null
                        : FailedUnitGrade;
                    db.CourseResults.Add(CourseResult.Record(student.Id, course.Id, term.Id, grade, passed: unit <= counts.Approved));
                }

            AddInvoice(db, student.Id, terms[0].Id, FirstTerm, paid: !row.Debtor);
            AddInvoice(db, student.Id, terms[1].Id, SecondTerm, paid: row.TuitionUpToDate);
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportReport(rows.Count, rows.Count, [], Committed: true);
    }

    private static void AddInvoice(CormDbContext db, int studentId, int termId, Term term, bool paid)
    {
        var invoice = TuitionInvoice.Issue(studentId, termId, $"Tuition {term.Code}", TuitionPerTerm, term.StartsOn.AddDays(45));
        if (paid) invoice.Pay(TuitionPerTerm, invoice.DueOn);
        db.TuitionInvoices.Add(invoice);
    }

    private static string ProgrammeCode(int code) => $"P-{code}";
}
