using CoRM.Portal.Tests.Support;
using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

/// <summary>
/// The portal restarts under a signed-in user (a deploy, or their instance failing behind a load balancer): the page
/// says what is happening, and once a portal answers again on the address the user is back on the same view, signed in,
/// with nothing to retype — the advisee list's filters, sort and page come back from the URL.
/// </summary>
public sealed class ReconnectionJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task After_a_restart_the_user_is_back_on_the_same_filtered_sorted_list_without_signing_in()
    {
        var first = await PortalFactory.CreateAsync();
        first.KeepFiles = true;
        var address = first.StartOnKestrel();
        var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, Locale = "en-GB",
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.Locator($"[data-testid='sign-in-{Personas.Faculty}']").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/advising$"));

        // The view comes from the URL: high risk only, by name A→Z.
        await page.GotoAsync("/advising?risk=High&sort=Name&dir=asc");
        var risks = page.Locator("[data-testid=advisees] [data-testid=advisee-risk]");
        await Assertions.Expect(risks.First).ToContainTextAsync("High");
        var names = await NamesAsync(page);
        Assert.Equal(names.Order(StringComparer.CurrentCultureIgnoreCase), names);
        Assert.All(await risks.AllInnerTextsAsync(), r => Assert.Contains("High", r));

        // And goes back into it: sorting Z→A rewrites the address (without a new history entry).
        await page.Locator("[data-testid=advisees] th", new() { HasText = "Student" }).Locator(".mud-table-sort-label").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sort=Name") && url.Contains("dir=desc") && url.Contains("risk=High"));
        // The address changes as the click is handled; the rows follow in the next render.
        await Assertions.Expect(page.Locator("[data-testid=advisees] [data-testid=advisee] a").First).ToHaveTextAsync(names[^1]);
        var descending = await NamesAsync(page);
        Assert.Equal(names.AsEnumerable().Reverse(), descending);

        // The portal goes away: the user is told, in plain words.
        var directory = first.Directory;
        await first.DisposeAsync();
        var modal = page.Locator("[data-testid=reconnect-modal]");
        await Assertions.Expect(modal).ToBeVisibleAsync();
        await Assertions.Expect(modal).ToContainTextAsync("Connection to CoRM lost");
        await page.WaitForTimeoutAsync(2000); // the dialog fades in; the screenshot is for people to look at
        await session.ScreenshotAsync(page, "80-reconnecting-after-the-portal-went-away");

        // A portal comes back on the address (same database, so the same data-protection keys): the page reloads
        // itself onto the same view, still signed in.
        await using var second = PortalFactory.Restart(directory);
        second.StartOnKestrel(address.Port);
        await Assertions.Expect(modal).Not.ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.WaitForURLAsync(url => url.Contains("sort=Name") && url.Contains("dir=desc") && url.Contains("risk=High"));
        await Assertions.Expect(page.Locator("[data-testid=page-title]")).ToHaveTextAsync("My advisees", new() { Timeout = 30_000 });
        await Assertions.Expect(risks.First).ToContainTextAsync("High");
        Assert.Equal(descending, await NamesAsync(page));
        await session.ScreenshotAsync(page, "81-back-on-the-same-view-after-a-restart");
        await context.CloseAsync();
    }

    private static async Task<IReadOnlyList<string>> NamesAsync(IPage page) =>
        (await page.Locator("[data-testid=advisees] [data-testid=advisee] a").AllInnerTextsAsync()).Select(n => n.Trim()).ToList();
}
