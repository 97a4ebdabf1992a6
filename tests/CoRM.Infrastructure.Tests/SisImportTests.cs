using CoRM.Domain.Academics;
using CoRM.Infrastructure.Academics;
using CoRM.Infrastructure.Imports;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

/// <summary>SIS exports through column mapping: a full chain of files, bad rows, and re-imports that change nothing.</summary>
public sealed class SisImportTests : InstitutionTest
{
    private const string Terms = "code;name;start date;end date;deadline\n2027-S1;Spring 2027;2027-02-15;2027-06-30;2027-02-20\n";
    private const string Students = "Student No,First Name,Surname,E-mail,DOB,District\nS1001,Marta,Gonçalves,marta.goncalves@example.org,12/03/2006,Algarve\nS1002,Rui,Pinto,,2005-07-01,Lisbon\n";
    private const string Enrolments = "student id,programme code,programme name,term,status,enrolment date\nS1001,P99,Marine Biology,2027-S1,Enrolled,2027-03-05\nS1002,P99,,2027-S1,,2027-02-10\n";
    private const string Results = "student id,term,course,course name,mark\nS1001,2027-S1,MB-101,Oceans I,8.5\nS1001,2027-S1,MB-102,Oceans II,\nS1002,2027-S1,MB-101,Oceans I,\"15,5\"\n";
    private const string Attendance = "student id,term,course,absences,sessions\nS1001,2027-S1,MB-101,9,24\n";
    private const string Invoices = "invoice,student id,term,amount,due date\nINV-1,S1001,2027-S1,697.00,2027-03-15\nINV-2,S1002,2027-S1,697,2027-03-15\n";
    private const string Payments = "invoice,amount,paid on\nINV-2,697,2027-03-10\n";

    private async Task<ImportReport> ImportAsync(SisImportKind kind, string csv)
    {
        var daniel = await Institution.PersonaAsync(Personas.StudentSuccess);
        var import = Institution.Get<SisImport>();
        var preview = await import.PreviewAsync(daniel, kind, csv);
        Assert.Empty(preview.Rejected);
        return await import.ImportAsync(daniel, kind, csv, preview.Mapping);
    }

    [Fact]
    public async Task A_chain_of_exports_maps_its_columns_and_builds_the_records_and_reimporting_changes_nothing()
    {
        foreach (var (kind, csv) in new[] { (SisImportKind.Terms, Terms), (SisImportKind.Students, Students), (SisImportKind.Enrolments, Enrolments),
                     (SisImportKind.Results, Results), (SisImportKind.Attendance, Attendance), (SisImportKind.Invoices, Invoices), (SisImportKind.Payments, Payments) })
        {
            var report = await ImportAsync(kind, csv);
            Assert.True(report.Committed, $"{kind}: {string.Join("; ", report.Rejected)}");
        }

        await using var db = await Institution.OpenAsync();
        var marta = await db.Constituents.Include(c => c.Hats).SingleAsync(c => c.StudentNumber == "S1001");
        Assert.Equal("Marta Gonçalves", marta.DisplayName);
        Assert.Equal(new DateOnly(2006, 3, 12), marta.BirthDate);
        Assert.Contains(marta.Hats, h => h.Kind == Domain.Constituents.HatKind.Student);
        var enrolment = await db.ProgrammeEnrolments.Include(e => e.Term).SingleAsync(e => e.StudentId == marta.Id);
        Assert.Equal(13, ProgrammeEnrolment.DaysLate(enrolment.EnrolledOn, enrolment.Term!.EnrolmentDeadline));
        var results = await db.CourseResults.Where(r => r.StudentId == marta.Id).OrderBy(r => r.CourseId).ToListAsync();
        Assert.Equal([8.5m, null], results.Select(r => r.Grade));
        Assert.All(results, r => Assert.False(r.Passed));
        var rui = await db.Constituents.SingleAsync(c => c.StudentNumber == "S1002");
        Assert.Equal(15.5m, await db.CourseResults.Where(r => r.StudentId == rui.Id).Select(r => r.Grade).SingleAsync());
        Assert.Equal(9, await db.AttendanceRecords.Where(a => a.StudentId == marta.Id).Select(a => a.Absences).SingleAsync());
        Assert.Equal(1, await db.TuitionPayments.CountAsync(p => db.TuitionInvoices.Any(i => i.Id == p.InvoiceId && i.Number == "INV-2")));

        var counts = new[] { await db.Constituents.CountAsync(), await db.CourseResults.CountAsync(), await db.TuitionPayments.CountAsync() };
        foreach (var (kind, csv) in new[] { (SisImportKind.Students, Students), (SisImportKind.Results, Results), (SisImportKind.Payments, Payments) })
            Assert.True((await ImportAsync(kind, csv)).Committed);
        await using var again = await Institution.OpenAsync();
        Assert.Equal(counts, new[] { await again.Constituents.CountAsync(), await again.CourseResults.CountAsync(), await again.TuitionPayments.CountAsync() });
    }

