using System.Globalization;
using CoRM.Domain.Constituents;
using Microsoft.Data.Sqlite;

namespace CoRM.Benchmarks;

/// <summary>
/// Builds the design page's "large university" straight into a migrated SQLite file with prepared
/// inserts (EF change tracking would take hours at this size). At scale 1: 40,000 students,
/// 250,000 alumni, 300,000 relatives, 60,000 donors (alumni and relatives wearing a second hat),
/// 2,000 faculty and 10 million interactions. Deterministic for a given scale.
/// </summary>
internal sealed class LargeUniversityGenerator(SqliteConnection connection, double scale)
{
    public const string AdminEmail = "bench.admin@large.example.edu";
    public const string FacultyEmail = "bench.faculty@large.example.edu";
    public const string ParentEmail = "bench.parent@large.example.org";
    public const string AdmissionsEmail = "bench.admissions@large.example.edu";
    public const string AdvancementEmail = "bench.advancement@large.example.edu";

    /// <summary>The intake the admissions figures are about.</summary>
    public const int IntakeTermId = 4;

    private static readonly string[] GivenNames =
        ["Ana", "João", "Maria", "Pedro", "Sofia", "Tiago", "Inês", "Rui", "Marta", "Miguel", "Beatriz", "Duarte", "Helena", "Nuno", "Carla", "Luís",
         "Emma", "Liam", "Olivia", "Noah", "Amara", "Kenji", "Priya", "Daniel", "Grace", "Samuel", "Chloé", "Mateo", "Zoë", "Omar", "Léa", "Yusuf"];
    private static readonly string[] FamilyNames =
        ["Almeida", "Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Jesus", "Sousa", "Fernandes", "Gonçalves",
         "Gomes", "Lopes", "Marques", "Alves", "Ribeiro", "Pinto", "Carvalho", "Teixeira", "Moreira", "Correia", "Mendes", "Nunes", "Soares",
         "Okafor", "Nair", "Lin", "Reyes", "Duarte", "Smith", "Müller", "Dubois", "Rossi", "García", "Kowalski", "Novak", "Tanaka", "Kim"];
    private static readonly string[] Regions = ["North", "Centre", "Lisbon", "Alentejo", "Algarve", "Azores", "Madeira"];
    private static readonly string[] Subjects = ["Phone call", "Advising meeting", "Application update", "Thank-you letter", "Event attendance", "Newsletter reply", "Fee reminder", "Campus visit"];

    private readonly Random random = new(20261122);
    private readonly DateOnly today = new(2026, 11, 22);
    private int nextId;

    public sealed record Result(int Constituents, long Interactions, int BusiestConstituentId, int FacultyId, int AdminId);

