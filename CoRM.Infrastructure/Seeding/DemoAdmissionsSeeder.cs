using Bogus;
using CoRM.Domain.Access;
using CoRM.Domain.Academics;
using CoRM.Domain.Admissions;
using CoRM.Domain.Constituents;
using CoRM.Domain.Families;
using CoRM.Domain.Identity;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Seeding;

/// <summary>
/// Admissions and family data for the demo: the next two terms, a second admissions officer (decisions need two
/// readers), last autumn's intake as history (the current first-years' applications, all the way to enrolment),
/// the coming autumn's intake in every stage, requests for information, a student persona who manages her
/// family's access, and an open request from the parent persona.
/// </summary>
internal static class DemoAdmissionsSeeder
{
    public const string SecondOfficer = "lucas.pereira@" + DemoSeeder.InstitutionDomain;

    public static async Task SeedAsync(CormDbContext db, DateOnly today, DateTime now, CancellationToken ct)
    {
        var f = new Faker("en") { Random = new Randomizer(20261124) };
        var current = await db.Terms.OrderByDescending(t => t.StartsOn).FirstAsync(ct);
        var year = current.StartsOn.Year;
        var spring = Term.Create($"{year}-S2", $"Spring {year + 1}", new DateOnly(year + 1, 2, 14), new DateOnly(year + 1, 6, 30), new DateOnly(year + 1, 2, 14));
        var intake = Term.Create($"{year + 1}-S1", $"Autumn {year + 1}", new DateOnly(year + 1, 9, 14), new DateOnly(year + 2, 1, 31), new DateOnly(year + 1, 9, 14));
        db.Terms.AddRange(spring, intake);

        var lucas = Constituent.Person("Lucas", "Pereira", now.AddYears(-2), SecondOfficer, today.AddYears(-41));
        lucas.Region = "Centre";
        lucas.Hats.Add(Hat.Wear(HatKind.Staff, today.AddYears(-6)));
        db.Constituents.Add(lucas);
        await db.SaveChangesAsync(ct);
        db.PortalUsers.Add(new PortalUser { ConstituentId = lucas.Id, Email = SecondOfficer, DisplayName = lucas.DisplayName, Roles = Roles.Admissions });

        var priya = await db.PortalUsers.Where(u => u.Email == DemoSeeder.Personas.Admissions).Select(u => u.ConstituentId).SingleAsync(ct);
        var readers = new[] { priya, lucas.Id };
        var programmes = await db.Programmes.Select(p => p.Id).ToListAsync(ct);
        var sources = Enum.GetValues<AdmissionSource>().Where(s => s != AdmissionSource.Parent).ToArray();
        float[] sourceWeights = [0.45f, 0.2f, 0.15f, 0.12f, 0.08f];

        // Last autumn's intake, as history: the current first-years applied, were read, admitted, paid and enrolled.
        var intakeYear = current.StartsOn.Year;
        var firstYears = await db.Hats.Where(h => h.Kind == HatKind.Student && h.EndDate == null && h.StartDate.Year == intakeYear)
            .Join(db.ProgrammeEnrolments.Where(e => e.TermId == current.Id), h => h.ConstituentId, e => e.StudentId, (h, e) => new { e.StudentId, e.ProgrammeId, e.EnrolledOn })
            .OrderBy(e => e.StudentId).ToListAsync(ct);
        foreach (var s in firstYears)
        {
            var started = current.StartsOn.AddMonths(-f.Random.Int(5, 8)).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
            var source = f.Random.WeightedRandom(sources, sourceWeights);
            var a = Walk(f, s.StudentId, s.ProgrammeId, current.Id, source, started, readers, AdmissionStage.Enrolled);
            a.EnrolledAt = s.EnrolledOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
            db.AdmissionApplications.Add(a);
            if (f.Random.Bool(0.6f)) await InquiredBeforeAsync(db, a, s.ProgrammeId, f.Random.Int(10, 60), ct);
        }
        // ... and those who were turned down or walked away.
        for (var i = 0; i < 30; i++)
        {
            var person = NewPerson(f, today, now, 18);
            db.Constituents.Add(person);
            await db.SaveChangesAsync(ct);
            var started = current.StartsOn.AddMonths(-f.Random.Int(5, 8)).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
            var outcome = f.Random.WeightedRandom([AdmissionStage.Denied, AdmissionStage.Withdrawn, AdmissionStage.Started], [0.4f, 0.3f, 0.3f]);
            var a = Walk(f, person.Id, f.PickRandom(programmes), current.Id, f.Random.WeightedRandom(sources, sourceWeights), started, readers,
                outcome == AdmissionStage.Started ? AdmissionStage.Withdrawn : outcome);
            db.AdmissionApplications.Add(a);
        }

        // The coming intake, in every stage, with requests for information still coming in.
        var stages = new (AdmissionStage Stage, int Count)[]
        {
            (AdmissionStage.Started, 16), (AdmissionStage.Submitted, 9), (AdmissionStage.InReview, 11), (AdmissionStage.Admitted, 8),
            (AdmissionStage.Waitlisted, 4), (AdmissionStage.Denied, 4), (AdmissionStage.Deposited, 6), (AdmissionStage.Withdrawn, 2),
        };
        foreach (var (stage, count) in stages)
            for (var i = 0; i < count; i++)
            {
                var age = f.Random.Int(17, 19);
                var person = NewPerson(f, today, now, age);
                person.Hats.Add(Hat.Wear(HatKind.Applicant, today.AddDays(-f.Random.Int(5, 60))));
                db.Constituents.Add(person);
                await db.SaveChangesAsync(ct);
                var started = now.AddDays(-f.Random.Int(stage == AdmissionStage.Started ? 2 : 20, 75));
                var source = f.Random.WeightedRandom(sources, sourceWeights);
                var a = Walk(f, person.Id, f.PickRandom(programmes), intake.Id, source, started, readers, stage);
                var inquired = f.Random.Bool(0.5f);
                if (age < 18 || f.Random.Bool(0.3f)) a.NameGuardian($"{f.Name.FirstName()} {person.LastName}", $"{person.FirstName.ToLowerInvariant()}.family{f.Random.Int(10, 999)}@example.org");
                if (stage == AdmissionStage.Started) a.StartedAt = now.AddDays(-f.Random.Int(1, 14));
                db.AdmissionApplications.Add(a);
                if (inquired) await InquiredBeforeAsync(db, a, a.ProgrammeId, f.Random.Int(5, 40), ct);
                if (a.Stage == AdmissionStage.Admitted || a.Stage == AdmissionStage.Deposited)
                {
                    await db.SaveChangesAsync(ct);
                    var invoice = TuitionInvoice.Issue(person.Id, intake.Id, "Enrolment deposit", 250m, DateOnly.FromDateTime(a.DecidedAt!.Value).AddDays(14));
                    if (a.Stage == AdmissionStage.Deposited) invoice.Pay(250m, DateOnly.FromDateTime(a.DepositPaidAt!.Value));
                    db.TuitionInvoices.Add(invoice);
                    await db.SaveChangesAsync(ct);
                    a.DepositInvoiceId = invoice.Id;
                    a.DepositAmount = 250m;
                    a.DepositDueOn = invoice.DueOn;
                }
            }
        for (var i = 0; i < 24; i++)
        {
            var person = NewPerson(f, today, now, f.Random.Int(16, 18));
            person.Hats.Add(Hat.Wear(HatKind.Prospect, today.AddDays(-f.Random.Int(1, 90))));
            db.Constituents.Add(person);
            await db.SaveChangesAsync(ct);
            db.InformationRequests.Add(InformationRequest.Receive(person.Id, f.Random.Bool(0.8f) ? f.PickRandom(programmes) : null, intake.Id,
                f.Random.WeightedRandom(sources, sourceWeights), f.PickRandom("Asked about scholarships", "Asked about housing", "Open day visitor", null), now.AddDays(-f.Random.Int(1, 90))));
        }
        await db.SaveChangesAsync(ct);
        // Counsellors share the files.
        var files = await db.AdmissionApplications.OrderBy(a => a.Id).ToListAsync(ct);
        for (var i = 0; i < files.Count; i++) files[i].CounsellorId = readers[i % 2];

        // The student persona: Sofia signs in to decide what her parents may see.
        var sofia = await db.Constituents.SingleAsync(c => c.Email == DemoSeeder.Personas.GrantedChild, ct);
        db.PortalUsers.Add(new PortalUser
        {
            ConstituentId = sofia.Id, Email = DemoSeeder.Personas.GrantedChild, DisplayName = sofia.DisplayName, Roles = Roles.Student,
            PersonaDescription = "Student (Rui's daughter) who decides what her parents may see",
        });
        var rui = await db.Constituents.Where(c => c.Email == DemoSeeder.Personas.Parent).Select(c => c.Id).SingleAsync(ct);
        db.FamilyRequests.Add(FamilyRequest.Send(sofia.Id, rui, FamilyRequestKind.Certificate, "Enrolment certificate for the tax office",
            "Could you send me a certificate that Sofia is enrolled this year? The tax office asks for it.", now.AddDays(-2)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The request for information that led to an application, linked to it as the pipeline links them.</summary>
    private static async Task InquiredBeforeAsync(CormDbContext db, AdmissionApplication application, int programmeId, int daysBefore, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var request = InformationRequest.Receive(application.ApplicantId, programmeId, application.TermId, application.Source, null, application.StartedAt.AddDays(-daysBefore));
        request.ApplicationId = application.Id;
        db.InformationRequests.Add(request);
    }

    private static Constituent NewPerson(Faker f, DateOnly today, DateTime now, int age)
    {
        var first = f.Name.FirstName();
        var last = f.Name.LastName();
        var person = Constituent.Person(first, last, now.AddDays(-f.Random.Int(1, 200)),
            $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{f.Random.Int(1, 9999)}@example.com".Replace("'", "", StringComparison.Ordinal),
            today.AddYears(-age).AddDays(-f.Random.Int(1, 360)));
        person.Region = f.PickRandom(DemoSeeder.Regions);
        return person;
    }

    /// <summary>Takes an application through the real rules up to a stage, with believable dates.</summary>
    private static AdmissionApplication Walk(Faker f, int applicantId, int programmeId, int termId, AdmissionSource source, DateTime started, int[] readers, AdmissionStage target)
    {
        var a = AdmissionApplication.Start(applicantId, programmeId, termId, source, applicantId, null, started);
        if (target == AdmissionStage.Started || (target == AdmissionStage.Withdrawn && f.Random.Bool(0.5f)))
        {
            a.RecordDocuments(true, f.Random.Bool(0.5f), false);
            if (target == AdmissionStage.Withdrawn) a.Withdraw(started.AddDays(f.Random.Int(5, 30)));
            return a;
        }
        a.RecordDocuments(true, true, true);
        a.Submit(started.AddDays(f.Random.Int(3, 12)));
        if (target == AdmissionStage.Submitted) return a;
        if (target == AdmissionStage.Withdrawn)
        {
            a.Withdraw(a.SubmittedAt!.Value.AddDays(4));
            return a;
        }
        var strength = target is AdmissionStage.Denied ? 2 : target is AdmissionStage.Waitlisted ? 3 : 4;
        var readings = target == AdmissionStage.InReview ? f.Random.Int(1, 2) : 2;
        var firstReader = f.Random.Int(0, 1);
        for (var r = 0; r < readings; r++)
        {
            var scores = AdmissionsRubric.Weights.Keys.ToDictionary(c => c, _ => Math.Clamp(strength + f.Random.Int(-1, 1), 1, 5));
            var recommendation = strength >= 4 ? AdmissionDecision.Admit : strength == 3 ? AdmissionDecision.Waitlist : AdmissionDecision.Deny;
            a.Review(readers[(firstReader + r) % 2], scores, recommendation, null, a.SubmittedAt!.Value.AddDays(2 + r * 3));
        }
        if (target == AdmissionStage.InReview) return a;
        var decision = target switch { AdmissionStage.Denied => AdmissionDecision.Deny, AdmissionStage.Waitlisted => AdmissionDecision.Waitlist, _ => AdmissionDecision.Admit };
        a.Decide(decision, readers[0], a.SubmittedAt!.Value.AddDays(10));
        if (target is AdmissionStage.Admitted or AdmissionStage.Denied or AdmissionStage.Waitlisted) return a;
        a.DepositAmount = 250m;
        a.DepositDueOn = DateOnly.FromDateTime(a.DecidedAt!.Value).AddDays(14);
        a.DepositPaid(a.DecidedAt!.Value.AddDays(f.Random.Int(2, 12)));
        if (target == AdmissionStage.Enrolled) a.Enrol(a.DepositPaidAt!.Value.AddDays(20));
        return a;
    }
}
