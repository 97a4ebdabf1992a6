using CoRM.Domain.Volunteering;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Tests.Support;
using CoRM.Infrastructure.Volunteering;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class VolunteerSchedulingTests : InstitutionTest
{
    private DateTime Now => Institution.Time.GetUtcNow().UtcDateTime;

    private async Task<(int Shift, List<int> Volunteers)> NewShiftAsync(int capacity)
    {
        var ines = await Institution.PersonaAsync(Personas.VolunteerCoordinator);
        var scheduling = Institution.Get<VolunteerScheduling>();
        var opportunity = (await scheduling.CreateOpportunityAsync(ines, "Open day stewards", null, "Main hall", "public speaking")).Id!.Value;
        var date = DateOnly.FromDateTime(Now).AddDays(10);
        var created = await scheduling.CreateShiftsAsync(ines, new CreateShiftsRequest((int)opportunity, date, new TimeOnly(9, 0), new TimeOnly(13, 0), capacity, 1, null, "public speaking"));
        Assert.True(created.Succeeded, created.Message);
        await using var db = await Institution.OpenAsync();
        // Volunteers with nothing booked that day, so only this test's bookings can clash.
        var volunteers = await db.Constituents.Where(c => c.Hats.Any(h => h.Kind == Domain.Constituents.HatKind.Volunteer && h.EndDate == null))
            .Where(c => !db.SignUps.Any(u => u.VolunteerId == c.Id && db.Shifts.Any(s => s.Id == u.ShiftId && s.StartsAt.Date == date.ToDateTime(TimeOnly.MinValue))))
            .Select(c => c.Id).Take(4).ToListAsync();
        return ((int)created.Id!.Value, volunteers);
    }

    [Fact]
    public async Task Capacity_waitlist_and_a_cancellation_that_promotes_and_tells_the_next_volunteer()
    {
        var ines = await Institution.PersonaAsync(Personas.VolunteerCoordinator);
        var scheduling = Institution.Get<VolunteerScheduling>();
        var (shift, v) = await NewShiftAsync(capacity: 2);

        var first = await scheduling.AssignAsync(ines, shift, v[0], waitlistIfFull: false);
        Assert.True((await scheduling.AssignAsync(ines, shift, v[1], waitlistIfFull: false)).Succeeded);
        var full = await scheduling.AssignAsync(ines, shift, v[2], waitlistIfFull: false);
        Assert.Equal(CommandStatus.Invalid, full.Status);
        Assert.Equal("The shift is full (2 of 2). Add them to the waitlist instead.", full.Message);
        Assert.True((await scheduling.AssignAsync(ines, shift, v[2], waitlistIfFull: true)).Succeeded);
        Assert.Equal(CommandStatus.Invalid, (await scheduling.AssignAsync(ines, shift, v[2], waitlistIfFull: true)).Status); // already on it

        var details = await scheduling.ShiftAsync(ines, shift);
        Assert.Equal(FillStatus.Waitlisted, details!.Shift.Status);
        Assert.Equal(1, details.Roster.Single(r => r.VolunteerId == v[2]).WaitlistPosition);

        var cancelled = await scheduling.CancelSignUpAsync(ines, (int)first.Id!.Value);
        Assert.True(cancelled.Succeeded);
        details = await scheduling.ShiftAsync(ines, shift);
        Assert.Equal(SignUpStatus.Confirmed, details!.Roster.Single(r => r.VolunteerId == v[2]).Status);
        Assert.Equal(FillStatus.Full, details.Shift.Status);
        var promotedEmail = details.Roster.Single(r => r.VolunteerId == v[2]).Email;
        if (promotedEmail is not null)
            Assert.Contains(Directory.GetFiles(Institution.PickupDirectory, "*.eml").Select(File.ReadAllText), m => m.Contains("You're confirmed", StringComparison.Ordinal) && m.Contains(promotedEmail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Double_booking_is_refused_and_a_clashing_volunteer_shows_as_busy()
    {
        var ines = await Institution.PersonaAsync(Personas.VolunteerCoordinator);
        var scheduling = Institution.Get<VolunteerScheduling>();
        var (shiftA, v) = await NewShiftAsync(capacity: 3);
        var (shiftB, _) = await NewShiftAsync(capacity: 3); // same day and hours
        Assert.True((await scheduling.AssignAsync(ines, shiftA, v[0], false)).Succeeded);

        var clash = await scheduling.AssignAsync(ines, shiftB, v[0], false);
        Assert.Equal(CommandStatus.Invalid, clash.Status);
        Assert.Contains("already booked", clash.Message, StringComparison.Ordinal);
        await using var db = await Institution.OpenAsync();
        var name = await db.Constituents.Where(c => c.Id == v[0]).Select(c => c.LastName).SingleAsync();
        Assert.False((await scheduling.CandidatesAsync(ines, shiftB, null, name)).Single(c => c.Id == v[0]).Free);
        Assert.True((await scheduling.CandidatesAsync(ines, shiftB, null, null))[0].Free);
    }

    [Fact]
    public async Task The_calendar_shows_fill_status_and_a_weekly_series_skips_its_exceptions()
    {
        var ines = await Institution.PersonaAsync(Personas.VolunteerCoordinator);
        var scheduling = Institution.Get<VolunteerScheduling>();
        var week = await scheduling.CalendarAsync(ines, Now, Now.AddDays(7));
        Assert.NotEmpty(week);
        Assert.Contains(week, s => s.Status == FillStatus.Understaffed || s.Status == FillStatus.Open);

        var opportunity = (await scheduling.OpportunitiesAsync(ines))[0];
        var from = DateOnly.FromDateTime(Now).AddDays(60);
        var series = await scheduling.CreateShiftsAsync(ines, new CreateShiftsRequest(opportunity.Id, from, new TimeOnly(10, 0), new TimeOnly(12, 0), 3, 1, null, null,
            new HashSet<DayOfWeek> { from.DayOfWeek }, from.AddDays(27), new HashSet<DateOnly> { from.AddDays(14) }));
        Assert.True(series.Succeeded, series.Message);
        var created = await scheduling.CalendarAsync(ines, from.ToDateTime(TimeOnly.MinValue), from.AddDays(28).ToDateTime(TimeOnly.MinValue));
        Assert.Equal(3, created.Count(s => s.OpportunityId == opportunity.Id && s.StartsAt.Hour == 10));

        var past = await scheduling.CreateShiftsAsync(ines, new CreateShiftsRequest(opportunity.Id, DateOnly.FromDateTime(Now).AddDays(-1), new TimeOnly(10, 0), new TimeOnly(12, 0), 3, 1, null, null));
        Assert.Equal(CommandStatus.Invalid, past.Status);
    }

    [Fact]
    public async Task Cancelling_a_shift_releases_everyone_tells_them_and_refuses_new_sign_ups()
    {
        var ines = await Institution.PersonaAsync(Personas.VolunteerCoordinator);
        var scheduling = Institution.Get<VolunteerScheduling>();
        var (shift, v) = await NewShiftAsync(capacity: 1);
        Assert.True((await scheduling.AssignAsync(ines, shift, v[0], false)).Succeeded);
        Assert.True((await scheduling.AssignAsync(ines, shift, v[1], true)).Succeeded);

        Assert.True((await scheduling.CancelShiftAsync(ines, shift)).Succeeded);
        var details = await scheduling.ShiftAsync(ines, shift);
        Assert.Equal(FillStatus.Cancelled, details!.Shift.Status);
        Assert.All(details.Roster, r => Assert.Equal(SignUpStatus.Cancelled, r.Status));
        Assert.Equal(CommandStatus.Invalid, (await scheduling.AssignAsync(ines, shift, v[2], true)).Status);
        Assert.Equal(CommandStatus.Invalid, (await scheduling.CancelShiftAsync(ines, shift)).Status);
        await using var db = await Institution.OpenAsync();
        Assert.Equal(details.Roster.Count(r => r.Email is not null), await db.OutboxMessages.CountAsync(m => m.DedupKey.StartsWith("shift-cancelled:")));
    }

    [Fact]
    public async Task Attendance_records_hours_once_the_shift_has_started_and_other_roles_get_nothing()
    {
        var ines = await Institution.PersonaAsync(Personas.VolunteerCoordinator);
        var scheduling = Institution.Get<VolunteerScheduling>();
        var (shift, v) = await NewShiftAsync(capacity: 2);
        var signUp = (int)(await scheduling.AssignAsync(ines, shift, v[0], false)).Id!.Value;
        Assert.Equal(CommandStatus.Invalid, (await scheduling.RecordAttendanceAsync(ines, signUp, true, null)).Status);

        Institution.Time.Advance(TimeSpan.FromDays(10.5));
        Assert.Equal(CommandStatus.Invalid, (await scheduling.RecordAttendanceAsync(ines, signUp, true, 40m)).Status);
        Assert.True((await scheduling.RecordAttendanceAsync(ines, signUp, true, 3.5m)).Succeeded);
        await using (var db = await Institution.OpenAsync())
            Assert.Equal(3.5m, await db.SignUps.Where(u => u.Id == signUp).Select(u => u.Hours).SingleAsync());

        foreach (var persona in new[] { Personas.Faculty, Personas.Advancement, Personas.Parent })
        {
            var other = await Institution.PersonaAsync(persona);
            Assert.Empty(await scheduling.CalendarAsync(other, Now.AddDays(-30), Now.AddDays(30)));
            Assert.Null(await scheduling.ShiftAsync(other, shift));
            Assert.Equal(CommandStatus.NotFound, (await scheduling.AssignAsync(other, shift, v[1], true)).Status);
        }
    }
}

public sealed class ShiftReminderJobTests : InstitutionTest
{
    /// <summary>A shift twelve hours from now with two reachable volunteers on it.</summary>
    private async Task<(int Shift, List<int> SignUps)> TonightsShiftAsync()
    {
        var ines = await Institution.PersonaAsync(Personas.VolunteerCoordinator);
        var scheduling = Institution.Get<VolunteerScheduling>();
        var start = Institution.Time.GetUtcNow().UtcDateTime.AddHours(12);
        var opportunity = (int)(await scheduling.CreateOpportunityAsync(ines, "Evening phonathon", null, null, null)).Id!.Value;
        var shift = (int)(await scheduling.CreateShiftsAsync(ines, new CreateShiftsRequest(opportunity, DateOnly.FromDateTime(start),
            TimeOnly.FromDateTime(start), TimeOnly.FromDateTime(start.AddHours(2)), 5, 1, null, null))).Id!.Value;
        await using var db = await Institution.OpenAsync();
        var volunteers = await db.Constituents.Where(c => c.Hats.Any(h => h.Kind == Domain.Constituents.HatKind.Volunteer && h.EndDate == null)
                && c.Email != null && !c.EmailOptOut && !c.DoNotContact)
            .Where(c => !db.SignUps.Any(u => u.VolunteerId == c.Id && db.Shifts.Any(s => s.Id == u.ShiftId && s.StartsAt < start.AddHours(2) && start < s.EndsAt)))
            .Select(c => c.Id).Take(2).ToListAsync();
        var signUps = new List<int>();
        foreach (var v in volunteers) signUps.Add((int)(await scheduling.AssignAsync(ines, shift, v, false)).Id!.Value);
        return (shift, signUps);
    }

    [Fact]
    public async Task Each_confirmed_volunteer_is_reminded_once_even_when_the_job_runs_twice_and_coordinators_get_one_digest_a_day()
    {
        var (_, signUps) = await TonightsShiftAsync();
        var job = Institution.Get<Volunteering.ShiftReminderJob>();

        var first = await job.RunAsync();
        var second = await job.RunAsync();

        Assert.True(first.Reminders >= signUps.Count);
        Assert.Equal(0, second.Reminders);
        Assert.Equal(0, second.Digests);
        await using var check = await Institution.OpenAsync();
        foreach (var id in signUps)
            Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.DedupKey == Volunteering.ShiftReminderJob.ReminderKey(id) && m.SentAt != null));
        Assert.Equal(first.Digests, await check.OutboxMessages.CountAsync(m => m.DedupKey.StartsWith("understaffed-digest:")));
        Assert.Equal(first.Reminders + first.Digests, Directory.GetFiles(Institution.PickupDirectory, "*.eml").Length);

        // Later the same day nothing new; the next day a fresh digest, and still one reminder per sign-up.
        Institution.Time.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, (await job.RunAsync()).Digests);
        Institution.Time.Advance(TimeSpan.FromDays(1));
        await job.RunAsync();
        await using var after = await Institution.OpenAsync();
        var keys = await after.OutboxMessages.Where(m => m.DedupKey.StartsWith("shift-reminder:")).Select(m => m.DedupKey).ToListAsync();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public async Task A_cancelled_volunteer_gets_no_reminder()
    {
        var ines = await Institution.PersonaAsync(Personas.VolunteerCoordinator);
        var (_, signUps) = await TonightsShiftAsync();
        Assert.True((await Institution.Get<VolunteerScheduling>().CancelSignUpAsync(ines, signUps[0])).Succeeded);
        await Institution.Get<Volunteering.ShiftReminderJob>().RunAsync();
        await using var check = await Institution.OpenAsync();
        Assert.False(await check.OutboxMessages.AnyAsync(m => m.DedupKey == Volunteering.ShiftReminderJob.ReminderKey(signUps[0])));
        Assert.True(await check.OutboxMessages.AnyAsync(m => m.DedupKey == Volunteering.ShiftReminderJob.ReminderKey(signUps[1])));
    }
}

public sealed class VolunteerRecordsTests : InstitutionTest
{
    [Fact]
    public async Task Board_candidates_volunteered_more_than_twice_in_twelve_months_and_export_to_csv_and_excel()
    {
        var ines = await Institution.PersonaAsync(Personas.VolunteerCoordinator);
        var records = Institution.Get<VolunteerRecords>();
        var candidates = await records.BoardCandidatesAsync(ines);
        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.True(c.ShiftsAttended > 2));

        var now = Institution.Time.GetUtcNow().UtcDateTime;
        await using (var db = await Institution.OpenAsync())
        {
            var byHand = await db.SignUps.Where(u => u.Status == SignUpStatus.Attended)
                .Join(db.Shifts.Where(s => s.StartsAt >= now.AddMonths(-12) && s.StartsAt <= now), u => u.ShiftId, s => s.Id, (u, s) => u.VolunteerId)
                .GroupBy(v => v).Where(g => g.Count() >= 3).Select(g => g.Key).ToListAsync();
            Assert.Equal(byHand.Order(), candidates.Select(c => c.Id).Order());
        }

        Assert.Equal(candidates.Count + 1, VolunteerRecords.ToCsv(candidates).Trim().Split('\n').Length);
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(VolunteerRecords.ToExcel(candidates)));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Name", sheet.Cell(1, 2).GetString());
        Assert.Equal(candidates[0].Name, sheet.Cell(2, 2).GetString());
        Assert.Equal(candidates.Count + 1, sheet.LastRowUsed().RowNumber());

        Assert.Empty(await records.BoardCandidatesAsync(await Institution.PersonaAsync(Personas.Faculty)));

        var hours = await records.HoursAsync(await Institution.PersonaAsync(Personas.VolunteerCoordinator), now.Year);
        Assert.NotEmpty(hours);
        var top = hours.Single(r => (int)r[0]! == candidates[0].Id);
        Assert.True((int)top[3]! >= 1);
        Assert.Empty(await records.HoursAsync(await Institution.PersonaAsync(Personas.Advancement), now.Year));
    }

    [Fact]
    public async Task A_volunteers_record_shows_hours_and_no_shows_to_coordinators_but_not_to_faculty()
    {
        var ines = await Institution.PersonaAsync(Personas.VolunteerCoordinator);
        var records = Institution.Get<VolunteerRecords>();
        var top = (await records.BoardCandidatesAsync(ines))[0];
        var summary = await records.GetAsync(ines, top.Id);
        Assert.NotNull(summary);
        Assert.True(summary.Record.ShiftsAttended >= top.ShiftsAttended);
        Assert.True(summary.Record.HoursByYear.Values.Sum() >= top.Hours);
        Assert.InRange(summary.Record.NoShowRate, 0, 1);
        Assert.Null(await records.GetAsync(await Institution.PersonaAsync(Personas.Faculty), top.Id));
    }
}

