using Bogus;
using CoRM.Domain.Academics;
using CoRM.Domain.Constituents;
using CoRM.Domain.StudentSuccess;
using CoRM.Infrastructure.Persistence;
using CoRM.Infrastructure.StudentSuccess;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Seeding;

/// <summary>
/// Academic records for the demo's current students: three terms (two finished, one under way), programmes and
/// courses, results, absences, tuition and enrolment dates, with most students doing fine and some drifting into
/// trouble in believable ways. Also two dated rules assessments per student, so advisors see a trend on day one.
/// </summary>
internal static class DemoAcademicsSeeder
{
    private static readonly string[] ProgrammeNames = ["Nursing", "Management", "Informatics", "Social Service", "Communication Design", "Agronomy"];

    private enum Trajectory { Steady, Struggling, Sliding }

    public static async Task SeedAsync(CormDbContext db, DateOnly today, CancellationToken ct)
    {
        var f = new Faker("en") { Random = new Randomizer(20261123) };
        var year = today.Month >= 9 ? today.Year : today.Year - 1;
        var terms = new[]
        {
            Term.Create($"{year - 1}-S1", $"Autumn {year - 1}", new DateOnly(year - 1, 9, 15), new DateOnly(year, 1, 31), new DateOnly(year - 1, 9, 15)),
            Term.Create($"{year - 1}-S2", $"Spring {year}", new DateOnly(year, 2, 14), new DateOnly(year, 6, 30), new DateOnly(year, 2, 14)),
            Term.Create($"{year}-S1", $"Autumn {year}", new DateOnly(year, 9, 14), new DateOnly(year + 1, 1, 31), new DateOnly(year, 9, 14)),
        };
        db.Terms.AddRange(terms);
        var programmes = ProgrammeNames.Select((name, i) => new Programme { Code = $"P{i + 1:D2}", Name = name }).ToList();
        db.Programmes.AddRange(programmes);
        await db.SaveChangesAsync(ct);
        var courses = programmes.ToDictionary(p => p.Id, p => Enumerable.Range(1, 12).Select(n => new Course
        {
            Code = $"{p.Code}-{n:D2}",
            Name = $"{p.Name} {(n <= 6 ? "I" : "II")}.{(n - 1) % 6 + 1}",
            ProgrammeId = p.Id,
            Credits = 6,
        }).ToList());
        db.Courses.AddRange(courses.Values.SelectMany(c => c));
        await db.SaveChangesAsync(ct);

        var students = await db.Hats.Where(h => h.Kind == HatKind.Student && h.EndDate == null).Select(h => h.ConstituentId).OrderBy(id => id).ToListAsync(ct);
        var helena = await db.PortalUsers.Where(u => u.Email == DemoSeeder.Personas.Faculty).Select(u => u.ConstituentId).SingleAsync(ct);
        var tiago = await db.Constituents.Where(c => c.Email == DemoSeeder.Personas.UngrantedChild).Select(c => c.Id).SingleAsync(ct);
        var sofia = await db.Constituents.Where(c => c.Email == DemoSeeder.Personas.GrantedChild).Select(c => c.Id).SingleAsync(ct);
        var helenasAdvisees = await db.Relationships.Where(r => r.RelatedId == helena && r.Kind == RelationshipKind.Advisor && r.SubjectId != sofia && r.SubjectId != tiago)
            .OrderBy(r => r.Id).Select(r => r.SubjectId).ToListAsync(ct);

        // A random of its own, so the draws above (and the demo everyone knows) stay as they were.
        var coursework = new Random(20261202);
        foreach (var student in students)
        {
            // The persona family tells a story: Sofia is doing well, her brother Tiago is sliding.
            var trajectory = student == sofia ? Trajectory.Steady
                : student == tiago || helenasAdvisees.Take(2).Contains(student) ? Trajectory.Sliding
                : helenasAdvisees.Skip(2).Take(2).Contains(student) ? Trajectory.Struggling
                : f.Random.WeightedRandom([Trajectory.Steady, Trajectory.Struggling, Trajectory.Sliding], [0.72f, 0.18f, 0.10f]);
            var programme = f.PickRandom(programmes);
            for (var t = 0; t < terms.Length; t++)
            {
                var term = terms[t];
                var late = trajectory != Trajectory.Steady && t == 2 && f.Random.Bool(0.4f);
                db.ProgrammeEnrolments.Add(new ProgrammeEnrolment
                {
                    StudentId = student,
                    ProgrammeId = programme.Id,
                    TermId = term.Id,
                    Status = EnrolmentStatus.Enrolled,
                    EnrolledOn = late ? term.EnrolmentDeadline.AddDays(f.Random.Int(6, 35)) : term.EnrolmentDeadline.AddDays(-f.Random.Int(0, 25)),
                });
                var invoice = TuitionInvoice.Issue(student, term.Id, $"Tuition {term.Code}", 697m, term.StartsOn.AddDays(30));
                var unpaid = t == 2 && (trajectory == Trajectory.Sliding ? f.Random.Bool(0.7f) : trajectory == Trajectory.Struggling && f.Random.Bool(0.3f));
                if (!unpaid && invoice.DueOn <= today) invoice.Pay(697m, invoice.DueOn.AddDays(-f.Random.Int(0, 10)));
                db.TuitionInvoices.Add(invoice);

                if (t == 2)
                {
                    // The current term has no final results yet, but its coursework so far is on record: the early warning.
                    SeedCoursework(db, coursework, student, term, courses[programme.Id].Skip(6).Take(3).ToList(), trajectory, today);
                    continue;
                }
                var (passChance, absenceMean) = (trajectory, t) switch
                {
                    (Trajectory.Steady, _) => (0.95, 1.0),
                    (Trajectory.Struggling, _) => (0.62, 3.0),
                    (Trajectory.Sliding, 0) => (0.9, 1.0),
                    _ => (0.35, 4.0),
                };
                foreach (var course in courses[programme.Id].Skip(t * 6).Take(6))
                {
                    var passed = f.Random.Double() < passChance;
                    var grade = passed ? Math.Round((decimal)f.Random.Double(10, 18.5), 1) : f.Random.Bool(0.15f) ? (decimal?)null : Math.Round((decimal)f.Random.Double(4, 9.5), 1);
                    db.CourseResults.Add(CourseResult.Record(student, course.Id, term.Id, grade, passed && grade is not null));
                    db.AttendanceRecords.Add(AttendanceRecord.Record(student, course.Id, term.Id,
                        Math.Min(24, (int)Math.Round(f.Random.Double(0, 2 * absenceMean))), 24));
                }
            }
        }
        await db.SaveChangesAsync(ct);

        // A trend from day one: how each student looked at the end of each finished term.
        foreach (var term in terms.Take(2))
        {
            var inputs = await RiskInputsQuery.LoadAsync(db, db.Constituents.Where(c => students.Contains(c.Id)).Select(c => c.Id), term.EndsOn, ct);
            foreach (var (student, i) in inputs)
                if (i.LastTerm is not null) db.RiskAssessments.Add(RiskAssessment.From(student, term.EndsOn, RiskMethod.Rules, RuleBasedRisk.Assess(i)));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Two assignments a course, due three and seven weeks into the term, for three of the term's courses: handed in with a
    /// score that follows the student's trajectory, or missed — never for a steady student, so the persona story holds.
    /// Work not yet due is on record without a submission (it counts once due).
    /// </summary>
    private static void SeedCoursework(CormDbContext db, Random random, int student, Term term, List<Course> courses, Trajectory trajectory, DateOnly today)
    {
        var (missChance, meanScore) = trajectory switch
        {
            Trajectory.Steady => (0.0, 78.0),
            Trajectory.Struggling => (0.15, 55.0),
            _ => (0.35, 42.0),
        };
        foreach (var course in courses)
            for (var n = 1; n <= 2; n++)
            {
                var due = term.StartsOn.AddDays(n == 1 ? 21 : 49);
                var missed = due > today || random.NextDouble() < missChance;
                var submitted = missed ? (DateOnly?)null : due.AddDays(random.NextDouble() < 0.15 ? random.Next(1, 4) : -random.Next(0, 3));
                if (submitted > today) submitted = today;
                var score = missed ? (decimal?)null : Math.Clamp(Math.Round((decimal)(meanScore + (random.NextDouble() - 0.5) * 30)), 0, 100);
                db.AssessmentResults.Add(AssessmentResult.Record(student, course.Id, term.Id, $"Assignment {n}", due, submitted, 15, score));
            }
    }

}
