using Microsoft.Extensions.DependencyInjection;
using Bunit;
using CoRM.Portal.Components.Pages.Admin;
using CoRM.Portal.Components.Pages.Engagement;
using CoRM.Portal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Portal.Tests;

public sealed class EngagementComponentTests : PortalComponentTest
{
    private async Task<int> SignerAsync()
    {
        await using var db = await Institution.OpenAsync();
        return await db.Actions.Where(a => a.ActionTypeId == 1).OrderBy(a => a.ConstituentId).Select(a => a.ConstituentId).FirstAsync();
    }

    [Fact]
    public async Task The_panel_shows_the_rung_the_score_in_words_and_the_actions_and_its_record_button_opens_an_empty_form()
    {
        var signer = await SignerAsync();
        await SignInAsAsync(Personas.Advancement);
        var panel = Render<EngagementPanel>(p => p.Add(x => x.ConstituentId, signer));
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-testid=engagement-panel]")), TimeSpan.FromSeconds(10));
        Assert.Contains("signed a petition", panel.Find("[data-testid=engagement-explanation]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Signed a petition", panel.Find("[data-testid=action-list]").TextContent, StringComparison.Ordinal);
        Assert.NotEqual("Not engaged", panel.Find("[data-testid=engagement-level]").TextContent.Trim());
    }

    [Fact]
    public async Task Faculty_and_case_workers_see_no_engagement_panel()
    {
        var signer = await SignerAsync();
        foreach (var persona in new[] { Personas.Faculty, Personas.CaseWorker })
        {
            await SignInAsAsync(persona);
            var panel = Render<EngagementPanel>(p => p.Add(x => x.ConstituentId, signer));
            await Task.Delay(300);
            Assert.Empty(panel.FindAll("[data-testid=engagement-panel]"));
        }
    }

    [Fact]
    public async Task The_record_dialog_keeps_save_disabled_until_type_day_and_channel_are_chosen()
    {
        var signer = await SignerAsync();
        await SignInAsAsync(Personas.Advancement);
        var types = await Institution.Get<Infrastructure.Engagement.ActionTypes>().ListAsync(await Institution.PersonaAsync(Personas.Advancement));
        var provider = Render<MudBlazor.MudDialogProvider>();
        var dialogs = Services.GetRequiredService<MudBlazor.IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<RecordActionDialog>("Record", new MudBlazor.DialogParameters<RecordActionDialog>
        {
            { x => x.ConstituentId, signer }, { x => x.Types, types },
        }));
        provider.WaitForAssertion(() => Assert.True(provider.Find("[data-testid=save-action]").HasAttribute("disabled")));
        await using var db = await Institution.OpenAsync();
        Assert.Equal(0, await db.Actions.CountAsync(a => a.ConstituentId == signer && a.ActionTypeId != 1));
    }

    [Fact]
    public async Task The_mission_dashboard_shows_figures_months_and_the_ladder_and_money_only_to_giving()
    {
        await SignInAsAsync(Personas.Advancement);
        var page = Render<MissionDashboardPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=mission-figure]")), TimeSpan.FromSeconds(20));
        Assert.Contains(page.FindAll("[data-testid=mission-figure]"), f => f.TextContent.Contains("Money raised", StringComparison.Ordinal));
        Assert.Contains("EUR", page.FindAll("[data-testid=mission-figure]").Single(f => f.TextContent.Contains("Money raised", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        Assert.Equal(12, page.FindAll("[data-testid=mission-months] tbody tr").Count);
        Assert.NotEmpty(page.FindAll("[data-testid=mission-segment-link]"));
        Assert.Contains("Aware", page.Find("[data-testid=mission-ladder]").TextContent, StringComparison.Ordinal);

        await SignInAsAsync(Personas.StudentSuccess);
        var other = Render<MissionDashboardPage>();
        other.WaitForAssertion(() => Assert.NotEmpty(other.FindAll("[data-testid=mission-figure]")), TimeSpan.FromSeconds(20));
        Assert.DoesNotContain(other.FindAll("[data-testid=mission-figure]"), f => f.TextContent.Contains("Money raised", StringComparison.Ordinal));
        Assert.Empty(other.FindAll("[data-testid=mission-segment-link]"));
    }

    [Fact]
    public async Task The_settings_page_lists_types_weights_and_rungs_with_their_people()
    {
        await SignInAsAsync(Personas.Admin);
        var page = Render<EngagementSettingsPage>();
        page.WaitForAssertion(() => Assert.Equal(8, page.FindAll("[data-testid=action-types] tbody tr").Count), TimeSpan.FromSeconds(10));
        Assert.Equal(6, page.FindAll("[data-testid=weight-row]").Count);
        Assert.Equal(4, page.FindAll("[data-testid=level-row]").Count);
        Assert.True(page.Find("[data-testid=new-type-add]").HasAttribute("disabled")); // nothing typed, nothing to add
    }

    [Fact]
    public async Task The_forms_page_lists_each_form_with_its_counts_and_a_new_form_cannot_be_created_from_nothing()
    {
        await SignInAsAsync(Personas.Advancement);
        var list = Render<PublicFormsPage>();
        list.WaitForAssertion(() => Assert.Equal(4, list.FindAll("[data-testid=form-list] tbody tr").Count), TimeSpan.FromSeconds(10));
        var petition = list.FindAll("[data-testid=form-list] tbody tr").Single(r => r.TextContent.Contains("Keep the library open at night", StringComparison.Ordinal));
        Assert.Contains("40", petition.TextContent, StringComparison.Ordinal);
        Assert.Contains("/f/keep-the-library-open", petition.TextContent, StringComparison.Ordinal);

        var create = Render<NewPublicFormPage>();
        create.WaitForAssertion(() => Assert.True(create.Find("[data-testid=form-create]").HasAttribute("disabled")), TimeSpan.FromSeconds(10));
        await using var db = await Institution.OpenAsync();
        Assert.Equal(4, await db.PublicForms.CountAsync());
    }

    [Fact]
    public async Task A_forms_detail_shows_what_it_asks_and_why_and_its_latest_submissions()
    {
        int id;
        await using (var db = await Institution.OpenAsync()) id = await db.PublicForms.Where(f => f.Slug == "keep-the-library-open").Select(f => f.Id).SingleAsync();
        await SignInAsAsync(Personas.VolunteerCoordinator);
        var page = Render<PublicFormDetailPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Equal(40, page.FindAll("[data-testid=form-submissions] tbody tr").Count), TimeSpan.FromSeconds(10));
        Assert.Contains("to show the rector how many signers live in each region", page.Markup, StringComparison.Ordinal);
        Assert.Contains("matched to an existing person", page.Find("[data-testid=form-submissions]").TextContent, StringComparison.Ordinal);
    }
}