    public Result Generate()
    {
        Execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");
        using var tx = connection.BeginTransaction();
        var constituent = Prepare(tx, "INSERT INTO Constituents (Id, Kind, FirstName, LastName, DisplayName, SortName, SearchName, BirthDate, Email, Region, DoNotContact, EmailOptOut, PostOptOut, CreatedAt, Version) VALUES ($id, 0, $first, $last, $display, $sort, $search, $birth, $email, $region, 0, 0, 0, $created, $version)",
            "$id", "$first", "$last", "$display", "$sort", "$search", "$birth", "$email", "$region", "$created", "$version");
        var hat = Prepare(tx, "INSERT INTO Hats (ConstituentId, Kind, StartDate, EndDate) VALUES ($c, $k, $s, $e)", "$c", "$k", "$s", "$e");
        var relationship = Prepare(tx, "INSERT INTO Relationships (SubjectId, RelatedId, Kind, StartDate, Grants, ConsentBasis, Version) VALUES ($s, $r, $k, $d, 0, 0, $v)", "$s", "$r", "$k", "$d", "$v");
        var contact = Prepare(tx, "INSERT INTO ContactPoints (ConstituentId, Kind, Value, Label, IsPrimary) VALUES ($c, 0, $v, 'Personal', 1)", "$c", "$v");
        var interaction = Prepare(tx, "INSERT INTO Interactions (ConstituentId, Channel, Topic, Inbound, OccurredAt, Subject, RecordedById, RecordedAt, Sensitivity) VALUES ($c, $ch, $t, $in, $at, $s, $by, $at, 0)",
            "$c", "$ch", "$t", "$in", "$at", "$s", "$by");
        var followUp = Prepare(tx, "INSERT INTO FollowUps (ConstituentId, OwnerId, Topic, Title, DueOn, CreatedAt, CreatedById, Version) VALUES ($c, $o, 1, 'Check in', $d, $at, $o, $v)", "$c", "$o", "$d", "$at", "$v");

        int Person(string domain, int minAge, int maxAge, HatKind kind, DateOnly since)
        {
            var id = ++nextId;
            var first = Pick(GivenNames);
            var last = Pick(FamilyNames) + (random.Next(4) == 0 ? "-" + Pick(FamilyNames) : "");
            var email = $"{SearchText.Fold(first).ToLowerInvariant()}.{id}@{domain}";
            Run(constituent, id, first, last, $"{first} {last}", SearchText.Fold($"{last} {first}"), SearchText.Fold($"{first} {last}"),
                Date(today.AddYears(-random.Next(minAge, maxAge + 1)).AddDays(-random.Next(365))), email, Pick(Regions),
                Stamp(since.ToDateTime(TimeOnly.MinValue)), Guid.NewGuid().ToString().ToUpperInvariant());
            Run(hat, id, (int)kind, Date(since), null);
            Run(contact, id, email);
            return id;
        }

        var faculty = Enumerable.Range(0, Count(2_000)).Select(_ => Person("large.example.edu", 30, 65, HatKind.Faculty, today.AddYears(-random.Next(1, 20)))).ToArray();
        var benchFaculty = faculty[0];
        var students = new List<int>();
        for (var i = 0; i < Count(40_000); i++)
        {
            var student = Person("students.large.example.edu", 17, 26, HatKind.Student, new DateOnly(today.Year - random.Next(0, 4), 9, 1));
            students.Add(student);
            Run(relationship, student, i < 25 ? benchFaculty : faculty[random.Next(faculty.Length)], (int)RelationshipKind.Advisor, Date(new DateOnly(today.Year - 1, 9, 1)), Guid.NewGuid().ToString().ToUpperInvariant());
        }
        var relatives = new List<int>();
        for (var i = 0; i < Count(300_000); i++)
        {
            var relative = Person("example.org", 38, 70, HatKind.Parent, today.AddYears(-random.Next(1, 6)));
            relatives.Add(relative);
            Run(relationship, students[i % students.Count], relative, (int)RelationshipKind.Parent, Date(today.AddYears(-18)), Guid.NewGuid().ToString().ToUpperInvariant());
        }
        var alumni = new List<int>();
        for (var i = 0; i < Count(250_000); i++)
            alumni.Add(Person("alumni.large.example.edu", 23, 80, HatKind.Alumnus, today.AddYears(-random.Next(1, 50))));
        // Donors are alumni and relatives who give: a second hat on the same record.
        var donors = new HashSet<int>();
        for (var i = 0; i < Count(60_000); i++)
        {
            var donor = i % 3 == 0 ? relatives[random.Next(relatives.Count)] : alumni[random.Next(alumni.Count)];
            if (donors.Add(donor)) Run(hat, donor, (int)HatKind.Donor, Date(today.AddYears(-random.Next(1, 15))), null);
        }

        var admin = Person("large.example.edu", 30, 60, HatKind.Staff, today.AddYears(-5));
        Execute($"INSERT INTO PortalUsers (ConstituentId, Email, DisplayName, Roles) VALUES ({admin}, '{AdminEmail}', 'Bench Admin', 'Admin'), ({benchFaculty}, '{FacultyEmail}', 'Bench Faculty', 'Faculty')", tx);

        // Interactions: spread over everyone (about 17 each), with one busy record (a major donor's
        // 5,000 at full scale) for the profile benchmark.
        var busiest = students[0];
        long interactions = 0;
        var target = (long)(10_000_000 * scale);
        var start = today.ToDateTime(TimeOnly.MinValue).AddYears(-6);
        for (long i = 0; i < target; i++)
        {
            var who = i % 2000 == 0 ? busiest : 1 + random.Next(nextId);
            Run(interaction, who, random.Next(8), random.Next(6), random.Next(3) == 0 ? 1 : 0,
                Stamp(start.AddMinutes(random.Next(6 * 365 * 24 * 60))), Pick(Subjects), faculty[random.Next(faculty.Length)]);
            interactions++;
        }
        foreach (var student in students.Take(Count(8_000)))
            Run(followUp, student, faculty[random.Next(faculty.Length)], Date(today.AddDays(random.Next(-20, 30))), Stamp(start), Guid.NewGuid().ToString().ToUpperInvariant());
        for (var i = 0; i < 25; i++)
            Run(followUp, students[i], benchFaculty, Date(today.AddDays(i - 5)), Stamp(start), Guid.NewGuid().ToString().ToUpperInvariant());
        GenerateAcademics(tx, students);
        GenerateVolunteering(tx, alumni, admin);
        GenerateFamiliesAndAdmissions(tx, students, faculty, Person);
        GenerateGiving(tx, donors.Order().ToList(), Person("large.example.edu", 30, 60, HatKind.Staff, today.AddYears(-3)), alumni);
        tx.Commit();
        Execute("ANALYZE;");
        return new Result(nextId, interactions, busiest, benchFaculty, admin);
    }

