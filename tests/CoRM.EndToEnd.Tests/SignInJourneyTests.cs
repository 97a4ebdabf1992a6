using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

public sealed partial class SignInJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/");
        await page.WaitForURLAsync(SignInUrl());
        await page.Locator($"[data-testid='sign-in-{email}']").ClickAsync();
    }

    private static async Task<IReadOnlyList<string>> NavigationLabelsAsync(IPage page)
    {
        var nav = page.Locator("[data-testid=nav]");
        await nav.Locator("a").First.WaitForAsync();
        return (await nav.Locator("a").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
    }

    [Fact]
    public async Task Admissions_officer_finds_a_student_and_logs_a_call()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForURLAsync(SignInUrl());
        await page.Locator("[data-testid=personas]").WaitForAsync();
        await Assertions.Expect(page.Locator("main")).ToHaveCountAsync(1); // one landmark for the page's own content
        await session.ScreenshotAsync(page, "01-sign-in");

        await page.Locator($"[data-testid='sign-in-{Personas.Admissions}']").ClickAsync();
        await page.WaitForURLAsync(PathIs("/dashboard"));
        await page.Locator("[data-testid=dashboard-figures]").WaitForAsync();
        await Assertions.Expect(page.Locator("main [data-testid=dashboard-figures]")).ToHaveCountAsync(1);
        Assert.Equal(200, (await page.APIRequest.GetAsync(await page.Locator("link[rel=icon]").GetAttributeAsync("href") ?? "/favicon.svg")).Status);
        Assert.Equal("Priya Nair", (await page.Locator("[data-testid=signed-in-user]").InnerTextAsync()).Trim());
        var nav = await NavigationLabelsAsync(page);
        Assert.Equal(["Dashboard", "Constituents", "My follow-ups", "Import contacts", "Pipeline", "Funnel", "Family requests"], nav);
        await page.Locator("[data-testid=hat-chart] svg").First.WaitForAsync();
        await session.ScreenshotAsync(page, "02-admissions-dashboard");

        await page.Locator("[data-testid=nav] a", new() { HasText = "Constituents" }).ClickAsync();
        await page.GetByLabel("Search by name, e-mail or id").FillAsync("almeida");
        var sofia = page.Locator("[data-testid=search-results] a", new() { HasText = "Sofia Almeida" });
        await sofia.WaitForAsync();
        await session.ScreenshotAsync(page, "03-constituent-search");

        await sofia.ClickAsync();
        await page.Locator("[data-testid=profile-name]", new() { HasText = "Sofia Almeida" }).WaitForAsync();
        await page.Locator("[data-testid=log-interaction]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.WaitForAsync();

        // Without a subject there is nothing to save: the button waits, and nothing is logged.
        await Assertions.Expect(dialog.Locator("[data-testid=save-interaction]")).ToBeDisabledAsync();

        await dialog.GetByLabel("Subject").FillAsync("Called about the scholarship deadline");
        await dialog.GetByLabel("Notes").FillAsync("She will send the form by Friday.");
        await session.ScreenshotAsync(page, "04-log-interaction-dialog");
        await dialog.Locator("[data-testid=save-interaction]").ClickAsync();

        await Assertions.Expect(page.GetByText("Interaction logged.")).ToBeVisibleAsync();
        var firstRow = page.Locator("[data-testid=timeline] tbody tr").First;
        await Assertions.Expect(firstRow).ToContainTextAsync("Called about the scholarship deadline");
        await session.ScreenshotAsync(page, "05-profile-with-new-interaction");
    }

    [Fact]
    public async Task Faculty_member_sees_their_advisees_and_only_their_own_navigation()
    {
        var page = await session.NewPageAsync();
        await SignInAsync(page, Personas.Faculty);
        await page.WaitForURLAsync(PathIs("/advising"));

        Assert.Equal("Helena Marques", (await page.Locator("[data-testid=signed-in-user]").InnerTextAsync()).Trim());
        var nav = await NavigationLabelsAsync(page);
        Assert.Equal(["Dashboard", "My advisees", "Constituents", "My follow-ups"], nav);
        var advisees = await session.CountAsync(
            "SELECT COUNT(*) FROM Relationships r JOIN Constituents a ON a.Id = r.RelatedId WHERE r.Kind = 6 AND r.EndDate IS NULL AND a.Email = $email",
            Personas.Faculty);
        // Retries until the table has loaded (while loading it shows a single placeholder row).
        await Assertions.Expect(page.Locator("[data-testid=advisees] [data-testid=advisee]")).ToHaveCountAsync(Math.Min(25, advisees));
        await session.ScreenshotAsync(page, "06-faculty-advisees");

        // Someone else's page is refused.
        await page.GotoAsync("/admin/audit");
        await page.WaitForURLAsync(PathIs("/account/access-denied"));
    }

    [Fact]
    public async Task Parent_sees_only_the_child_who_granted_access()
    {
        var page = await session.NewPageAsync();
        await SignInAsync(page, Personas.Parent);
        await page.WaitForURLAsync(PathIs("/family"));

        var nav = await NavigationLabelsAsync(page);
        Assert.Equal(["My children", "Apply for a child"], nav);
        var cards = page.Locator("[data-testid=child-card]");
        await Assertions.Expect(cards).ToHaveCountAsync(1);
        await Assertions.Expect(cards.First).ToContainTextAsync("Sofia Almeida");
        await session.ScreenshotAsync(page, "07-parent-family");
    }

    private static Regex PathIs(string path) => new($"^https?://[^/]+{Regex.Escape(path)}(\\?.*)?$");

    [GeneratedRegex("/account/sign-in")]
    private static partial Regex SignInUrl();
}
