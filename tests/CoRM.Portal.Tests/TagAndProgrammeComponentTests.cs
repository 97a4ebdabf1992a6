using Bunit;
using CoRM.Portal.Components.Pages.Engagement;
using CoRM.Portal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Portal.Tests;

public sealed class TagAndProgrammeComponentTests : PortalComponentTest
{
    [Fact]
    public async Task The_panel_lists_the_persons_tags_with_who_put_them_there_and_closing_a_chip_removes_the_tag()
    {
        int prospect, tagId;
        await using (var db = await Institution.OpenAsync())
        {
            tagId = await db.Tags.Where(t => t.Name == "Board prospect").Select(t => t.Id).SingleAsync();
            prospect = await db.PersonTags.Where(t => t.TagId == tagId).OrderBy(t => t.ConstituentId).Select(t => t.ConstituentId).FirstAsync();
        }
        await SignInAsAsync(Personas.Advancement);
        var panel = Render<EngagementPanel>(p => p.Add(x => x.ConstituentId, prospect));
        panel.WaitForAssertion(() => Assert.Contains(panel.FindAll("[data-testid=tag-chip]"), c => c.TextContent.Contains("Board prospect", StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
        // Nothing typed: nothing to add.
        Assert.True(panel.Find("[data-testid=add-tag]").HasAttribute("disabled"));

        var chip = panel.FindAll("[data-testid=tag-chip]").Single(c => c.TextContent.Contains("Board prospect", StringComparison.Ordinal));
        await chip.QuerySelector("button, .mud-chip-close-button")!.ClickAsync(new());
        panel.WaitForAssertion(() => Assert.DoesNotContain(panel.FindAll("[data-testid=tag-chip]"), c => c.TextContent.Contains("Board prospect", StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
        await using var check = await Institution.OpenAsync();
        Assert.False(await check.PersonTags.AnyAsync(t => t.TagId == tagId && t.ConstituentId == prospect));
    }

    [Fact]
    public async Task The_programme_page_shows_every_session_with_its_places_and_line_and_the_members()
    {
        int club;
        await using (var db = await Institution.OpenAsync()) club = await db.EventSeries.Where(s => s.Name == "Study club").Select(s => s.Id).SingleAsync();
        await SignInAsAsync(Personas.VolunteerCoordinator);
        var page = Render<ProgrammePage>(p => p.Add(x => x.Id, club));
        page.WaitForAssertion(() => Assert.Equal(8, page.FindAll("[data-testid=sessions] tbody tr").Count), TimeSpan.FromSeconds(10));
        Assert.Contains("10 / 10", page.Find("[data-testid=sessions] tbody tr:last-child").TextContent, StringComparison.Ordinal);
        Assert.Equal(12, page.FindAll("[data-testid=members] tbody tr").Count);
        Assert.Contains(page.FindAll("[data-testid=members] tbody tr"), r => r.TextContent.Contains("waiting", StringComparison.Ordinal));
        Assert.True(page.Find("[data-testid=enrol]").HasAttribute("disabled"));

        await SignInAsAsync(Personas.CaseWorker);
        var outsider = Render<ProgrammePage>(p => p.Add(x => x.Id, club));
        outsider.WaitForAssertion(() => Assert.Contains("No such programme", outsider.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Empty(outsider.FindAll("[data-testid=members]"));
    }

    [Fact]
    public async Task The_plan_dialog_opens_empty_and_plans_nothing_until_name_date_time_and_sessions_are_given()
    {
        await SignInAsAsync(Personas.VolunteerCoordinator);
        var provider = Render<MudBlazor.MudDialogProvider>();
        var dialogs = Services.GetRequiredService<MudBlazor.IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<PlanProgrammeDialog>("Plan"));
        provider.WaitForAssertion(() => Assert.True(provider.Find("[data-testid=save-programme]").HasAttribute("disabled")));
        Assert.Empty(provider.Find("[data-testid=programme-name]").GetAttribute("value") ?? "");
        await provider.Find("[data-testid=save-programme]").ClickAsync(new());
        await using var db = await Institution.OpenAsync();
        Assert.Equal(1, await db.EventSeries.CountAsync());
    }
}
