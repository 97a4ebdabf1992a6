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

        var fields = dialogs.FindComponents<MudTextField<string>>();
        await dialogs.InvokeAsync(() => fields[0].Instance.ValueChanged.InvokeAsync("Benedita"));
        await dialogs.InvokeAsync(() => dialogs.FindComponents<MudTextField<string>>()[1].Instance.ValueChanged.InvokeAsync("Doadora-Nova"));
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
    public async Task Recording_a_gift_without_an_amount_is_refused_in_the_dialog()
    {
        await SignInAsAsync(Personas.Advancement);
        var donor = await TopDonorAsync();
        var panel = Render<DonorPanel>(p => p.Add(x => x.ConstituentId, donor));
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-testid=record-gift]")), TimeSpan.FromSeconds(10));
        panel.Find("[data-testid=record-gift]").Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=save-gift]")), TimeSpan.FromSeconds(10));
        dialogs.Find("[data-testid=save-gift]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Give the amount.", dialogs.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
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
        dialogs.Find("[data-testid=refund-confirm]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Say why", dialogs.Find("[data-testid=dialog-error]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        dialogs.Find("[data-testid=refund-reason]").Change("Card charge-back");
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
}
