using Bogus;
using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Domain.Identity;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Seeding;

/// <summary>
/// Builds a small, believable institution: students with parents and advisors, alumni who give and
/// volunteer, organisations with contacts, interactions on several channels and open follow-ups, plus
/// one demo persona per role. Deterministic for a given day (fixed random seed; dates relative to today).
/// </summary>
public sealed class DemoSeeder(IDbContextFactory<CormDbContext> dbFactory, TimeProvider time)
{
    public const string InstitutionDomain = "northfield.example.edu";
    public static readonly string[] Regions = ["North", "Centre", "Lisbon", "Alentejo", "Algarve", "Azores", "Madeira"];

    /// <summary>Persona e-mails, used by tests and the README.</summary>
    public static class Personas
    {
        public const string Admin = "morgan.reyes@" + InstitutionDomain;
        public const string Faculty = "helena.marques@" + InstitutionDomain;
        public const string OtherFaculty = "samuel.costa@" + InstitutionDomain;
        public const string Parent = "rui.almeida@example.org";
        public const string VolunteerCoordinator = "ines.duarte@" + InstitutionDomain;
        public const string StudentSuccess = "daniel.okafor@" + InstitutionDomain;
        public const string Admissions = "priya.nair@" + InstitutionDomain;
        public const string Advancement = "tomas.ferreira@" + InstitutionDomain;
        public const string CaseWorker = "grace.lin@" + InstitutionDomain;
        public const string Volunteer = "beatriz.santos@example.net";
        public const string DataSteward = "lena.fischer@" + InstitutionDomain;
        public const string CaseSupervisor = "amara.osei@" + InstitutionDomain;
        public const string DataProtection = "sara.lindqvist@" + InstitutionDomain;

        /// <summary>The student persona (Sofia signs in to manage her family's access).</summary>
        public const string Student = GrantedChild;

        /// <summary>The parent persona's child who granted access, and the one who did not.</summary>
        public const string GrantedChild = "sofia.almeida@students." + InstitutionDomain;
        public const string UngrantedChild = "tiago.almeida@students." + InstitutionDomain;
    }

    public sealed record Summary(int Constituents, int Relationships, int Interactions, int FollowUps, int PortalUsers)
    {
        public override string ToString() =>
            $"{Constituents} constituents, {Relationships} relationships, {Interactions} interactions, {FollowUps} follow-ups, {PortalUsers} portal users";
    }

    public async Task<Summary> SeedAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow();
        var today = time.Today();
        var faker = new Faker("en") { Random = new Randomizer(20261122) };
        var built = new Builder(faker, now, today);

        built.Build();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Constituents.AddRange(built.Constituents);
        db.Relationships.AddRange(built.Relationships);
        await db.SaveChangesAsync(ct);

        // Interactions, follow-ups and users refer to ids the database has just given.
        foreach (var (constituent, make) in built.PendingInteractions) db.Interactions.Add(make(constituent.Id));
        foreach (var make in built.PendingFollowUps) db.FollowUps.Add(make());
        foreach (var (constituent, user) in built.Users)
        {
            user.ConstituentId = constituent.Id;
            db.PortalUsers.Add(user);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await DemoAcademicsSeeder.SeedAsync(db, today, ct);
        await DemoVolunteeringSeeder.SeedAsync(db, today, now, ct);
        await DemoAdmissionsSeeder.SeedAsync(db, today, now, ct);
        await DemoAdvancementSeeder.SeedAsync(db, today, now, ct);
        await DemoIdentitySeeder.SeedAsync(db, today, now, ct);
        await DemoCasesSeeder.SeedAsync(db, today, now, ct);
        await DemoPrivacySeeder.SeedAsync(db, today, now, ct);

        return new Summary(built.Constituents.Count, built.Relationships.Count, built.PendingInteractions.Count, built.PendingFollowUps.Count, built.Users.Count);
    }

    /// <summary>Builds the object graph in memory; ids are filled in by the database.</summary>
    private sealed class Builder(Faker f, DateTime now, DateOnly today)
    {
        public List<Constituent> Constituents { get; } = [];
        public List<Relationship> Relationships { get; } = [];
        public List<(Constituent Constituent, Func<int, Interaction> Make)> PendingInteractions { get; } = [];
        public List<Func<FollowUp>> PendingFollowUps { get; } = [];
        public List<(Constituent Constituent, PortalUser User)> Users { get; } = [];

