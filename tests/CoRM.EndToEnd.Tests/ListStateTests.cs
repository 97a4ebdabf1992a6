using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

/// <summary>
/// Issue 19, item 6: a list's filters and page live in the address, so Back from a record, a reload and a shared link
/// return to the same view.
/// </summary>
public sealed partial class ListStateTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Back_from_a_donor_and_a_reload_return_to_the_same_fund_and_page_of_gifts()
    {
        var page = await session.SignedInAsync(Personas.Advancement);
        await page.GotoAsync("/advancement/gifts");
        var rows = page.Locator("[data-testid=gifts] tbody tr");
        await rows.First.WaitForAsync();
        var pager = page.Locator(".mud-table-page-number-information");
        var allFunds = (await pager.InnerTextAsync()).Trim();

        await page.Locator("[data-testid=gifts-fund]").ClickAsync();
        var fund = page.Locator(".mud-popover-open .mud-list-item").First;
        var fundName = (await fund.InnerTextAsync()).Trim();
        await fund.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]fund=\d+"));
        await Assertions.Expect(pager).Not.ToHaveTextAsync(allFunds); // the count comes with the fund's rows
        var pageOneFirstRow = (await rows.First.InnerTextAsync()).Trim();
        await page.GetByLabel("Next page").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]page=2"));
        // The address changes as the click lands; the rows once the server has answered: read them after that.
        await Assertions.Expect(rows.First).Not.ToHaveTextAsync(pageOneFirstRow);
        var firstRow = (await rows.First.InnerTextAsync()).Trim();
        Assert.Contains(fundName, firstRow);
        var address = page.Url;

        await rows.First.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/constituents/\\d+"));
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(address);
        await Assertions.Expect(rows.First).ToHaveTextAsync(firstRow);
        await Assertions.Expect(page.Locator("[data-testid=gifts-fund]")).ToContainTextAsync(fundName);

        await page.ReloadAsync();
        await Assertions.Expect(rows.First).ToHaveTextAsync(firstRow);
        await Assertions.Expect(page).ToHaveURLAsync(address);

        // A link sent to a colleague (another browser) opens the same view.
        var colleague = await session.SignedInAsync(Personas.Advancement);
        await colleague.GotoAsync(address);
        await Assertions.Expect(colleague.Locator("[data-testid=gifts] tbody tr").First).ToHaveTextAsync(firstRow);
    }

    [Fact]
    public async Task A_filtered_duplicate_queue_survives_a_reload_and_a_filter_change_starts_again_at_page_one()
    {
        var page = await session.SignedInAsync(Personas.DataSteward);
        await page.GotoAsync("/constituents/duplicates?page=2&reason=zzz-no-such-reason");
        // A shared link with a filter: the filter is applied, shown in its box.
        await Assertions.Expect(page.Locator("input[data-testid=reason], [data-testid=reason] input").First).ToHaveValueAsync("zzz-no-such-reason");

        await page.GotoAsync("/constituents/duplicates");
        await page.Locator("[data-testid=duplicates] tbody tr").First.WaitForAsync();
        await page.Locator("[data-testid=min-score]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "90" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]min-score=90"));
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-testid=min-score]")).ToContainTextAsync("90");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]min-score=90"));
        Assert.DoesNotContain("page=", page.Url);
    }

    [Fact]
    public async Task A_client_sorted_list_keeps_its_sort_in_the_address_through_a_reload_and_back()
    {
        var page = await session.SignedInAsync(Personas.VolunteerCoordinator);
        await page.GotoAsync("/volunteering/recognition");
        var rows = page.Locator("[data-testid=board-candidates] tbody tr");
        await rows.First.WaitForAsync();
        var byName = page.Locator("[data-testid=board-candidates] thead th", new() { HasText = "Volunteer" }).Locator(".mud-table-sort-label");

        await byName.ClickAsync();
        await byName.ClickAsync(); // Z to A: not the usual order (most shifts first)
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]sort=-name\b"));
        var names = (await page.Locator("[data-testid=board-candidates] tbody tr td:first-child").AllInnerTextsAsync()).Select(n => n.Trim()).ToList();
        Assert.Equal(names.OrderByDescending(n => n, StringComparer.CurrentCulture), names);
        var lastName = names[0];

        await page.ReloadAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync(lastName);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]sort=-name\b"));

        // Away by the menu and Back: the same order.
        await page.Locator("[data-testid=nav] a", new() { HasText = "Shift calendar" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/volunteering$"));
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]sort=-name\b"));
        await Assertions.Expect(rows.First).ToContainTextAsync(lastName);

        // Another column takes over the address; nonsense in it leaves the list in its natural order rather than failing.
        // Back re-creates the page in the circuit and MudTable sorts once more after its first render, replacing the
        // labels' click handlers: a click in that moment reaches a handler that is gone and Blazor drops it (seen on a cold
        // first run). A person clicks again; so does the test, at most three times.
        var byHours = page.Locator("[data-testid=board-candidates] thead th", new() { HasText = "Hours" }).Locator(".mud-table-sort-label");
        for (var attempt = 1; ; attempt++)
        {
            await byHours.ClickAsync();
            try
            {
                await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]sort=hours\b"), new() { Timeout = 3000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
        await page.GotoAsync("/volunteering/recognition?sort=zzz");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_dashboard_period_and_the_board_filters_come_back_after_a_reload_and_back()
    {
        var page = await session.SignedInAsync(Personas.Advancement);
        await page.GotoAsync("/engagement");
        await page.Locator("[data-testid=mission-period-text]").WaitForAsync();
        var twelveMonths = (await page.Locator("[data-testid=mission-period-text]").InnerTextAsync()).Trim();
        await page.Locator("[data-testid=mission-period]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Last 90 days" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]period=Last90Days\b"));
        await Assertions.Expect(page.Locator("[data-testid=mission-period-text]")).Not.ToHaveTextAsync(twelveMonths);
        var periodText = (await page.Locator("[data-testid=mission-period-text]").InnerTextAsync()).Trim();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-testid=mission-period]")).ToContainTextAsync("Last 90 days");
        await Assertions.Expect(page.Locator("[data-testid=mission-period-text]")).ToHaveTextAsync(periodText);

        var admissions = await session.SignedInAsync(Personas.Admissions);
        await admissions.GotoAsync("/admissions");
        await admissions.Locator("[data-testid=filter-programme]").ClickAsync();
        var programme = admissions.Locator(".mud-popover-open .mud-list-item").First;
        var programmeName = (await programme.InnerTextAsync()).Trim();
        await programme.ClickAsync();
        await Assertions.Expect(admissions).ToHaveURLAsync(new Regex(@"[?&]programme=\d+"));
        // Every term: the term's clear button (the board's usual view is the current intake).
        await admissions.Locator(".mud-select", new() { Has = admissions.Locator("[data-testid=filter-term]") }).Locator(".mud-input-clear-button").ClickAsync();
        await Assertions.Expect(admissions).ToHaveURLAsync(new Regex(@"[?&]term=all\b"));
        var address = admissions.Url;

        await admissions.ReloadAsync();
        await Assertions.Expect(admissions.Locator("[data-testid=filter-programme]")).ToContainTextAsync(programmeName);
        await Assertions.Expect(admissions).ToHaveURLAsync(address);
        // A mangled link falls back to the usual board rather than an empty one.
        await admissions.GotoAsync("/admissions?programme=999999&term=banana");
        await Assertions.Expect(admissions.Locator("[data-testid=filter-programme]")).Not.ToContainTextAsync(programmeName);
    }
}