    [Fact]
    public async Task A_student_already_on_record_becomes_the_student_and_a_look_alike_is_created_and_queued_for_review()
    {
        await ImportAsync(SisImportKind.Terms, Terms);
        int inquirer, lookAlike;
        await using (var db = await Institution.OpenAsync())
        {
            // Someone who inquired (an e-mail, no student number) and someone with a birth date, as admissions recorded them.
            var now = Institution.Time.GetUtcNow().UtcDateTime;
            var a = Domain.Constituents.Constituent.Person("Carolina", "Meireles", now, "carolina.meireles@example.org");
            var b = Domain.Constituents.Constituent.Person("Tiago", "Bettencourt", now, null, new DateOnly(2006, 1, 9));
            db.Constituents.AddRange(a, b);
            await db.SaveChangesAsync();
            (inquirer, lookAlike) = (a.Id, b.Id);
        }
        const string file = "Student No,First Name,Surname,E-mail,DOB\nS2001,Carolina,Meireles,Carolina.Meireles@example.org,\nS2002,Tiago,Betencourt,,2006-01-09\n";
        var daniel = await Institution.PersonaAsync(Personas.StudentSuccess);
        var import = Institution.Get<SisImport>();

        var preview = await import.PreviewAsync(daniel, SisImportKind.Students, file);

        Assert.Collection(preview.Matches,
            m => Assert.Contains($"already on record: C-{inquirer}", m.Text, StringComparison.Ordinal),
            m => Assert.Contains($"may be C-{lookAlike}", m.Text, StringComparison.Ordinal));
        Assert.True((await import.ImportAsync(daniel, SisImportKind.Students, file, preview.Mapping)).Committed);
        await using var after = await Institution.OpenAsync();
        Assert.Equal("S2001", (await after.Constituents.SingleAsync(c => c.Id == inquirer)).StudentNumber);
        var created = await after.Constituents.SingleAsync(c => c.StudentNumber == "S2002");
        Assert.NotEqual(lookAlike, created.Id);
        Assert.Single(await after.DuplicateCandidates.Where(d => d.FirstId == lookAlike && d.SecondId == created.Id).ToListAsync());
    }

