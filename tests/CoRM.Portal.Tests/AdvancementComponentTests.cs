using Bunit;
using CoRM.Portal.Components.Pages.Advancement;
using CoRM.Portal.Components.Pages.Constituents;
using CoRM.Portal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Portal.Tests;

public sealed class AdvancementComponentTests : PortalComponentTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Render<MudPopoverProvider>();
        dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
    }

    private IRenderedComponent<MudDialogProvider> dialogs = default!;

    private async Task<int> TopDonorAsync()
    {
        await using var db = await Institution.OpenAsync();
        return await db.DonorScores.OrderByDescending(s => s.LifetimeTotal).Select(s => s.ConstituentId).FirstAsync();
    }

    [Fact]
    public async Task A_gift_officer_sees_the_donor_record_with_its_figures_and_scores()
    {
        await SignInAsAsync(Personas.Advancement);
        var donor = await TopDonorAsync();
        decimal lifetime;
        await using (var db = await Institution.OpenAsync())
            lifetime = await db.Gifts.Where(g => g.DonorId == donor).SumAsync(g => g.Amount);

        var panel = Render<DonorPanel>(p => p.Add(x => x.ConstituentId, donor));
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("[data-testid=donor-figure]")), TimeSpan.FromSeconds(10));
        Assert.Contains(lifetime.ToString("N2", System.Globalization.CultureInfo.InvariantCulture), panel.FindAll("[data-testid=donor-figure]")[0].TextContent, StringComparison.Ordinal);
        Assert.Matches(@"RFM [1-5]-[1-5]-[1-5]", panel.Find("[data-testid=rfm]").TextContent);
        Assert.NotEmpty(panel.FindAll("[data-testid=donor-gifts] tr"));
    }

    [Fact]
    public async Task A_gift_officer_adds_a_new_donor_from_the_directory_and_lands_on_the_new_record()
    {
        await SignInAsAsync(Personas.Advancement);
        var page = Render<Components.Pages.Constituents.ConstituentSearchPage>();
        await page.InvokeAsync(() => page.Find("[data-testid=new-person]").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=add-person]")), TimeSpan.FromSeconds(10));

        // Add person waits for both names: an empty dialog, or one with a first name only, cannot make a record.
        Assert.True(dialogs.Find("[data-testid=add-person]").HasAttribute("disabled"));
        var fields = dialogs.FindComponents<MudTextField<string>>();
        await dialogs.InvokeAsync(() => fields[0].Instance.ValueChanged.InvokeAsync("Benedita"));
        Assert.True(dialogs.Find("[data-testid=add-person]").HasAttribute("disabled"));
        await dialogs.InvokeAsync(() => dialogs.FindComponents<MudTextField<string>>()[1].Instance.ValueChanged.InvokeAsync("Doadora-Nova"));
        Assert.False(dialogs.Find("[data-testid=add-person]").HasAttribute("disabled"));
        var phone = dialogs.FindComponents<MudTextField<string>>().Single(f => f.Instance.UserAttributes.TryGetValue("data-testid", out var id) && Equals(id, "person-phone"));
        await dialogs.InvokeAsync(() => phone.Instance.ValueChanged.InvokeAsync("+351 913 222 111"));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=add-person]").Click());

        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches(@"/constituents/\d+$", navigation.Uri), TimeSpan.FromSeconds(10));
        var id = int.Parse(navigation.Uri[(navigation.Uri.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        await using var db = await Institution.OpenAsync();
        Assert.Equal(("Doadora-Nova", PersonIntake_Source), await db.Constituents.Where(c => c.Id == id).Select(c => new ValueTuple<string, string?>(c.LastName, c.Source)).SingleAsync());
    }

    private const string PersonIntake_Source = Infrastructure.Constituents.PersonIntake.Source;

    [Fact]
    public async Task A_gift_cannot_be_recorded_without_an_amount_nor_with_a_zero_one()
    {
        await SignInAsAsync(Personas.Advancement);
        var donor = await TopDonorAsync();
        var panel = Render<DonorPanel>(p => p.Add(x => x.ConstituentId, donor));
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-testid=record-gift]")), TimeSpan.FromSeconds(10));
        panel.Find("[data-testid=record-gift]").Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=save-gift]")), TimeSpan.FromSeconds(10));
        // Nothing typed: Record gift is not offered (the 0.01 EUR gift nobody typed cannot happen).
        Assert.True(dialogs.Find("[data-testid=save-gift]").HasAttribute("disabled"));

        var amount = dialogs.FindComponents<MudNumericField<decimal?>>()[0];
        await dialogs.InvokeAsync(() => amount.Instance.ValueChanged.InvokeAsync(0m));
        await dialogs.InvokeAsync(() => amount.Instance.ValidateAsync());
        dialogs.WaitForAssertion(() => Assert.Contains("At least 0.01", dialogs.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.True(dialogs.Find("[data-testid=save-gift]").HasAttribute("disabled"));

        await dialogs.InvokeAsync(() => amount.Instance.ValueChanged.InvokeAsync(25m));
        dialogs.WaitForAssertion(() => Assert.False(dialogs.Find("[data-testid=save-gift]").HasAttribute("disabled")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_pledge_is_offered_only_once_it_has_an_amount_above_zero()
    {
        await SignInAsAsync(Personas.Advancement);
        var donor = await TopDonorAsync();
        var service = Services.GetRequiredService<IDialogService>();
        await dialogs.InvokeAsync(() => service.ShowAsync<PledgeDialog>("Record a pledge", new DialogParameters<PledgeDialog> { { d => d.DonorId, donor } }));
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=save-pledge]")), TimeSpan.FromSeconds(10));
        Assert.True(dialogs.Find("[data-testid=save-pledge]").HasAttribute("disabled"));

        var amount = dialogs.FindComponents<MudNumericField<decimal?>>()[0];
        await dialogs.InvokeAsync(() => amount.Instance.ValueChanged.InvokeAsync(0m));
        Assert.True(dialogs.Find("[data-testid=save-pledge]").HasAttribute("disabled"));
        await dialogs.InvokeAsync(() => amount.Instance.ValueChanged.InvokeAsync(1200m));
        dialogs.WaitForAssertion(() => Assert.False(dialogs.Find("[data-testid=save-pledge]").HasAttribute("disabled")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Joining_a_rule_by_or_recounts_and_reads_as_a_bracketed_group()
    {
        await SignInAsAsync(Personas.Advancement);
        var page = Render<SegmentBuilderPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=live-count]")), TimeSpan.FromSeconds(10));
        page.Find("[data-testid=add-rule]").Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=rule-join]")), TimeSpan.FromSeconds(10));
        Assert.Equal("true", page.Find("[data-testid=rule-join] button[aria-pressed=true]").GetAttribute("aria-pressed"));
        Assert.Equal("and", page.Find("[data-testid=rule-join] button[aria-pressed=true]").TextContent.Trim());

        page.FindAll("[data-testid=rule-join] button").Single(b => b.TextContent.Trim() == "or").Click();

        page.WaitForAssertion(() => Assert.Contains("(gave in the last 12 months or gave in the last 12 months)", page.Find("[data-testid=segment-sentence]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
        Assert.Single(page.FindAll(".segment-rule-or"));
        var expected = (await Institution.Get<CoRM.Infrastructure.Advancement.Segments>().CountAsync(await Institution.PersonaAsync(Personas.Advancement),
            [new(CoRM.Domain.Advancement.SegmentRuleKind.GaveWithinMonths, Months: 12)])).Count!.Value;
        page.WaitForAssertion(() => Assert.Equal(expected.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), page.Find("[data-testid=live-count]").TextContent.Trim()),
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_ready_made_segment_cannot_have_its_joins_changed()
    {
        await SignInAsAsync(Personas.Advancement);
        int id;
        await using (var db = await Institution.OpenAsync())
            id = await db.Segments.Where(s => s.ReadyMade && s.Name == "Petition signers who have not given").Select(s => s.Id).SingleAsync();
        var page = Render<SegmentBuilderPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=rule-join]")), TimeSpan.FromSeconds(10));
        Assert.All(page.FindAll("[data-testid=rule-join] button"), b => Assert.True(b.HasAttribute("disabled")));
        Assert.Contains("and not: gave in the last 60 months", page.Find("[data-testid=segment-sentence]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refunding_a_gift_asks_why_and_takes_it_off_the_donor_record()
    {
        await SignInAsAsync(Personas.Advancement);
        var donor = await TopDonorAsync();
        var panel = Render<DonorPanel>(p => p.Add(x => x.ConstituentId, donor));
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("[data-testid=refund-gift]")), TimeSpan.FromSeconds(10));
        int gifts;
        await using (var db = await Institution.OpenAsync())
            gifts = await db.Gifts.CountAsync(g => g.DonorId == donor);

        // The first gift without a current receipt and not a ticket.
        int target;
        await using (var db = await Institution.OpenAsync())
            target = await db.Gifts.Where(g => g.DonorId == donor && g.Kind != CoRM.Domain.Advancement.GiftKind.EventTicket && !db.ReceiptLines.Any(l => l.GiftId == g.Id && !l.Voided))
                .OrderByDescending(g => g.ReceivedOn).ThenByDescending(g => g.Id).Select(g => g.Id).FirstAsync();
        var rows = panel.FindAll("[data-testid=donor-gifts] tr");
        var index = (await Institution.Get<CoRM.Infrastructure.Advancement.GivingRecords>().DonorAsync(await Institution.PersonaAsync(Personas.Advancement), donor))!
            .RecentGifts.Select((g, i) => (g.Id, i)).Single(x => x.Id == target).i;
        rows[index].QuerySelector("[data-testid=refund-gift]")!.Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=refund-confirm]")), TimeSpan.FromSeconds(10));
        // No reason, no refund: the button waits for one (the reason goes on the donor's timeline and in the audit log).
        Assert.True(dialogs.Find("[data-testid=refund-confirm]").HasAttribute("disabled"));
        dialogs.Find("[data-testid=refund-reason]").Input("   ");
        Assert.True(dialogs.Find("[data-testid=refund-confirm]").HasAttribute("disabled"));
        dialogs.Find("[data-testid=refund-reason]").Input("Card charge-back");
        dialogs.WaitForAssertion(() => Assert.False(dialogs.Find("[data-testid=refund-confirm]").HasAttribute("disabled")), TimeSpan.FromSeconds(5));
        dialogs.Find("[data-testid=refund-confirm]").Click();

        await using var check = await Institution.OpenAsync();
        panel.WaitForAssertion(() => Assert.Equal(gifts - 1, check.Gifts.Count(g => g.DonorId == donor)), TimeSpan.FromSeconds(10));
        Assert.False(await check.Gifts.AnyAsync(g => g.Id == target));
    }

    [Fact]
    public async Task Faculty_see_no_giving_on_an_advisees_profile()
    {
        await SignInAsAsync(Personas.Faculty);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var page = Render<ConstituentProfilePage>(p => p.Add(x => x.Id, sofia));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=profile-name]")), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=donor-panel]"));
        Assert.Empty(page.FindAll("[data-testid=record-gift]"));
    }

    [Fact]
    public async Task The_receipts_tab_shows_the_number_history_of_a_reissued_receipt()
    {
        await SignInAsAsync(Personas.Advancement);
        int donor;
        string voided, replacement;
        await using (var db = await Institution.OpenAsync())
        {
            var replaced = await db.Receipts.Where(r => r.ReplacesId != null).OrderBy(r => r.Id).FirstAsync();
            donor = replaced.DonorId;
            replacement = replaced.Number;
            voided = await db.Receipts.Where(r => r.Id == replaced.ReplacesId).Select(r => r.Number).SingleAsync();
        }
        var receipts = Render<DonorReceipts>(p => p.Add(x => x.DonorId, donor));
        receipts.WaitForAssertion(() => Assert.Equal(2, receipts.FindAll("[data-testid=receipt-row]").Count), TimeSpan.FromSeconds(10));
        var rows = receipts.FindAll("[data-testid=receipt-row]");
        Assert.Contains(replacement, rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains($"replaces {voided}", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains($"void → {replacement}", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Single(receipts.FindAll("[data-testid=reissue]")); // only the current one can be reissued
        Assert.Equal($"/advancement/receipts/", rows[0].QuerySelector("a[href$='.pdf']")!.GetAttribute("href")![..22]);
    }

    [Fact]
    public async Task The_events_list_shows_deductible_parts_and_other_roles_find_no_event()
    {
        await SignInAsAsync(Personas.Advancement);
        var list = Render<EventsPage>();
        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll("[data-testid=events] tbody tr")), TimeSpan.FromSeconds(10));
        int eventId;
        await using (var db = await Institution.OpenAsync())
        {
            var gala = await db.GivingEvents.Where(e => e.TicketPrice > e.FairMarketValue && e.FairMarketValue > 0).OrderBy(e => e.Id).FirstAsync();
            eventId = gala.Id;
            Assert.Contains(list.FindAll("[data-testid=events] tbody tr"), r => r.TextContent.Contains(gala.Name, StringComparison.Ordinal)
                && r.TextContent.Contains((gala.TicketPrice - gala.FairMarketValue).ToString("N2", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        await SignInAsAsync(Personas.Faculty);
        var page = Render<EventPage>(p => p.Add(x => x.Id, eventId));
        page.WaitForAssertion(() => Assert.Contains("Event not found", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_appeals_delivery_shows_live_counts_the_expected_finish_and_each_refused_address()
    {
        var now = Institution.Time.GetUtcNow().UtcDateTime;
        int refusedPerson;
        await using (var db = await Institution.OpenAsync())
        {
            refusedPerson = await db.Constituents.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            CoRM.Domain.Messaging.OutboxMessage Mail(int i) => new()
            {
                DedupKey = $"appeal:900:{i}", Origin = "appeal:900", Priority = CoRM.Domain.Messaging.OutboxPriority.Bulk,
                ToAddress = $"d{i}@example.org", ToName = $"Donor {i}", Subject = "Winter", TextBody = ".", CreatedAt = now.AddMinutes(-10),
            };
            var sent = Enumerable.Range(1, 30).Select(Mail).ToList();
            sent.ForEach(m => m.SentAt = now.AddMinutes(-2));
            db.OutboxMessages.AddRange(sent);
            db.OutboxMessages.AddRange(Enumerable.Range(31, 10).Select(Mail));
            var refused = Mail(41);
            (refused.Attempts, refused.FailedAt, refused.LastError, refused.RecipientConstituentId) = (CoRM.Infrastructure.Email.OutboxDispatcher.MaxAttempts, now, "550 5.1.1 User unknown", refusedPerson);
            db.OutboxMessages.Add(refused);
            await db.SaveChangesAsync();
        }
        await SignInAsAsync(Personas.Advancement);

        var panel = Render<CoRM.Portal.Components.Shared.MailProgressPanel>(p => p.Add(x => x.Origin, "appeal:900"));
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-testid=mail-progress]")), TimeSpan.FromSeconds(10));
        Assert.Contains("30 of 41 sent", panel.Find("[data-testid=mail-sent]").TextContent, StringComparison.Ordinal);
        Assert.Contains("10 waiting", panel.Find("[data-testid=mail-queued]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1 failed", panel.Find("[data-testid=mail-failed]").TextContent, StringComparison.Ordinal);
        Assert.Contains("about 6 a minute", panel.Find("[data-testid=mail-rate]").TextContent, StringComparison.Ordinal); // 30 in five minutes
        Assert.Contains("Expected to finish", panel.Find("[data-testid=mail-eta]").TextContent, StringComparison.Ordinal);
        var row = Assert.Single(panel.FindAll("[data-testid=mail-failures] tbody tr"));
        Assert.Contains("550 5.1.1 User unknown", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector($"a[href='/constituents/{refusedPerson}']"));

        // The dispatcher sends the rest: the panel follows without a reload.
        await using (var db = await Institution.OpenAsync())
            await db.OutboxMessages.Where(m => m.Origin == "appeal:900" && m.SentAt == null && m.FailedAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now));
        panel.WaitForAssertion(() => Assert.Contains("40 of 41 sent", panel.Find("[data-testid=mail-sent]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Empty(panel.FindAll("[data-testid=mail-eta]"));
    }

    [Fact]
    public async Task Only_the_giving_office_sees_an_appeals_delivery()
    {
        await using (var db = await Institution.OpenAsync())
        {
            db.OutboxMessages.Add(new CoRM.Domain.Messaging.OutboxMessage { DedupKey = "appeal:901:1", Origin = "appeal:901", ToAddress = "x@example.org", Subject = ".", TextBody = ".", CreatedAt = Institution.Time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        await SignInAsAsync(Personas.Faculty);
        var panel = Render<CoRM.Portal.Components.Shared.MailProgressPanel>(p => p.Add(x => x.Origin, "appeal:901"));
        await Task.Delay(500);
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-testid=mail-progress]")), TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("x@example.org", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_says_when_its_address_is_on_hold_and_why()
    {
        int person;
        await using (var db = await Institution.OpenAsync())
        {
            var c = await db.Constituents.Where(x => x.Email != null).OrderBy(x => x.Id).FirstAsync();
            c.HoldEmail("550 5.1.1 User unknown", Institution.Time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            person = c.Id;
        }
        await SignInAsAsync(Personas.Advancement);
        var page = Render<ConstituentProfilePage>(p => p.Add(x => x.Id, person));
        page.WaitForAssertion(() => Assert.Contains("User unknown", page.Find("[data-testid=email-on-hold]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }
}