    /// <summary>
    /// Three terms for every current student (two finished with results and absences, one under way), tuition for
    /// each with one in ten of the current term's invoices unpaid, and enrolment dates with some late.
    /// </summary>
    private void GenerateAcademics(SqliteTransaction tx, List<int> students)
    {
        var terms = new[]
        {
            ("2025-S1", new DateOnly(2025, 9, 15), new DateOnly(2026, 1, 31)),
            ("2025-S2", new DateOnly(2026, 2, 14), new DateOnly(2026, 6, 30)),
            ("2026-S1", new DateOnly(2026, 9, 14), new DateOnly(2027, 1, 31)),
        };
        for (var t = 0; t < terms.Length; t++)
            Execute($"INSERT INTO Terms (Id, Code, Name, StartsOn, EndsOn, EnrolmentDeadline) VALUES ({t + 1}, '{terms[t].Item1}', '{terms[t].Item1}', '{Date(terms[t].Item2)}', '{Date(terms[t].Item3)}', '{Date(terms[t].Item2)}')", tx);
        const int programmes = 40;
        for (var p = 1; p <= programmes; p++)
        {
            Execute($"INSERT INTO Programmes (Id, Code, Name) VALUES ({p}, 'P{p:D2}', 'Programme {p}')", tx);
            for (var c = 1; c <= 12; c++)
                Execute($"INSERT INTO Courses (Id, Code, Name, ProgrammeId, Credits) VALUES ({(p - 1) * 12 + c}, 'P{p:D2}-{c:D2}', 'Course {p}.{c}', {p}, 6)", tx);
        }
        var enrolment = Prepare(tx, "INSERT INTO ProgrammeEnrolments (StudentId, ProgrammeId, TermId, Status, EnrolledOn) VALUES ($s, $p, $t, 0, $on)", "$s", "$p", "$t", "$on");
        var result = Prepare(tx, "INSERT INTO CourseResults (StudentId, CourseId, TermId, Grade, Passed) VALUES ($s, $c, $t, $g, $p)", "$s", "$c", "$t", "$g", "$p");
        var attendance = Prepare(tx, "INSERT INTO AttendanceRecords (StudentId, CourseId, TermId, Absences, SessionsHeld) VALUES ($s, $c, $t, $a, 24)", "$s", "$c", "$t", "$a");
        var invoice = Prepare(tx, "INSERT INTO TuitionInvoices (StudentId, TermId, Description, Amount, DueOn) VALUES ($s, $t, 'Tuition', 697, $due) RETURNING Id", "$s", "$t", "$due");
        var payment = Prepare(tx, "INSERT INTO TuitionPayments (InvoiceId, Amount, PaidOn) VALUES ($i, 697, $on)", "$i", "$on");
        foreach (var student in students)
        {
            var programme = 1 + random.Next(programmes);
            var struggling = random.Next(5) == 0;
            for (var t = 0; t < terms.Length; t++)
            {
                var (_, starts, _) = terms[t];
                Run(enrolment, student, programme, t + 1, Date(random.Next(12) == 0 ? starts.AddDays(random.Next(5, 30)) : starts.AddDays(-random.Next(0, 20))));
                for (var i = 0; i < 3; i++) invoice.Parameters[i].Value = new object[] { student, t + 1, Date(starts.AddDays(30)) }[i];
                var invoiceId = Convert.ToInt64(invoice.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (!(t == 2 && random.Next(10) == 0)) Run(payment, invoiceId, Date(starts.AddDays(25)));
                if (t == 2) continue;
                for (var c = 1; c <= 6; c++)
                {
                    var passed = random.NextDouble() < (struggling ? 0.55 : 0.93);
                    Run(result, student, (programme - 1) * 12 + t * 6 + c, t + 1, passed ? 10 + random.Next(90) / 10.0 : 4 + random.Next(55) / 10.0, passed ? 1 : 0);
                    Run(attendance, student, (programme - 1) * 12 + t * 6 + c, t + 1, random.Next(struggling ? 8 : 3));
                }
            }
        }
    }

    /// <summary>
    /// Consent on half of the 300,000 parent links (a third of those including grades), a bench parent with two
    /// children (one granted, one not), and next autumn's intake: 60,000 applications in every stage with two rubric
    /// readings each once submitted, and 40,000 prospects who only asked for information.
    /// </summary>
    private void GenerateFamiliesAndAdmissions(SqliteTransaction tx, List<int> students, int[] faculty, Func<string, int, int, HatKind, DateOnly, int> person)
    {
        Execute($"UPDATE Relationships SET Grants = CASE WHEN Id % 6 = 0 THEN 7 ELSE 5 END, ConsentBasis = 1, ConsentRecordedAt = '{Stamp(today.ToDateTime(TimeOnly.MinValue).AddDays(-90))}' WHERE Kind = 0 AND Id % 2 = 0", tx);
        var parent = person("large.example.org", 45, 55, HatKind.Parent, today.AddYears(-3));
        Execute($"""
            INSERT INTO Relationships (SubjectId, RelatedId, Kind, StartDate, Grants, ConsentBasis, ConsentRecordedAt, Version) VALUES
              ({students[1]}, {parent}, 0, '{Date(today.AddYears(-20))}', 7, 1, '{Stamp(today.ToDateTime(TimeOnly.MinValue).AddDays(-30))}', '{Guid.NewGuid().ToString().ToUpperInvariant()}'),
              ({students[2]}, {parent}, 0, '{Date(today.AddYears(-20))}', 0, 0, NULL, '{Guid.NewGuid().ToString().ToUpperInvariant()}');
            UPDATE Constituents SET BirthDate = '{Date(today.AddYears(-20))}' WHERE Id IN ({students[1]}, {students[2]});
            INSERT INTO PortalUsers (ConstituentId, Email, DisplayName, Roles) VALUES ({parent}, '{ParentEmail}', 'Bench Parent', 'Parent'), ({faculty[1]}, '{AdmissionsEmail}', 'Bench Admissions', 'Admissions');
            INSERT INTO Terms (Id, Code, Name, StartsOn, EndsOn, EnrolmentDeadline) VALUES ({IntakeTermId}, '2027-S1', '2027-S1', '2027-09-14', '2028-01-31', '2027-09-14');
            """, tx);

        var application = Prepare(tx, """
            INSERT INTO AdmissionApplications (ApplicantId, ProgrammeId, TermId, Source, Stage, StartedById, CounsellorId, TranscriptReceived, StatementReceived, RecommendationReceived,
                StartedAt, SubmittedAt, Decision, DecidedAt, DepositAmount, DepositPaidAt, EnrolledAt, Version)
            VALUES ($a, $p, $t, $src, $stage, $a, $c, $tr, $st, $rec, $started, $submitted, $decision, $decided, $deposit, $paid, $enrolled, $v) RETURNING Id
            """, "$a", "$p", "$t", "$src", "$stage", "$c", "$tr", "$st", "$rec", "$started", "$submitted", "$decision", "$decided", "$deposit", "$paid", "$enrolled", "$v");
        var review = Prepare(tx, "INSERT INTO ApplicationReviews (ApplicationId, ReaderId, SubmittedAt, Recommendation, WeightedScore) VALUES ($a, $r, $at, 0, $w) RETURNING Id", "$a", "$r", "$at", "$w");
        var score = Prepare(tx, "INSERT INTO ReviewScores (ReviewId, Criterion, Score, Weight) VALUES ($r, $c, $s, $w)", "$r", "$c", "$s", "$w");
        var inquiry = Prepare(tx, "INSERT INTO InformationRequests (ProspectId, ProgrammeId, TermId, Source, ReceivedAt, ApplicationId) VALUES ($p, $prog, $t, $src, $at, $app)", "$p", "$prog", "$t", "$src", "$at", "$app");
        var counsellors = faculty.Take(20).ToArray();
        // Stages in proportion: many start, fewer finish.
        (int Stage, int Weight)[] stages = [(0, 25), (1, 10), (2, 15), (3, 12), (4, 4), (5, 12), (6, 8), (7, 8), (8, 6)];
        var total = stages.Sum(s => s.Weight);
        var start = today.ToDateTime(TimeOnly.MinValue).AddDays(-120);
        for (var i = 0; i < Count(60_000); i++)
        {
            var roll = random.Next(total);
            var stage = stages.First(s => (roll -= s.Weight) < 0).Stage;
            var applicant = person("example.com", 17, 19, HatKind.Applicant, today.AddDays(-random.Next(1, 120)));
            var programme = 1 + random.Next(40);
            var started = start.AddMinutes(random.Next(110 * 24 * 60));
            var submitted = stage is 0 or 8 ? (DateTime?)null : started.AddDays(random.Next(3, 12));
            var decided = stage is 3 or 4 or 5 or 6 or 7 ? submitted!.Value.AddDays(random.Next(5, 20)) : (DateTime?)null;
            var paid = stage is 6 or 7 ? decided!.Value.AddDays(random.Next(1, 12)) : (DateTime?)null;
            int? decision = stage switch { 3 or 6 or 7 => 0, 4 => 1, 5 => 2, _ => null };
            var complete = submitted is not null;
            var id = Convert.ToInt64(Scalar(application, applicant, programme, IntakeTermId, random.Next(5), stage, counsellors[random.Next(counsellors.Length)],
                complete ? 1 : random.Next(2), complete ? 1 : random.Next(2), complete ? 1 : 0, Stamp(started), Stamp(submitted), decision, Stamp(decided),
                paid is null ? null : 250.0, Stamp(paid), stage == 7 ? Stamp(paid!.Value.AddDays(10)) : null, Guid.NewGuid().ToString().ToUpperInvariant()), CultureInfo.InvariantCulture);
            if (random.Next(2) == 0) Run(inquiry, applicant, programme, IntakeTermId, random.Next(5), Stamp(started.AddDays(-random.Next(5, 60))), id);
            var readings = stage switch { 0 or 1 or 8 => 0, 2 => 1 + random.Next(2), _ => 2 };
            for (var r = 0; r < readings; r++)
            {
                var reviewId = Convert.ToInt64(Scalar(review, id, counsellors[(i + r) % counsellors.Length], Stamp(submitted!.Value.AddDays(2 + r)), 3.5), CultureInfo.InvariantCulture);
                for (var c = 0; c < 4; c++) Run(score, reviewId, c, 2 + random.Next(4), c == 0 ? 0.4 : 0.2);
            }
        }
        for (var i = 0; i < Count(40_000); i++)
        {
            var prospect = person("example.net", 16, 18, HatKind.Prospect, today.AddDays(-random.Next(1, 200)));
            Run(inquiry, prospect, random.Next(5) == 0 ? null : 1 + random.Next(40), IntakeTermId, random.Next(5), Stamp(start.AddMinutes(random.Next(110 * 24 * 60))), null);
        }
    }

    private static object? Scalar(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command.ExecuteScalar();
    }

    private static string? Stamp(DateTime? at) => at is { } value ? Stamp(value) : null;

    /// <summary>The design's volunteering load: 5,000 shifts in one month (December 2026) and 50,000 sign-ups from alumni.</summary>
    private void GenerateVolunteering(SqliteTransaction tx, List<int> alumni, int coordinator)
    {
        for (var o = 1; o <= 50; o++)
            Execute($"INSERT INTO Opportunities (Id, Title, Location, Skills, CoordinatorId, Active) VALUES ({o}, 'Opportunity {o}', 'Site {o}', '', {coordinator}, 1)", tx);
        var shift = Prepare(tx, "INSERT INTO Shifts (Id, OpportunityId, StartsAt, EndsAt, Capacity, MinimumStaffing, RequiredSkills, Version) VALUES ($id, $o, $s, $e, $c, $m, '', $v)",
            "$id", "$o", "$s", "$e", "$c", "$m", "$v");
        var signUp = Prepare(tx, "INSERT INTO SignUps (ShiftId, VolunteerId, Status, SignedUpAt, Version) VALUES ($s, $v, $st, $at, $g)", "$s", "$v", "$st", "$at", "$g");
        var month = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var shifts = Count(5_000);
        for (var i = 1; i <= shifts; i++)
        {
            var start = month.AddDays(random.Next(31)).AddHours(8 + random.Next(10));
            var capacity = 6 + random.Next(10);
            Run(shift, i, 1 + random.Next(50), Stamp(start), Stamp(start.AddHours(3)), capacity, capacity / 2, Guid.NewGuid().ToString().ToUpperInvariant());
            for (var k = 0; k < 10; k++)
                Run(signUp, i, alumni[random.Next(alumni.Count)], k < capacity ? 0 : 1, Stamp(start.AddDays(-20).AddMinutes(k)), Guid.NewGuid().ToString().ToUpperInvariant());
        }
    }

    /// <summary>
    /// Ten years of giving for every donor (1 to 12 gifts each, mostly small, one in fifty a major gift), two appeals,
    /// four funds, an advancement officer, and five galas whose attendance feeds the "events attended" rule.
    /// </summary>
    private void GenerateGiving(SqliteTransaction tx, List<int> donors, int officer, List<int> alumni)
    {
        Execute($"INSERT INTO PortalUsers (ConstituentId, Email, DisplayName, Roles) VALUES ({officer}, '{AdvancementEmail}', 'Bench Advancement', 'Advancement')", tx);
        Execute("""
            INSERT INTO Funds (Id, Code, Name, Restricted) VALUES (1, 'ANNUAL', 'Annual Fund', 0), (2, 'SCHOL', 'Scholarships', 1), (3, 'LIBRARY', 'Library', 1), (4, 'ATHLETICS', 'Athletics', 0);
            INSERT INTO Appeals (Id, Code, Name, StartsOn, Cost) VALUES (1, 'YE', 'Year-end appeal', '2025-11-15', 25000), (2, 'SPRING', 'Spring appeal', '2026-03-01', 18000);
            """, tx);
        var gift = Prepare(tx, """
            INSERT INTO Gifts (DonorId, Amount, Currency, ReceivedOn, FundId, AppealId, Method, Kind, BenefitValue, DeductibleAmount, RecordedAt, RecordedById, Version)
            VALUES ($d, $a, 'EUR', $on, $f, $ap, $m, 0, 0, $a, $at, $by, $v)
            """, "$d", "$a", "$on", "$f", "$ap", "$m", "$at", "$by", "$v");
        foreach (var donor in donors)
        {
            var gifts = 1 + random.Next(12);
            var major = random.Next(50) == 0;
            for (var k = 0; k < gifts; k++)
            {
                var on = today.AddDays(-random.Next(10 * 365));
                var amount = major ? 1_000 * (1 + random.Next(50)) : 10 * (1 + random.Next(random.Next(3) == 0 ? 50 : 10));
                Run(gift, donor, (double)amount, Date(on), 1 + random.Next(4), random.Next(4) == 0 ? 1 + random.Next(2) : null, random.Next(4), Stamp(on.ToDateTime(new TimeOnly(12, 0))), officer,
                    Guid.NewGuid().ToString().ToUpperInvariant());
            }
        }
        var registration = Prepare(tx, "INSERT INTO EventRegistrations (EventId, ConstituentId, Tickets, RegisteredAt, Attended) VALUES ($e, $c, 1, $at, $att)", "$e", "$c", "$at", "$att");
        for (var e = 1; e <= 5; e++)
        {
            var startsAt = today.ToDateTime(new TimeOnly(19, 0)).AddMonths(-3 * e);
            Execute($"INSERT INTO GivingEvents (Id, Name, StartsAt, TicketPrice, FairMarketValue, Capacity, FundId) VALUES ({e}, 'Gala {e}', '{Stamp(startsAt)}', 150, 65, NULL, 1)", tx);
            foreach (var guest in alumni.Skip(e * 1_000).Take(Count(2_000)).Concat(donors.Take(Count(1_000))).Distinct())
                Run(registration, e, guest, Stamp(startsAt.AddDays(-20)), random.Next(5) == 0 ? 0 : 1);
        }
    }

    private int Count(int atFullScale) => Math.Max(1, (int)(atFullScale * scale));

    private string Pick(string[] values) => values[random.Next(values.Length)];

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The text format EF Core's SQLite provider writes, so string comparisons in its queries hold.
    private static string Stamp(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');

    private SqliteCommand Prepare(SqliteTransaction tx, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    private void Execute(string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
