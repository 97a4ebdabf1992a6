using CoRM.Domain.Access;
using CoRM.Domain.Cases;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Domain.Identity;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Seeding;

/// <summary>
/// Case work for the demo: four case types with plans and outcomes, a case supervisor and a second case worker, Grace's
/// caseload (one client is Helena's advisee and carries a self-harm flag only the case team sees), a case Grace is not on
/// (for break-glass), and a year of opened and closed cases for the outcome measures. Draws no random numbers.
/// </summary>
public static class DemoCasesSeeder
{
    /// <summary>The mobile number of the demo's flagged client, for the caller-lookup journey.</summary>
    public const string FlaggedClientPhone = "+351 913 555 017";

    public const string OtherCaseWorker = "jonas.weber@" + DemoSeeder.InstitutionDomain;

    internal static async Task SeedAsync(CormDbContext db, DateOnly today, DateTime now, CancellationToken ct)
    {
        var types = Types();
        db.CaseTypes.AddRange(types);
        var amara = await WorkerAsync(db, "Amara", "Osei", DemoSeeder.Personas.CaseSupervisor, Roles.CaseSupervisor, "Case supervisor: every caseload, handovers", today, now);
        var jonas = await WorkerAsync(db, "Jonas", "Weber", OtherCaseWorker, Roles.CaseWorker, null, today, now);
        await db.SaveChangesAsync(ct);

        var grace = await db.PortalUsers.Where(u => u.Email == DemoSeeder.Personas.CaseWorker).Select(u => u.ConstituentId).SingleAsync(ct);
        var helena = await db.PortalUsers.Where(u => u.Email == DemoSeeder.Personas.Faculty).Select(u => u.ConstituentId).SingleAsync(ct);
        var (youth, wellbeing, hardship, accommodation) = (types[0], types[1], types[2], types[3]);

        // Grace's caseload: the students she already owes "housing support" reviews to, and one of Helena's advisees.
        var owed = await db.FollowUps.Where(f => f.OwnerId == grace && f.Topic == Topic.Case).OrderBy(f => f.Id).ToListAsync(ct);
        var advisee = await db.Relationships.Where(r => r.RelatedId == helena && r.Kind == RelationshipKind.Advisor).OrderBy(r => r.Id)
            .Select(r => r.SubjectId).Skip(4).FirstAsync(ct);
        var flagged = Case.Open(wellbeing, "Low mood and missed classes since October", "Self-referral after a talk with her advisor", [advisee], grace, today.AddDays(-40), now.AddDays(-40), grace);
        flagged.Accept();
        flagged.Team.Add(new CaseTeamMember { MemberId = amara, Role = CaseRole.Supervisor, AddedAt = now.AddDays(-40) });
        db.Cases.Add(flagged);
        var mobile = await db.ContactPoints.Where(p => p.ConstituentId == advisee && p.Kind == ContactPointKind.Mobile).FirstOrDefaultAsync(ct);
        if (mobile is null) db.ContactPoints.Add(new ContactPoint { ConstituentId = advisee, Kind = ContactPointKind.Mobile, Value = FlaggedClientPhone, Label = "Mobile" });
        else mobile.Value = FlaggedClientPhone;
        db.ConstituentFlags.AddRange(
            ConstituentFlag.Raise(advisee, "History of self-harm", "Disclosed at intake; see the safety plan on the case.", FlagVisibility.CaseTeam, grace, now.AddDays(-40)),
            ConstituentFlag.Raise(advisee, "Prefers e-mail to phone calls", null, FlagVisibility.AllStaff, grace, now.AddDays(-39)));

        var cases = new List<Case> { flagged };
        foreach (var (followUp, i) in owed.Select((f, i) => (f, i)))
        {
            var housing = Case.Open(hardship, "Rent arrears and risk of losing student housing", i % 2 == 0 ? "Accommodation office" : "Self-referral",
                [followUp.ConstituentId], grace, today.AddDays(-20 - 7 * i), now.AddDays(-20 - 7 * i), grace);
            if (i != 0) housing.Accept();
            db.Cases.Add(housing);
            cases.Add(housing);
        }
        await db.SaveChangesAsync(ct);
        foreach (var (followUp, i) in owed.Select((f, i) => (f, i))) followUp.CaseId = cases[i + 1].Id;

        // A young person's case Grace is not on: the on-call journey breaks the glass on it.
        var youngPerson = Constituent.Person("Leo", "Marchetti", now.AddDays(-60), null, today.AddYears(-16));
        youngPerson.Region = "Lisbon";
        youngPerson.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Mobile, Value = "+351 926 400 118", Label = "Mobile" });
        db.Constituents.Add(youngPerson);
        await db.SaveChangesAsync(ct);
        var leo = Case.Open(youth, "Left home after a family dispute; staying with friends", "School safeguarding lead", [youngPerson.Id], jonas, today.AddDays(-60), now.AddDays(-60), jonas);
        leo.Accept();
        leo.Team.Add(new CaseTeamMember { MemberId = amara, Role = CaseRole.Supervisor, AddedAt = now.AddDays(-60) });
        db.Cases.Add(leo);
        db.ConstituentFlags.Add(ConstituentFlag.Raise(youngPerson.Id, "Safeguarding concern", "Do not share whereabouts with the father.", FlagVisibility.CaseWorkers, jonas, now.AddDays(-60)));
        await db.SaveChangesAsync(ct);

        Note(db, flagged, advisee, NoteSensitivity.Standard, Channel.InPerson, "Intake conversation", "Agreed weekly check-ins and a study plan with her advisor.", grace, now.AddDays(-40));
        Note(db, flagged, advisee, NoteSensitivity.CaseTeam, Channel.InPerson, "Safety plan agreed", "Crisis line numbers shared; trusted friend named as first contact.", grace, now.AddDays(-39));
        Note(db, flagged, advisee, NoteSensitivity.LeadAndSupervisors, Channel.Phone, "Disclosure of past self-harm", "Discussed with supervisor; no current plan or intent.", grace, now.AddDays(-38));
        Note(db, leo, youngPerson.Id, NoteSensitivity.CaseTeam, Channel.Phone, "Call from the school", "Staying with a friend's family this week.", jonas, now.AddDays(-5));
        foreach (var c in new[] { flagged, leo })
            foreach (var item in c.Type!.DefaultPlan)
            {
                var task = FollowUp.Create(c.Clients[0].ConstituentId, c.LeadId!.Value, Topic.Case, item.Title, c.Reference, today, today, c.LeadId, now);
                task.DueOn = c.OpenedOn.AddDays(item.DueAfterDays);
                task.CaseId = c.Id;
                db.FollowUps.Add(task);
            }
        flagged.AddGoal("Attend at least four in five classes", today.AddDays(30), today);
        flagged.AddGoal("Register with the university counselling service", today.AddDays(7), today);

        // A year of case work behind the outcome measures: students and alumni helped over the last eleven months.
        var people = await db.Constituents.Where(c => c.Kind == ConstituentKind.Person && c.Region != null)
            .Where(c => db.Hats.Any(h => h.ConstituentId == c.Id && h.Kind == HatKind.Student)).OrderBy(c => c.Id).Skip(120).Take(36).Select(c => c.Id).ToListAsync(ct);
        for (var i = 0; i < people.Count; i++)
        {
            var type = types[i % types.Length];
            var opened = today.AddDays(-330 + i * 8);
            var past = Case.Open(type, $"{type.Name} referral", i % 3 == 0 ? "Faculty referral" : "Self-referral", [people[i]], i % 2 == 0 ? grace : jonas,
                opened, opened.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), grace);
            past.Accept();
            if (i % 5 != 4)
            {
                var outcome = type.Outcomes[i % 3 == 2 ? type.Outcomes.Count - 1 : 0];
                var closed = opened.AddDays(10 + i % 7 * 9);
                if (closed < today) past.Close(outcome, outcome.Resolves ? "Goals met; the client agreed to close." : "The client moved on.", closed, grace);
            }
            db.Cases.Add(past);
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Note(CormDbContext db, Case c, int about, NoteSensitivity sensitivity, Channel channel, string subject, string text, int by, DateTime at) =>
        db.Interactions.Add(Interaction.CaseNote(about, c.Id, sensitivity, channel, subject, text, at, by, at));

    private static async Task<int> WorkerAsync(CormDbContext db, string first, string last, string email, string role, string? persona, DateOnly today, DateTime now)
    {
        var person = Constituent.Person(first, last, now, email, new DateOnly(1984, 9, 14));
        person.Region = "Lisbon";
        person.Hats.Add(Hat.Wear(HatKind.Staff, today.AddYears(-4)));
        db.Constituents.Add(person);
        await db.SaveChangesAsync();
        db.PortalUsers.Add(new PortalUser { ConstituentId = person.Id, Email = email, DisplayName = person.DisplayName, Roles = role, PersonaDescription = persona });
        return person.Id;
    }

    private static CaseType[] Types()
    {
        var youth = CaseType.Define("Youth support", "Young people at risk: housing, family breakdown, safeguarding.", 14);
        youth.AddOutcome("Safe and stable", true);
        youth.AddOutcome("Goals met", true);
        youth.AddOutcome("Referred to another service", false);
        youth.AddOutcome("Disengaged", false);
        youth.AddPlanItem("Initial assessment", 0);
        youth.AddPlanItem("Safety plan", 2);
        youth.AddPlanItem("Agree goals with the young person", 7);
        var wellbeing = CaseType.Define("Wellbeing", "Students' mental health and wellbeing.", 28);
        wellbeing.AddOutcome("Improved", true);
        wellbeing.AddOutcome("Stable with ongoing support", true);
        wellbeing.AddOutcome("Referred to NHS or external service", false);
        wellbeing.AddOutcome("Withdrew", false);
        wellbeing.AddPlanItem("Wellbeing check-in", 0);
        wellbeing.AddPlanItem("Decide on counselling referral", 5);
        var hardship = CaseType.Define("Financial hardship", "Hardship fund applications and payment plans.", 30);
        hardship.AddOutcome("Grant awarded", true);
        hardship.AddOutcome("Payment plan agreed", true);
        hardship.AddOutcome("Not eligible", false);
        hardship.AddOutcome("Withdrew", false);
        hardship.AddPlanItem("Collect income evidence", 3);
        hardship.AddPlanItem("Hardship fund decision", 14);
        var accommodation = CaseType.Define("Accommodation", "Disability and study accommodations.", 60);
        accommodation.AddOutcome("Adjustments in place", true);
        accommodation.AddOutcome("Not needed", false);
        accommodation.AddPlanItem("Needs assessment", 7);
        accommodation.AddPlanItem("Adjustments letter to lecturers", 14);
        return [youth, wellbeing, hardship, accommodation];
    }
}
