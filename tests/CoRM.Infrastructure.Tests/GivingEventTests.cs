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
    public async Task Cancelling_frees_the_seats_and_the_payment_is_refunded_or_kept_as_a_fully_deductible_gift()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var events = Institution.Get<GivingEvents>();
        var now = Institution.Time.GetUtcNow().UtcDateTime;
        var fund = (await events.FundsAsync(tomas))[0].Id;
        var id = (int)(await events.PlanAsync(tomas, new PlanEventRequest("Spring gala", now.AddDays(30), 150m, 60m, 4, fund))).Id!.Value;
        int[] guests;
        await using (var db = await Institution.OpenAsync())
            guests = await db.Constituents.Where(c => c.Kind == Domain.Constituents.ConstituentKind.Person).OrderBy(c => c.Id).Select(c => c.Id).Skip(20).Take(3).ToArrayAsync();
        Assert.True((await events.RegisterAsync(tomas, id, guests[0], 2, PaymentMethod.Card)).Succeeded);
        Assert.True((await events.RegisterAsync(tomas, id, guests[1], 2, PaymentMethod.Card)).Succeeded);
        Assert.Equal(CommandStatus.Invalid, (await events.RegisterAsync(tomas, id, guests[2], 1, PaymentMethod.Card)).Status); // full
        var rows = (await events.EventAsync(tomas, id))!.Registrations;
        var refunded = rows.Single(r => r.ConstituentId == guests[0]);
        var kept = rows.Single(r => r.ConstituentId == guests[1]);
        int keptGift;
        await using (var db = await Institution.OpenAsync())
            keptGift = (await db.EventRegistrations.SingleAsync(r => r.Id == kept.Id)).GiftId!.Value;

        // Refund: the ticket gift goes (the money went back), the seats are free, the guest's timeline says so.
        Assert.True((await events.CancelAsync(tomas, refunded.Id, refund: true)).Succeeded);
        Assert.Equal(CommandStatus.Invalid, (await events.CancelAsync(tomas, refunded.Id, refund: true)).Status); // already cancelled
        Assert.True((await events.RegisterAsync(tomas, id, guests[2], 2, PaymentMethod.Cash)).Succeeded);

        // Keep as a gift (an hour later): the guest receives nothing, so all of it is deductible, and it still counts as raised.
        Institution.Time.Advance(TimeSpan.FromHours(1));
        Assert.True((await events.CancelAsync(tomas, kept.Id, refund: false)).Succeeded);

        var detail = (await events.EventAsync(tomas, id))!;
        Assert.Equal((2, 1, 300m + 300m), (detail.Event.TicketsSold, detail.Event.Registrations, detail.Event.Raised));
        Assert.Equal([guests[2], guests[1], guests[0]], detail.Registrations.Select(r => r.ConstituentId)); // live first, then the latest cancellation
        Assert.Equal((300m, (decimal?)null), (detail.Registrations[2].RefundedAmount, detail.Registrations[2].Paid));
        Assert.True(detail.Registrations[1].KeptAsGift);
        Assert.Equal(300m, detail.Registrations[1].Deductible);

        // The refunded guest may register again.
        Assert.True((await events.RegisterAsync(tomas, id, guests[0], 1, PaymentMethod.Card)).Succeeded);

        await using var check = await Institution.OpenAsync();
        Assert.False(await check.Gifts.AnyAsync(g => g.DonorId == guests[0] && g.Amount == 300m && g.Kind == GiftKind.EventTicket));
        var gift = await check.Gifts.SingleAsync(g => g.Id == keptGift);
        Assert.Equal((GiftKind.Outright, 0m, 300m), (gift.Kind, gift.BenefitValue, gift.DeductibleAmount));
        Assert.Equal(1, await check.Interactions.CountAsync(i => i.ConstituentId == guests[0] && i.Subject == "Cancelled registration for Spring gala; 300.00 EUR refunded"));
        Assert.Equal(1, await check.Interactions.CountAsync(i => i.ConstituentId == guests[1] && i.Subject == "Cancelled registration for Spring gala; 300.00 EUR kept as a gift"));
    }

    [Fact]
    public async Task A_receipted_ticket_is_not_refunded_and_nothing_is_cancelled_once_the_event_started_or_by_other_roles()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var events = Institution.Get<GivingEvents>();
        var now = Institution.Time.GetUtcNow().UtcDateTime;
        var fund = (await events.FundsAsync(tomas))[0].Id;
        var id = (int)(await events.PlanAsync(tomas, new PlanEventRequest("Quiz night", now.AddDays(5), 40m, 10m, null, fund))).Id!.Value;
        int[] guests;
        await using (var db = await Institution.OpenAsync())
            guests = await db.Constituents.Where(c => c.Kind == Domain.Constituents.ConstituentKind.Person).OrderBy(c => c.Id).Select(c => c.Id).Skip(30).Take(2).ToArrayAsync();
        Assert.True((await events.RegisterAsync(tomas, id, guests[0], 1, PaymentMethod.Card)).Succeeded);
        Assert.True((await events.RegisterAsync(tomas, id, guests[1], 1, PaymentMethod.Card)).Succeeded);
        var rows = (await events.EventAsync(tomas, id))!.Registrations;
        var receipted = rows.Single(r => r.ConstituentId == guests[0]);
        int gift;
        await using (var db = await Institution.OpenAsync())
            gift = (await db.EventRegistrations.SingleAsync(r => r.Id == receipted.Id)).GiftId!.Value;
        Assert.True((await Institution.Get<Receipts>().IssueForGiftAsync(tomas, gift)).Succeeded);

        var refused = await events.CancelAsync(tomas, receipted.Id, refund: true);
        Assert.Equal(CommandStatus.Invalid, refused.Status);
        Assert.Contains("is on receipt", refused.Message, StringComparison.Ordinal);
        Assert.Equal(CommandStatus.NotFound, (await events.CancelAsync(await Institution.PersonaAsync(Personas.Faculty), receipted.Id, refund: true)).Status);
        Assert.Equal(CommandStatus.NotFound, (await events.CancelAsync(tomas, 987654, refund: true)).Status);

        Institution.Time.Advance(TimeSpan.FromDays(5));
        Assert.Equal(CommandStatus.Invalid, (await events.CancelAsync(tomas, rows.Single(r => r.ConstituentId == guests[1]).Id, refund: false)).Status);

        var detail = (await events.EventAsync(tomas, id))!;
        Assert.Equal(2, detail.Event.TicketsSold);
        Assert.All(detail.Registrations, r => Assert.Null(r.CancelledAt));
        await using (var check = await Institution.OpenAsync())
            Assert.True(await check.Gifts.AnyAsync(g => g.Id == gift && g.Kind == GiftKind.EventTicket));
    }

    [Fact]
    public async Task Once_its_receipt_is_voided_a_ticket_can_be_refunded()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var events = Institution.Get<GivingEvents>();
        var receipts = Institution.Get<Receipts>();
        var fund = (await events.FundsAsync(tomas))[0].Id;
        var id = (int)(await events.PlanAsync(tomas, new PlanEventRequest("Book launch", Institution.Time.GetUtcNow().UtcDateTime.AddDays(9), 30m, 5m, null, fund))).Id!.Value;
        int guest;
        await using (var db = await Institution.OpenAsync())
            guest = await db.Constituents.Where(c => c.Kind == Domain.Constituents.ConstituentKind.Person).OrderBy(c => c.Id).Select(c => c.Id).Skip(40).FirstAsync();
        var registration = (int)(await events.RegisterAsync(tomas, id, guest, 1, PaymentMethod.Card)).Id!.Value;
        int gift;
        await using (var db = await Institution.OpenAsync())
            gift = (await db.EventRegistrations.SingleAsync(r => r.Id == registration)).GiftId!.Value;
        var receipt = (int)(await receipts.IssueForGiftAsync(tomas, gift)).Id!.Value;
        Assert.Equal(CommandStatus.Invalid, (await events.CancelAsync(tomas, registration, refund: true)).Status);

        Assert.True((await receipts.VoidAsync(tomas, receipt, "Ticket refunded")).Succeeded);
        Assert.True((await events.CancelAsync(tomas, registration, refund: true)).Succeeded);
        await using var check = await Institution.OpenAsync();
        Assert.False(await check.Gifts.AnyAsync(g => g.Id == gift));
        var line = await check.ReceiptLines.SingleAsync(l => l.ReceiptId == receipt);
        Assert.Equal((25m, (int?)null), (line.Deductible, line.GiftId)); // the voided receipt still says what it said
        Assert.NotNull(await receipts.PdfAsync(tomas, receipt)); // and still prints
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
