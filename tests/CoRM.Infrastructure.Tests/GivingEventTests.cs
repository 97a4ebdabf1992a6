using CoRM.Domain.Advancement;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class GivingEventTests : InstitutionTest
{
    [Fact]
    public async Task A_paid_registration_is_a_ticket_gift_deductible_above_the_dinner_and_capacity_holds()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var events = Institution.Get<GivingEvents>();
        var now = Institution.Time.GetUtcNow().UtcDateTime;
        var fund = (await events.FundsAsync(tomas))[0].Id;
        var planned = await events.PlanAsync(tomas, new PlanEventRequest("Winter concert", now.AddDays(20), 120m, 45m, 3, fund));
        Assert.True(planned.Succeeded, planned.Message);
        var id = (int)planned.Id!.Value;
        int[] guests;
        await using (var db = await Institution.OpenAsync())
            guests = await db.Constituents.Where(c => c.Kind == Domain.Constituents.ConstituentKind.Person).OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToArrayAsync();

        var two = await events.RegisterAsync(tomas, id, guests[0], 2, PaymentMethod.Card);
        Assert.True(two.Succeeded, two.Message);
        Assert.Equal(CommandStatus.Invalid, (await events.RegisterAsync(tomas, id, guests[0], 1, PaymentMethod.Card)).Status); // already registered
        var full = await events.RegisterAsync(tomas, id, guests[1], 2, PaymentMethod.Card);
        Assert.Equal(CommandStatus.Invalid, full.Status);
        Assert.Contains("Only 1 of 3", full.Message, StringComparison.Ordinal);
        Assert.True((await events.RegisterAsync(tomas, id, guests[1], 1, PaymentMethod.Cash)).Succeeded);

        var detail = await events.EventAsync(tomas, id);
        Assert.Equal((3, 2, 360m, 75m), (detail!.Event.TicketsSold, detail.Event.Registrations, detail.Event.Raised, detail.Event.DeductiblePerTicket));
        var first = detail.Registrations.Single(r => r.ConstituentId == guests[0]);
        Assert.Equal((240m, 150m), (first.Paid, first.Deductible));

        // Attendance is taken on the day, and attending is on the guest's timeline.
        Assert.Equal(CommandStatus.Invalid, (await events.MarkAttendanceAsync(tomas, first.Id, true)).Status);
        Institution.Time.Advance(TimeSpan.FromDays(20));
        Assert.True((await events.MarkAttendanceAsync(tomas, first.Id, true)).Succeeded);
        Assert.True((await events.MarkAttendanceAsync(tomas, first.Id, true)).Succeeded);
        await using var check = await Institution.OpenAsync();
        Assert.Equal(1, await check.Interactions.CountAsync(i => i.ConstituentId == guests[0] && i.Channel == Channel.Event && i.Subject == "Attended Winter concert"));
        Assert.Equal(1, (await events.EventAsync(tomas, id))!.Event.Attended);
        Assert.Equal(CommandStatus.Invalid, (await events.RegisterAsync(tomas, id, guests[2], 1, PaymentMethod.Card)).Status); // it has started
    }

    [Fact]
    public async Task Two_clerks_selling_the_last_seats_at_once_do_not_oversell()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var events = Institution.Get<GivingEvents>();
        var fund = (await events.FundsAsync(tomas))[0].Id;
        var planned = await events.PlanAsync(tomas, new PlanEventRequest("Small dinner", Institution.Time.GetUtcNow().UtcDateTime.AddDays(10), 90m, 40m, 4, fund));
        var id = (int)planned.Id!.Value;
        int[] guests;
        await using (var db = await Institution.OpenAsync())
            guests = await db.Constituents.Where(c => c.Kind == Domain.Constituents.ConstituentKind.Person).OrderBy(c => c.Id).Select(c => c.Id).Skip(10).Take(4).ToArrayAsync();

        var results = await Task.WhenAll(guests.Select(g => Task.Run(() => events.RegisterAsync(tomas, id, g, 2, PaymentMethod.Card))));
        Assert.Equal(2, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(CommandStatus.Invalid, r.Status));
        var detail = await events.EventAsync(tomas, id);
        Assert.Equal(4, detail!.Event.TicketsSold);
        await using var check = await Institution.OpenAsync();
        Assert.Equal(2, await check.Gifts.CountAsync(g => g.Kind == GiftKind.EventTicket && g.Amount == 180m && guests.Contains(g.DonorId)));
    }

    [Fact]
    public async Task Bad_plans_change_nothing_and_other_roles_get_nothing()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var events = Institution.Get<GivingEvents>();
        var now = Institution.Time.GetUtcNow().UtcDateTime;
        var fund = (await events.FundsAsync(tomas))[0].Id;
        var before = (await events.ListAsync(tomas)).Count;
        Assert.Equal(CommandStatus.Invalid, (await events.PlanAsync(tomas, new PlanEventRequest("", now.AddDays(3), 10m, 0m, null, fund))).Status);
        Assert.Equal(CommandStatus.Invalid, (await events.PlanAsync(tomas, new PlanEventRequest("Past", now.AddDays(-3), 10m, 0m, null, fund))).Status);
        Assert.Equal(CommandStatus.Invalid, (await events.PlanAsync(tomas, new PlanEventRequest("Upside down", now.AddDays(3), 10m, 20m, null, fund))).Status);
        Assert.Equal(CommandStatus.Invalid, (await events.PlanAsync(tomas, new PlanEventRequest("No fund", now.AddDays(3), 10m, 0m, null, 9999))).Status);
        Assert.Equal(before, (await events.ListAsync(tomas)).Count);

        var faculty = await Institution.PersonaAsync(Personas.Faculty);
        Assert.Empty(await events.ListAsync(faculty));
        Assert.Equal(CommandStatus.NotFound, (await events.PlanAsync(faculty, new PlanEventRequest("Mine", now.AddDays(3), 10m, 0m, null, fund))).Status);
        var anyEvent = (await events.ListAsync(tomas))[0].Id;
        Assert.Null(await events.EventAsync(await Institution.PersonaAsync(Personas.Parent), anyEvent));
    }
}
