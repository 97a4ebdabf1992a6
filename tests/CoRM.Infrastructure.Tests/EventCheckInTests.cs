using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Engagement;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class EventCheckInTests : InstitutionTest
{
    private async Task<int> LectureWithGuestsAsync(int guests)
    {
        var forms = Institution.Get<PublicForms>();
        for (var i = 0; i < guests; i++)
            Assert.NotEqual(FormOutcome.Invalid, (await forms.SubmitAsync("open-lecture", new FormAnswers("Guest", $"Number{i}", $"guest{i}@example.org", null, null, null, true))).Outcome);
        await using var db = await Institution.OpenAsync();
        return await db.GivingEvents.Where(e => e.Name == "Open lecture: water and cities").Select(e => e.Id).SingleAsync();
    }

    [Fact]
    public async Task Guests_are_reminded_once_the_day_before_checked_in_at_the_door_and_the_rest_recorded_as_no_shows()
    {
        var lecture = await LectureWithGuestsAsync(3);
        var coordinator = await Institution.PersonaAsync(Personas.VolunteerCoordinator);
        var checkIn = Institution.Get<EventCheckIn>();
        var list = await checkIn.GuestsAsync(coordinator, lecture);
        Assert.Equal(3, list!.Guests.Count);
        Assert.False(list.DoorOpen);
        Assert.Equal(CommandStatus.Invalid, (await checkIn.MarkAsync(coordinator, list.Guests[0].RegistrationId, true)).Status);

        // 21 days ahead: the day before, each guest with a place is reminded once, however often the job runs.
        var reminders = Institution.Get<EventReminderJob>();
        async Task<int> LectureRemindersAsync()
        {
            await using var db = await Institution.OpenAsync();
            return await db.OutboxMessages.CountAsync(m => m.Subject == "Tomorrow: Open lecture: water and cities");
        }
        await reminders.RunAsync(); // the demo's workshop, starting within the hour, has its own guests to remind
        Assert.Equal(0, await LectureRemindersAsync());
        Institution.Time.Advance(TimeSpan.FromDays(20.5));
        Assert.Equal(3, await reminders.RunAsync());
        Assert.Equal(0, await reminders.RunAsync());
        Assert.Equal(3, await LectureRemindersAsync());

        // At the door, an hour before the start: two come, one does not.
        Institution.Time.Advance(TimeSpan.FromHours(11));
        list = (await checkIn.GuestsAsync(coordinator, lecture))!;
        Assert.True(list.DoorOpen);
        Assert.True((await checkIn.MarkAsync(coordinator, list.Guests[0].RegistrationId, true)).Succeeded);
        Assert.True((await checkIn.MarkAsync(coordinator, list.Guests[1].RegistrationId, true)).Succeeded);
        Assert.True((await checkIn.MarkAsync(coordinator, list.Guests[1].RegistrationId, true)).Succeeded); // a second tap changes nothing
        Assert.Equal(CommandStatus.Invalid, (await checkIn.CloseDoorAsync(coordinator, lecture)).Status); // not started yet
        Institution.Time.Advance(TimeSpan.FromHours(1));
        var closed = await checkIn.CloseDoorAsync(coordinator, lecture);
        Assert.Equal(1, closed.Id);

        await using var db = await Institution.OpenAsync();
        var attended = await db.EventRegistrations.Where(r => r.EventId == lecture).Select(r => new { r.ConstituentId, r.Attended }).ToListAsync();
        Assert.Equal(2, attended.Count(a => a.Attended == true));
        Assert.Equal(1, attended.Count(a => a.Attended == false));
        Assert.Equal(2, await db.Interactions.CountAsync(i => i.Subject == "Attended Open lecture: water and cities" && i.Topic == Topic.Engagement));
    }

    [Fact]
    public async Task Only_the_engagement_and_giving_offices_keep_the_door()
    {
        var lecture = await LectureWithGuestsAsync(1);
        var checkIn = Institution.Get<EventCheckIn>();
        foreach (var persona in new[] { Personas.Faculty, Personas.CaseWorker, Personas.Volunteer, Personas.DataSteward })
        {
            var user = await Institution.PersonaAsync(persona);
            Assert.Null(await checkIn.GuestsAsync(user, lecture));
            Assert.Empty(await checkIn.EventsAsync(user));
            Assert.Equal(CommandStatus.NotFound, (await checkIn.CloseDoorAsync(user, lecture)).Status);
        }
        Assert.Contains((await checkIn.EventsAsync(await Institution.PersonaAsync(Personas.StudentSuccess))), e => e.Id == lecture);
    }
}
