using Bunit;
using CoRM.Portal.Components.Pages.Cases;
using CoRM.Portal.Components.Pages.Constituents;
using CoRM.Portal.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Portal.Tests;

/// <summary>The case page, its flag banner and the profile banner, as each role sees them.</summary>
public sealed class CaseComponentTests : PortalComponentTest
{
    private async Task<(int CaseId, int ClientId)> FlaggedCaseAsync()
    {
        await using var db = await Institution.OpenAsync();
        var flag = await db.ConstituentFlags.SingleAsync(f => f.Label == "History of self-harm");
        return (await db.CaseClients.Where(c => c.ConstituentId == flag.ConstituentId).Select(c => c.CaseId).FirstAsync(), flag.ConstituentId);
    }

    [Fact]
    public async Task The_lead_sees_the_flag_banner_the_plan_and_every_note_with_its_sensitivity()
    {
        var (caseId, _) = await FlaggedCaseAsync();
        await SignInAsAsync(Personas.CaseWorker);
        var page = Render<CasePage>(p => p.Add(x => x.Id, caseId));
        page.WaitForAssertion(() => Assert.Contains("History of self-harm", page.Find("[data-testid=flag-banner]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("Wellbeing", page.Find("[data-testid=page-title]").TextContent, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=case-notes] tbody tr").Count), TimeSpan.FromSeconds(10));
        Assert.Contains(page.FindAll("[data-testid=note-sensitivity-chip]"), c => c.TextContent.Contains("Lead and supervisors only", StringComparison.Ordinal));
        Assert.NotEmpty(page.FindAll("[data-testid=accept-case], [data-testid=close-case]"));
    }

    [Fact]
    public async Task A_case_worker_not_on_the_team_gets_the_break_glass_form_and_nothing_of_the_case()
    {
        var (caseId, _) = await FlaggedCaseAsync();
        await SignInAsAsync(Infrastructure.Seeding.DemoCasesSeeder.OtherCaseWorker);
        var page = Render<CasePage>(p => p.Add(x => x.Id, caseId));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=not-on-case]")), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("self-harm", page.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Low mood", page.Markup, StringComparison.Ordinal);
        Assert.True(page.Find("[data-testid=break-glass]").HasAttribute("disabled")); // no reason yet
    }

    [Fact]
    public async Task The_advisor_opening_the_same_student_sees_only_the_flag_meant_for_all_staff()
    {
        var (_, client) = await FlaggedCaseAsync();
        await SignInAsAsync(Personas.Faculty);
        var page = Render<ConstituentProfilePage>(p => p.Add(x => x.Id, client));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=flag-banner]")), TimeSpan.FromSeconds(10));
        Assert.Contains("Prefers e-mail", page.Find("[data-testid=flag-banner]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("self-harm", page.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(page.FindAll("[data-testid=profile-cases]"));
        Assert.Empty(page.FindAll("[data-testid=raise-record-flag]"));
    }
}