public sealed class VolunteerSelfServiceTests : InstitutionTest
{
    [Fact]
    public async Task A_volunteer_signs_up_joins_a_waitlist_when_full_cancels_only_their_own_and_gets_a_calendar()
    {
        var beatriz = await Institution.PersonaAsync(Personas.Volunteer);
        var self = Institution.Get<VolunteerSelfService>();
        var open = await self.OpenShiftsAsync(beatriz);
        Assert.NotEmpty(open);
        var free = open.First(o => !o.WouldWaitlist);
        Assert.True((await self.SignUpAsync(beatriz, free.Shift.Id)).Succeeded);
        var full = open.FirstOrDefault(o => o.WouldWaitlist && !o.Shift.Overlaps(free.Shift));
        if (full is not null)
        {
            Assert.True((await self.SignUpAsync(beatriz, full.Shift.Id)).Succeeded);
            Assert.Contains(await self.MineAsync(beatriz), m => m.Shift.Id == full.Shift.Id && m.Status == SignUpStatus.Waitlisted && m.WaitlistPosition >= 1);
        }
        Assert.DoesNotContain(await self.OpenShiftsAsync(beatriz), o => o.Shift.Id == free.Shift.Id);

        var feed = await self.CalendarFeedAsync(beatriz.ConstituentId);
        Assert.Contains("BEGIN:VEVENT", feed, StringComparison.Ordinal);
        Assert.Contains(free.Shift.Opportunity, feed, StringComparison.Ordinal);

        await using var db = await Institution.OpenAsync();
        var someoneElses = await db.SignUps.Where(u => u.VolunteerId != beatriz.ConstituentId && u.Status == SignUpStatus.Confirmed).Select(u => u.Id).FirstAsync();
        Assert.Equal(CommandStatus.NotFound, (await self.CancelAsync(beatriz, someoneElses)).Status);
        var mine = (await self.MineAsync(beatriz)).First(m => m.Shift.Id == free.Shift.Id);
        Assert.True((await self.CancelAsync(beatriz, mine.SignUpId)).Succeeded);

        var faculty = await Institution.PersonaAsync(Personas.Faculty);
        Assert.Empty(await self.OpenShiftsAsync(faculty));
        Assert.Equal(CommandStatus.NotFound, (await self.SignUpAsync(faculty, free.Shift.Id)).Status);
    }
}

internal static class CalendarShiftExtensions
{
    public static bool Overlaps(this CalendarShift a, CalendarShift b) => a.StartsAt < b.EndsAt && b.StartsAt < a.EndsAt;
}
