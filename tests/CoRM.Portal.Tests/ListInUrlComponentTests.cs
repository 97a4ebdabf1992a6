using Bunit;
using CoRM.Portal.Components.Pages.Advancement;
using CoRM.Portal.Components.Pages.Cases;
using CoRM.Portal.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Portal.Tests;

/// <summary>Issue 19, item 6: a list opened from an address shows the view it names, and writes its view back.</summary>
public sealed class ListInUrlComponentTests : PortalComponentTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Render<MudPopoverProvider>();
    }

    [Fact]
    public async Task A_shared_link_to_the_second_page_of_one_funds_gifts_opens_that_page_and_keeps_it_in_the_address()
    {
        await SignInAsAsync(Personas.Advancement);
        await using var db = await Institution.OpenAsync();
        var fund = await db.Gifts.GroupBy(g => g.FundId).Where(g => g.Count() > 30).Select(g => g.Key).FirstAsync();
        var expected = await db.Gifts.Where(g => g.FundId == fund).CountAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/advancement/gifts?fund={fund}&page=2&size=10");

        var page = Render<GiftsPage>();

        page.WaitForAssertion(() => Assert.Contains($"11-20 of {expected}", page.Find(".mud-table-page-number-information").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal(10, page.FindAll("[data-testid=gifts] tbody tr").Count);
        var written = JSInterop.Invocations["cormKeepListInUrl"][^1].Arguments;
        Assert.Equal("/advancement/gifts", written[0]);
        Assert.Matches($"fund={fund}", (string)written[1]!);
        Assert.Matches("page=2", (string)written[1]!);
        Assert.Matches("size=10", (string)written[1]!);
    }

    [Fact]
    public async Task Nonsense_in_the_address_falls_back_to_the_first_page_and_no_filter()
    {
        await SignInAsAsync(Personas.Advancement);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/advancement/gifts?fund=999999&page=-4&size=7");

        var page = Render<GiftsPage>();

        page.WaitForAssertion(() => Assert.StartsWith("1-25 of", page.Find(".mud-table-page-number-information").TextContent.Trim()), TimeSpan.FromSeconds(10));
        var written = (string)JSInterop.Invocations["cormKeepListInUrl"][^1].Arguments[1]!;
        Assert.DoesNotContain("fund=", written);
        Assert.DoesNotContain("page=", written);
        Assert.DoesNotContain("size=", written);
    }

    [Fact]
    public async Task A_case_worker_given_a_link_to_another_workers_caseload_sees_only_their_own()
    {
        await SignInAsAsync(Personas.CaseWorker);
        await using var db = await Institution.OpenAsync();
        var other = await db.PortalUsers.Where(u => u.Email == Personas.CaseSupervisor).Select(u => u.ConstituentId).SingleAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/cases?worker={other}");

        var page = Render<CaseloadPage>();

        page.WaitForAssertion(() => Assert.Equal("My caseload", page.Find("[data-testid=page-title]").TextContent), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.DoesNotContain("worker=", (string)JSInterop.Invocations["cormKeepListInUrl"][^1].Arguments[1]!), TimeSpan.FromSeconds(10));
    }
}
