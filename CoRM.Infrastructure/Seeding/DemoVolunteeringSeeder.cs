using Bogus;
using CoRM.Domain.Constituents;
using CoRM.Domain.Volunteering;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Seeding;

/// <summary>
/// Volunteering for the demo: four opportunities run by the coordinator persona, weekly shifts from a month ago to a
/// month ahead, volunteers with skills, past shifts with attendance and hours, and upcoming ones in every fill state.
/// </summary>
internal static class DemoVolunteeringSeeder
{
    private static readonly (string Title, string Location, string Skills, DayOfWeek Day, int Hour, int Hours, int Capacity, int Minimum)[] Opportunities =
    [
        ("Community food bank", "Campus pantry, Building C", "food handling, driving", DayOfWeek.Saturday, 9, 3, 6, 3),
        ("Campus tours for applicants", "Main entrance", "public speaking, languages", DayOfWeek.Wednesday, 14, 2, 4, 2),
        ("Alumni phonathon", "Call centre, Library 2nd floor", "phone, fundraising", DayOfWeek.Tuesday, 18, 3, 8, 4),
        ("Reading mentors", "Northfield Primary School", "tutoring, teaching", DayOfWeek.Thursday, 16, 2, 3, 1),
    ];

    private static readonly string[] Skills = ["food handling", "driving", "public speaking", "languages", "phone", "fundraising", "tutoring", "teaching", "first aid", "photography"];

    public static async Task SeedAsync(CormDbContext db, DateOnly today, DateTime now, CancellationToken ct)
    {
        var f = new Faker("en") { Random = new Randomizer(20261124) };
        var coordinator = await db.PortalUsers.Where(u => u.Email == DemoSeeder.Personas.VolunteerCoordinator).Select(u => u.ConstituentId).SingleAsync(ct);
        var volunteers = await db.Hats.Where(h => h.Kind == HatKind.Volunteer && h.EndDate == null).Select(h => h.ConstituentId).Distinct().OrderBy(id => id).ToListAsync(ct);
        foreach (var volunteer in volunteers)
            db.VolunteerProfiles.Add(new VolunteerProfile
            {
                ConstituentId = volunteer,
                Skills = string.Join(", ", f.PickRandom(Skills, f.Random.Int(1, 3))),
                Availability = f.PickRandom("weekday evenings", "weekends", "Saturday mornings", "flexible", null),
            });

        var shifts = new List<Shift>();
        foreach (var o in Opportunities)
        {
            var opportunity = db.Opportunities.Add(new Opportunity { Title = o.Title, Location = o.Location, Skills = o.Skills, CoordinatorId = coordinator }).Entity;
            await db.SaveChangesAsync(ct);
            var first = today.AddDays(-28);
            while (first.DayOfWeek != o.Day) first = first.AddDays(1);
            var series = new WeeklyRecurrence(first, today.AddDays(35), new TimeOnly(o.Hour, 0), new TimeOnly(o.Hour + o.Hours, 0), new HashSet<DayOfWeek> { o.Day }, new HashSet<DateOnly>());
            foreach (var (start, end) in series.Occurrences())
                shifts.Add(db.Shifts.Add(Shift.Create(opportunity.Id, start, end, o.Capacity, o.Minimum, o.Location, o.Skills)).Entity);
        }
        await db.SaveChangesAsync(ct);

        foreach (var shift in shifts)
        {
            // Past shifts are mostly full and attended; upcoming ones run from understaffed to waitlisted.
            var past = shift.StartsAt < now;
            var wanted = past ? f.Random.Int(shift.MinimumStaffing, shift.Capacity) : f.Random.WeightedRandom([0, 1, shift.MinimumStaffing, shift.Capacity, shift.Capacity + 2], [0.1f, 0.2f, 0.3f, 0.25f, 0.15f]);
            var chosen = f.PickRandom(volunteers, Math.Min(wanted, volunteers.Count)).ToList();
            var signedUp = now.AddDays(-f.Random.Int(10, 40));
            for (var i = 0; i < chosen.Count; i++)
            {
                var signUp = SignUp.Book(shift.Id, chosen[i], waitlisted: i >= shift.Capacity, signedUp.AddMinutes(i * 37));
                if (past && signUp.Status == SignUpStatus.Confirmed)
                {
                    if (f.Random.Bool(0.9f)) signUp.MarkAttended(shift, f.Random.Bool(0.8f) ? null : (decimal)shift.Duration.TotalHours - 0.5m);
                    else signUp.MarkNoShow();
                }
                db.SignUps.Add(signUp);
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
