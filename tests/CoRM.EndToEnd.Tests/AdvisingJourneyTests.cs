using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

public sealed class AdvisingJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Faculty_sorts_advisees_by_risk_opens_the_top_one_and_logs_a_meeting()
    {
        var page = await session.SignedInAsync(Personas.Faculty);
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/advising$"));

        // Highest risk first by default; the top row is High and says why.
        var first = page.Locator("[data-testid=advisees] [data-testid=advisee-risk]").First;
        await Assertions.Expect(first).ToContainTextAsync("High");
        await session.ScreenshotAsync(page, "10-advisees-by-risk");

        // Sorting by risk the other way puts a low-risk student on top; back again for the journey.
        var riskHeader = page.Locator("[data-testid=advisees] th", new() { HasText = "Risk" });
        await riskHeader.Locator(".mud-table-sort-label").ClickAsync();
        await Assertions.Expect(first).ToContainTextAsync("Low");
        await riskHeader.Locator(".mud-table-sort-label").ClickAsync();
        await Assertions.Expect(first).ToContainTextAsync("High");

        var top = page.Locator("[data-testid=advisees] [data-testid=advisee] a").First;
        var name = (await top.InnerTextAsync()).Trim();
        await top.ClickAsync();
        await page.Locator("[data-testid=profile-name]", new() { HasText = name }).WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=risk-band]")).ToContainTextAsync("High");
        await Assertions.Expect(page.Locator("[data-testid=risk-factors]")).ToContainTextAsync("courses");
        await session.ScreenshotAsync(page, "11-student-risk-drill-in");

        await page.Locator("[data-testid=log-interaction]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByLabel("Subject").FillAsync("Advising meeting about failed courses");
        await dialog.GetByLabel("Notes").FillAsync("Agreed a study plan and a tutor for two courses.");
        await dialog.Locator("[data-testid=save-interaction]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=timeline] tbody tr").First).ToContainTextAsync("Advising meeting about failed courses");
        await session.ScreenshotAsync(page, "12-meeting-on-timeline");

        await page.Locator("[data-testid=raise-flag]").ClickAsync();
        dialog = page.Locator(".mud-dialog");
        await dialog.GetByLabel("What worries you").FillAsync("Works nights; may leave at the end of term");
        await dialog.Locator("[data-testid=save-flag]").ClickAsync();
        await Assertions.Expect(page.GetByText("Flag raised: student success has it on their list.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=timeline] tbody tr").First).ToContainTextAsync("Flag raised for student success");
    }
}
