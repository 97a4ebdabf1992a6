using Bunit;
using CoRM.Domain.Privacy;
using CoRM.Portal.Components.Pages.Constituents;
using CoRM.Portal.Components.Pages.Privacy;
using CoRM.Portal.Tests.Support;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Portal.Tests;

/// <summary>The privacy office's pages as the officer and an administrator see them.</summary>
public sealed class PrivacyComponentTests : PortalComponentTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(new InMemoryStorage()));
    }

    private async Task<int> RequestAsync(PrivacyRequestKind kind, string detailsContain)
    {
        await using var db = await Institution.OpenAsync();
        return await db.PrivacyRequests.Where(r => r.Kind == kind && r.Details.Contains(detailsContain)).Select(r => r.Id).FirstAsync();
    }

    [Fact]
    public async Task The_officer_sees_the_open_queue_by_deadline_with_how_long_is_left()
    {
        await SignInAsAsync(Personas.DataProtection);
        var page = Render<PrivacyRequestsPage>();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=privacy-requests] tbody tr").Count), TimeSpan.FromSeconds(10));
        var first = page.FindAll("[data-testid=privacy-requests] tbody tr")[0].TextContent;
        Assert.Contains("Erasure", first, StringComparison.Ordinal); // received 25 days ago: the nearest deadline
        Assert.Contains("due in 6 days", first, StringComparison.Ordinal);
        Assert.True(page.Find("[data-testid=request-create]").HasAttribute("disabled")); // nothing chosen yet
    }

    [Fact]
    public async Task A_held_erasure_shows_each_hold_and_cannot_be_requested()
    {
        await SignInAsAsync(Personas.DataProtection);
        var page = Render<PrivacyRequestPage>(p => p.Add(x => x.Id, RequestAsync(PrivacyRequestKind.Erasure, "by letter").Result));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=erasure-holds]")), TimeSpan.FromSeconds(10));
        Assert.Contains("enrolled", page.Find("[data-testid=erasure-holds]").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.True(page.Find("[data-testid=erasure-request]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task The_officer_who_requested_an_erasure_cannot_approve_it_and_another_can()
    {
        var id = await RequestAsync(PrivacyRequestKind.Erasure, "never applied");
        await SignInAsAsync(Personas.DataProtection);
        var page = Render<PrivacyRequestPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=erasure-request]")), TimeSpan.FromSeconds(10));
        var officer = await Institution.PersonaAsync(Personas.DataProtection);
        var detail = (await Institution.Get<Infrastructure.Privacy.PrivacyRequests>().GetAsync(officer, id))!;
        Assert.True((await Institution.Get<Infrastructure.Privacy.PrivacyRequests>().RequestErasureAsync(officer, id, detail.Version)).Succeeded);

        var mine = Render<PrivacyRequestPage>(p => p.Add(x => x.Id, id));
        mine.WaitForAssertion(() => Assert.NotNull(mine.Find("[data-testid=erasure-awaiting]")), TimeSpan.FromSeconds(10));
        Assert.Empty(mine.FindAll("[data-testid=erasure-approve]"));
        Assert.NotNull(mine.Find("[data-testid=erasure-withdraw]"));

        await SignInAsAsync(Personas.Admin);
        var theirs = Render<PrivacyRequestPage>(p => p.Add(x => x.Id, id));
        theirs.WaitForAssertion(() => Assert.NotNull(theirs.Find("[data-testid=erasure-approve]")), TimeSpan.FromSeconds(10));
        Assert.False(theirs.Find("[data-testid=erasure-approve]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Nobody_outside_the_privacy_office_sees_a_request()
    {
        await SignInAsAsync(Personas.CaseSupervisor);
        var page = Render<PrivacyRequestPage>(p => p.Add(x => x.Id, RequestAsync(PrivacyRequestKind.Access, "copy").Result));
        page.WaitForAssertion(() => Assert.Contains("No such request", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_profile_shows_the_consent_history_with_its_wording()
    {
        int objector;
        await using (var db = await Institution.OpenAsync()) objector = await db.ConsentRecords.Where(c => c.How == "gala registration form").Select(c => c.ConstituentId).FirstAsync();
        await SignInAsAsync(Personas.Advancement);
        var page = Render<ConstituentProfilePage>(p => p.Add(x => x.Id, objector));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=consent-row]")), TimeSpan.FromSeconds(10));
        var row = page.FindAll("[data-testid=consent-row]").Select(r => r.TextContent).Single(t => t.Contains("gala registration form", StringComparison.Ordinal));
        Assert.Contains("Given", row, StringComparison.Ordinal);
        Assert.Contains("gala registration form", row, StringComparison.Ordinal);
        Assert.Contains(ConsentRecord.StandardWording(ConsentKind.Email), row, StringComparison.Ordinal);
    }
}