    [Fact]
    public async Task Advisor_assignments_import_as_dated_relationships_and_show_in_the_advisors_list()
    {
        Assert.True((await ImportAsync(SisImportKind.Students, Students)).Committed);
        const string advisors = "student id,tutor email,from,to\nS1001,HELENA.MARQUES@northfield.example.edu,2026-09-01,\nS1002,helena.marques@northfield.example.edu,2025-09-01,2026-06-30\n";
        Assert.True((await ImportAsync(SisImportKind.Advisors, advisors)).Committed);
        Assert.True((await ImportAsync(SisImportKind.Advisors, advisors)).Committed); // again: no duplicates

        var helena = await Institution.PersonaAsync(Personas.Faculty);
        var names = (await Institution.Get<StudentSuccess.AdviseeList>().MineAsync(helena, StudentSuccess.AdviseeSort.Name, false, 0, 100)).Items.Select(a => a.DisplayName).ToList();
        Assert.Contains("Marta Gonçalves", names);
        Assert.DoesNotContain("Rui Pinto", names); // that assignment ended
        await using var db = await Institution.OpenAsync();
        Assert.Equal(2, await db.Relationships.CountAsync(r => r.Kind == Domain.Constituents.RelationshipKind.Advisor && r.Subject!.StudentNumber != null));

        var daniel = await Institution.PersonaAsync(Personas.StudentSuccess);
        var preview = await Institution.Get<SisImport>().PreviewAsync(daniel, SisImportKind.Advisors, "student id,tutor email,from\nS1001,rui.almeida@example.org,2026-09-01\n");
        Assert.Contains("is not a faculty member", Assert.Single(preview.Rejected).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_reason_and_nothing_is_written()
    {
        Assert.True((await ImportAsync(SisImportKind.Terms, Terms)).Committed);
        Assert.True((await ImportAsync(SisImportKind.Students, Students)).Committed);
        const string bad = "student id,term,course,course name,mark\n" +
                           "S1001,2027-S1,MB-101,Oceans I,12\n" +
                           "S9999,2027-S1,MB-101,Oceans I,12\n" +
                           "S1002,2099-S9,MB-101,Oceans I,12\n" +
                           "S1002,2027-S1,MB-101,Oceans I,twelve\n" +
                           "S1002,2027-S1,MB-101,Oceans I,25\n" +
                           "S1001,2027-S1,MB-101,Oceans I,13\n";
        var daniel = await Institution.PersonaAsync(Personas.StudentSuccess);
        var import = Institution.Get<SisImport>();
        var preview = await import.PreviewAsync(daniel, SisImportKind.Results, bad);
        var report = await import.ImportAsync(daniel, SisImportKind.Results, bad, preview.Mapping);

        Assert.False(report.Committed);
        Assert.Equal(preview.Rejected, report.Rejected);
        var reasons = report.Rejected.ToDictionary(r => r.Line, r => r.Reason);
        Assert.Equal([3, 4, 5, 6, 7], reasons.Keys.Order());
        Assert.Contains("Unknown student number 'S9999'", reasons[3], StringComparison.Ordinal);
        Assert.Contains("Unknown term '2099-S9'", reasons[4], StringComparison.Ordinal);
        Assert.Contains("'twelve' is not a number", reasons[5], StringComparison.Ordinal);
        Assert.Contains("between 0 and 20", reasons[6], StringComparison.Ordinal);
        Assert.Contains("as line 2", reasons[7], StringComparison.Ordinal);
        await using var db = await Institution.OpenAsync();
        Assert.False(await db.Courses.AnyAsync(c => c.Code == "MB-101"));
    }

    [Fact]
    public async Task Pseudonymised_students_without_names_are_recorded_by_number_and_a_nameless_re_export_keeps_names_on_record()
    {
        // The Open University's open data: an id, a region, no names.
        Assert.True((await ImportAsync(SisImportKind.Students, "id_student,region,gender\n11391,East Anglian Region,M\n28400,Scotland,F\n")).Committed);
        Assert.True((await ImportAsync(SisImportKind.Students, Students)).Committed);
        Assert.True((await ImportAsync(SisImportKind.Students, "id_student,region\nS1001,Algarve\n")).Committed); // Marta, exported again without names

        await using var db = await Institution.OpenAsync();
        var pseudonym = await db.Constituents.SingleAsync(c => c.StudentNumber == "11391");
        Assert.Equal(("Student 11391", "East Anglian Region"), (pseudonym.DisplayName, pseudonym.Region));
        Assert.Equal("Marta Gonçalves", (await db.Constituents.SingleAsync(c => c.StudentNumber == "S1001")).DisplayName);
        Assert.False(await db.DuplicateCandidates.AnyAsync(d => d.SecondId == pseudonym.Id || d.FirstId == pseudonym.Id));
    }

    [Theory]
    [InlineData("id_student,code_presentation,code_module,score")]       // the Open University's open data
    [InlineData("studentId,termCode,courseCode,finalGrade")]              // camelCase LMS exports
    [InlineData("STUDENT_ID;ACADEMIC_PERIOD;MODULE_CODE;MARK")]           // upper snake case, another delimiter
    public void Common_export_spellings_are_suggested_whatever_the_case_and_word_order(string headers)
    {
        var names = headers.Split(headers.Contains(';') ? ';' : ',');
        var mapping = SisImportFields.SuggestMapping(SisImportKind.Results, names);
        Assert.Equal(names[0], mapping[SisImportFields.StudentNumber]);
        Assert.Equal(names[1], mapping[SisImportFields.TermCode]);
        Assert.Equal(names[2], mapping[SisImportFields.CourseCode]);
        Assert.Equal(names[3], mapping["Grade"]);
    }

    [Fact]
    public async Task Unmapped_required_fields_are_named_and_suggestions_follow_common_header_names()
    {
        var mapping = SisImportFields.SuggestMapping(SisImportKind.Students, ["Student No", "First Name", "Surname", "E-mail", "Phone"]);
        Assert.Equal("Student No", mapping[SisImportFields.StudentNumber]);
        Assert.Equal("Surname", mapping["FamilyName"]);
        Assert.Equal("E-mail", mapping["Email"]);
        Assert.Null(mapping["BirthDate"]);

        var daniel = await Institution.PersonaAsync(Personas.StudentSuccess);
        var preview = await Institution.Get<SisImport>().PreviewAsync(daniel, SisImportKind.Students, "Phone,Name\n123,Ana\n");
        var rejected = Assert.Single(preview.Rejected);
        Assert.Contains("StudentNumber", rejected.Reason, StringComparison.Ordinal);

        var faculty = await Institution.PersonaAsync(Personas.Faculty);
        var refused = await Institution.Get<SisImport>().ImportAsync(faculty, SisImportKind.Terms, Terms, SisImportFields.SuggestMapping(SisImportKind.Terms, SisImport.Headers(Terms)));
        Assert.False(refused.Committed);
    }
}