        private readonly List<Constituent> staff = [];
        private readonly List<Constituent> faculty = [];

        public void Build()
        {
            var admin = Staff("Morgan", "Reyes", Personas.Admin, [Roles.Admin], "Administrator: every area, background jobs, audit log");
            var helena = Staff("Helena", "Marques", Personas.Faculty, [Roles.Faculty], "Faculty advisor with about 25 advisees", HatKind.Faculty);
            var samuel = Staff("Samuel", "Costa", Personas.OtherFaculty, [Roles.Faculty], "Another faculty advisor (different advisees)", HatKind.Faculty);
            var ines = Staff("Inês", "Duarte", Personas.VolunteerCoordinator, [Roles.VolunteerCoordinator], "Volunteer coordinator");
            var daniel = Staff("Daniel", "Okafor", Personas.StudentSuccess, [Roles.StudentSuccess], "Student-success analyst");
            var priya = Staff("Priya", "Nair", Personas.Admissions, [Roles.Admissions], "Admissions officer");
            var tomas = Staff("Tomás", "Ferreira", Personas.Advancement, [Roles.Advancement], "Gift officer (advancement)");
            var grace = Staff("Grace", "Lin", Personas.CaseWorker, [Roles.CaseWorker], "Case worker");
            for (var i = 0; i < 8; i++) Staff(f.Name.FirstName(), f.Name.LastName(), null, [Roles.Faculty], null, HatKind.Faculty);

            var institution = Constituent.Organisation("Northfield University", now, "info@" + InstitutionDomain);
            Constituents.Add(institution);
            var organisations = new[] { "Atlantic Engineering", "Tagus Health Trust", "Harbour Books", "Meridian Bank", "Green Valley Foundation" }
                .Select(n => Organisation(n)).ToList();

            // The parent persona and two adult children: Sofia granted access, Tiago did not.
            var rui = Person("Rui", "Almeida", Personas.Parent, f.Date.BetweenDateOnly(today.AddYears(-58), today.AddYears(-45)), "Lisbon");
            rui.Hats.Add(Hat.Wear(HatKind.Parent, today.AddYears(-3)));
            Users.Add((rui, new PortalUser { Email = Personas.Parent, DisplayName = rui.DisplayName, Roles = Roles.Parent, PersonaDescription = "Parent of Sofia (granted access) and Tiago (no consent)" }));
            var sofia = Student("Sofia", "Almeida", Personas.GrantedChild, age: 20, helena, "Lisbon");
            var tiago = Student("Tiago", "Almeida", Personas.UngrantedChild, age: 19, helena, "Lisbon");
            var sofiaLink = Relate(sofia, rui, RelationshipKind.Parent, sofia.BirthDate!.Value);
            sofiaLink.GrantAccess(AccessGrant.EnrolmentStatus | AccessGrant.Balance, ConsentBasis.WrittenConsent, null, now.AddDays(-40));
            Relate(tiago, rui, RelationshipKind.Parent, tiago.BirthDate!.Value);
            Relate(tiago, sofia, RelationshipKind.Sibling, tiago.BirthDate!.Value);

            // Students, each with parents and an advisor; the first dozen or so advised by Helena.
            for (var i = 0; i < 240; i++)
            {
                var advisor = i < 12 ? helena : i < 24 ? samuel : f.PickRandom(faculty);
                var region = f.PickRandom(Regions);
                var age = f.Random.WeightedRandom([17, 18, 19, 20, 21, 22, 24, 27], [0.08f, 0.2f, 0.2f, 0.18f, 0.14f, 0.1f, 0.06f, 0.04f]);
                var student = Student(f.Name.FirstName(), f.Name.LastName(), null, age, advisor, region);
                var parents = f.Random.Int(1, 2);
                for (var p = 0; p < parents; p++)
                {
                    var parent = Person(f.Name.FirstName(p == 0 ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male), student.LastName, null,
                        student.BirthDate!.Value.AddYears(-f.Random.Int(24, 40)), region);
                    parent.Hats.Add(Hat.Wear(HatKind.Parent, student.Hats[0].StartDate));
                    var link = Relate(student, parent, f.Random.Bool(0.9f) ? RelationshipKind.Parent : RelationshipKind.Guardian, student.BirthDate!.Value);
                    if (!student.IsMinorOn(today) && f.Random.Bool(0.5f))
                        link.GrantAccess(f.Random.Bool(0.3f) ? AccessGrant.All : AccessGrant.EnrolmentStatus | AccessGrant.Balance,
                            ConsentBasis.WrittenConsent, null, now.AddDays(-f.Random.Int(5, 300)));
                    if (f.Random.Bool(0.15f)) parent.Hats.Add(Hat.Wear(HatKind.Donor, today.AddYears(-f.Random.Int(0, 4))));
                }
                Interact(student, f.Random.Int(2, 9), [Topic.Advising, Topic.General, Topic.Admissions, Topic.Family], faculty.Append(priya).Append(daniel).ToList());
            }

            // Alumni who give and volunteer; some married to each other; some work for partner organisations.
            var alumni = new List<Constituent>();
            for (var i = 0; i < 150; i++)
            {
                var graduated = today.AddYears(-f.Random.Int(1, 30)).AddDays(-f.Random.Int(0, 60));
                var alumnus = Person(f.Name.FirstName(), f.Name.LastName(), null, graduated.AddYears(-f.Random.Int(21, 25)), f.PickRandom(Regions));
                alumnus.Hats.Add(Hat.Wear(HatKind.Student, graduated.AddYears(-3), graduated.AddDays(-1)));
                alumnus.Hats.Add(Hat.Wear(HatKind.Alumnus, graduated));
                if (f.Random.Bool(0.6f)) alumnus.Hats.Add(Hat.Wear(HatKind.Donor, graduated.AddYears(f.Random.Int(0, 3)) is var d && d <= today ? d : today));
                if (f.Random.Bool(0.3f)) alumnus.Hats.Add(Hat.Wear(HatKind.Volunteer, today.AddMonths(-f.Random.Int(1, 60))));
                if (f.Random.Bool(0.05f)) alumnus.Hats.Add(Hat.Wear(HatKind.BoardMember, today.AddYears(-f.Random.Int(0, 5))));
                if (f.Random.Bool(0.2f)) Relate(alumnus, f.PickRandom(organisations), RelationshipKind.Employer, today.AddYears(-f.Random.Int(0, 10)));
                alumni.Add(alumnus);
                Interact(alumnus, f.Random.Int(1, 6), [Topic.Giving, Topic.Volunteering, Topic.General], [tomas, ines, admin]);
            }
            for (var i = 0; i + 1 < 30; i += 2) Relate(alumni[i], alumni[i + 1], RelationshipKind.Spouse, today.AddYears(-f.Random.Int(1, 20)));

            // Each organisation has one or two contacts among the alumni.
            foreach (var organisation in organisations)
            {
                foreach (var contact in f.PickRandom(alumni, f.Random.Int(1, 2)))
                {
                    Relate(organisation, contact, RelationshipKind.Contact, today.AddYears(-f.Random.Int(0, 6)));
                    if (!contact.Hats.Any(h => h.Kind == HatKind.OrganisationContact)) contact.Hats.Add(Hat.Wear(HatKind.OrganisationContact, today.AddYears(-1)));
                }
                Interact(organisation, f.Random.Int(1, 4), [Topic.Giving, Topic.General], [tomas, admin]);
            }

            // Follow-ups: Helena's advisees (some overdue, one due today), the other staff's portfolios, some completed.
            var helenaAdvisees = Relationships.Where(r => r.Related == helena && r.Kind == RelationshipKind.Advisor).Select(r => r.Subject!).ToList();
            FollowUpFor(helenaAdvisees[0], helena, Topic.Advising, "Check in after missed classes", -6);
            FollowUpFor(helenaAdvisees[1], helena, Topic.Advising, "Review study plan for next term", 0);
            FollowUpFor(helenaAdvisees[2], helena, Topic.Advising, "Follow up on tuition payment plan", -2);
            FollowUpFor(sofia, helena, Topic.Advising, "Discuss internship options", 5);
            FollowUpFor(helenaAdvisees[3], helena, Topic.Advising, "Confirm course change was processed", -20, completed: true);
            foreach (var student in Relationships.Where(r => r.Related == samuel && r.Kind == RelationshipKind.Advisor).Take(3).Select(r => r.Subject!))
                FollowUpFor(student, samuel, Topic.Advising, "Mid-term check-in", f.Random.Int(-3, 7));
            foreach (var donor in alumni.Where(a => a.Hats.Any(h => h.Kind == HatKind.Donor)).Take(6))
                FollowUpFor(donor, tomas, Topic.Giving, "Thank-you call for recent gift", f.Random.Int(-2, 4));
            foreach (var volunteer in alumni.Where(a => a.Hats.Any(h => h.Kind == HatKind.Volunteer)).Take(4))
                FollowUpFor(volunteer, ines, Topic.Volunteering, "Confirm availability for spring fair", f.Random.Int(-1, 10));
            foreach (var student in Constituents.Where(c => c.Hats.Any(h => h.Kind == HatKind.Student && h.EndDate == null)).Skip(40).Take(4))
                FollowUpFor(student, grace, Topic.Case, "Case review: housing support", f.Random.Int(-1, 6));
            foreach (var student in Constituents.Where(c => c.Hats.Any(h => h.Kind == HatKind.Student && h.EndDate == null)).Skip(60).Take(3))
                FollowUpFor(student, daniel, Topic.Advising, "Review risk alert with advisor", f.Random.Int(0, 5));
            foreach (var student in Constituents.Where(c => c.Hats.Any(h => h.Kind == HatKind.Student && h.EndDate == null)).Skip(80).Take(3))
                FollowUpFor(student, priya, Topic.Admissions, "Missing transcript for file", f.Random.Int(-4, 3));

            // The persona family has a history to show (drawn last, so the rest of the data stays as it was).
            Interact(sofia, 6, [Topic.Advising, Topic.General, Topic.Admissions, Topic.Family], [helena, priya, daniel]);
            Interact(tiago, 4, [Topic.Advising, Topic.General, Topic.Family], [helena, priya]);
            Interact(rui, 2, [Topic.Family, Topic.General], [priya]);

            // The volunteer persona: an alumna who volunteers and signs in to pick her own shifts.
            var beatriz = Person("Beatriz", "Santos", Personas.Volunteer, today.AddYears(-34), "Lisbon");
            beatriz.Hats.Add(Hat.Wear(HatKind.Alumnus, today.AddYears(-11)));
            beatriz.Hats.Add(Hat.Wear(HatKind.Volunteer, today.AddYears(-3)));
            Users.Add((beatriz, new PortalUser { Email = Personas.Volunteer, DisplayName = beatriz.DisplayName, Roles = Roles.Volunteer, PersonaDescription = "Alumna who volunteers (signs up for her own shifts)" }));
        }

        private Constituent Person(string first, string last, string? email, DateOnly birth, string region)
        {
            email ??= $"{Slug(first)}.{Slug(last)}{f.Random.Int(1, 9999)}@{f.PickRandom("example.org", "example.net", "example.com")}";
            var person = Constituent.Person(first, last, now.AddDays(-f.Random.Int(1, 900)), email, birth);
            person.Region = region;
            person.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Email, Value = person.Email!, IsPrimary = true, Label = "Personal" });
            person.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Mobile, Value = f.Phone.PhoneNumber("+351 9## ### ###"), Label = "Mobile" });
            person.Addresses.Add(new Address
            {
                Street = f.Address.StreetAddress(), City = f.Address.City(), PostalCode = f.Random.Replace("####-###"),
                Region = region, Country = region is "Azores" or "Madeira" ? "Portugal (autonomous region)" : "Portugal", IsPrimary = true,
            });
            person.EmailOptOut = f.Random.Bool(0.05f);
            Constituents.Add(person);
            return person;
        }

        private Constituent Staff(string first, string last, string? personaEmail, string[] roles, string? description, HatKind hat = HatKind.Staff)
        {
            var email = personaEmail ?? $"{Slug(first)}.{Slug(last)}@{InstitutionDomain}";
            var person = Person(first, last, email, f.Date.BetweenDateOnly(today.AddYears(-64), today.AddYears(-28)), f.PickRandom(Regions));
            person.Hats.Add(Hat.Wear(HatKind.Staff, today.AddYears(-f.Random.Int(1, 20))));
            if (hat == HatKind.Faculty)
            {
                person.Hats.Add(Hat.Wear(HatKind.Faculty, person.Hats[0].StartDate));
                faculty.Add(person);
            }
            staff.Add(person);
            Users.Add((person, new PortalUser { Email = email, DisplayName = person.DisplayName, Roles = string.Join(',', roles), PersonaDescription = description }));
            return person;
        }

        private Constituent Student(string first, string last, string? email, int age, Constituent advisor, string region)
        {
            email ??= $"{Slug(first)}.{Slug(last)}{f.Random.Int(1, 9999)}@students.{InstitutionDomain}";
            var student = Person(first, last, email, today.AddYears(-age).AddDays(-f.Random.Int(1, 360)), region);
            var start = new DateOnly(today.Year - f.Random.Int(0, Math.Clamp(age - 17, 0, 3)), 9, 1);
            if (start > today) start = start.AddYears(-1);
            student.Hats.Add(Hat.Wear(HatKind.Prospect, start.AddMonths(-10), start.AddMonths(-6)));
            student.Hats.Add(Hat.Wear(HatKind.Applicant, start.AddMonths(-6).AddDays(1), start.AddDays(-1)));
            student.Hats.Insert(0, Hat.Wear(HatKind.Student, start));
            if (f.Random.Bool(0.1f)) student.Hats.Add(Hat.Wear(HatKind.Volunteer, start.AddMonths(2)));
            Relate(student, advisor, RelationshipKind.Advisor, start);
            return student;
        }

        private Constituent Organisation(string name)
        {
            var organisation = Constituent.Organisation(name, now.AddDays(-f.Random.Int(100, 2000)), $"contact@{Slug(name)}.example.com");
            organisation.Region = f.PickRandom(Regions);
            organisation.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Website, Value = $"https://{Slug(name)}.example.com", IsPrimary = true });
            Constituents.Add(organisation);
            return organisation;
        }

        private Relationship Relate(Constituent subject, Constituent related, RelationshipKind kind, DateOnly from)
        {
            var relationship = Relationship.Between(subject, related, kind, from);
            Relationships.Add(relationship);
            return relationship;
        }

        private static readonly Dictionary<Topic, string[]> Subjects = new()
        {
            [Topic.Advising] = ["Term planning meeting", "Discussed course load", "Check-in after mid-terms", "Career and internship advice", "Study skills referral"],
            [Topic.General] = ["Updated contact details", "Question about campus services", "Newsletter reply", "Event invitation"],
            [Topic.Admissions] = ["Application document received", "Interview scheduled", "Offer letter sent"],
            [Topic.Family] = ["Parent asked about enrolment status", "Parent question on fees"],
            [Topic.Giving] = ["Thank-you call", "Annual fund ask", "Pledge reminder", "Matching gift form received"],
            [Topic.Volunteering] = ["Volunteer shift confirmed", "Mentoring programme sign-up", "Thanked for open day help"],
            [Topic.Case] = ["Case note: housing"],
        };

        /// <summary>Channels staff log interactions on (imports write their own).</summary>
        private static readonly Channel[] LoggedChannels = Enum.GetValues<Channel>().Where(c => c != Channel.Import).ToArray();

        private void Interact(Constituent who, int count, Topic[] topics, IReadOnlyList<Constituent> recorders)
        {
            for (var i = 0; i < count; i++)
            {
                var topic = f.PickRandom(topics);
                var channel = f.PickRandom(LoggedChannels);
                var subject = f.PickRandom(Subjects[topic]);
                var occurred = now.AddDays(-f.Random.Double(0, 400)).AddSeconds(-i);
                var recorder = recorders[f.Random.Int(0, recorders.Count - 1)];
                var inbound = f.Random.Bool(0.3f);
                var notes = f.Random.Bool(0.6f) ? f.Lorem.Sentence(f.Random.Int(6, 16)) : null;
                Func<int, Interaction> make = id => new Interaction
                {
                    ConstituentId = id, Channel = channel, Topic = topic, Subject = subject, Notes = notes, Inbound = inbound,
                    OccurredAt = occurred, RecordedAt = occurred, RecordedById = recorder.Id,
                };
                PendingInteractions.Add((who, make));
            }
        }

        private void FollowUpFor(Constituent who, Constituent owner, Topic topic, string title, int dueInDays, bool completed = false)
        {
            PendingFollowUps.Add(() =>
            {
                var followUp = new FollowUp
                {
                    ConstituentId = who.Id, OwnerId = owner.Id, Topic = topic, Title = title, DueOn = today.AddDays(dueInDays),
                    CreatedAt = now.AddDays(Math.Min(dueInDays, 0) - 7), CreatedById = owner.Id,
                };
                if (completed) followUp.Complete("Done: confirmed with the registry", now.AddDays(dueInDays + 1));
                return followUp;
            });
        }

        private static string Slug(string text) =>
            new(SearchText.Fold(text).ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
    }
}
