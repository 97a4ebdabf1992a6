using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

public sealed class DataStewardJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task A_data_steward_reviews_a_possible_duplicate_merges_it_and_the_old_id_leads_to_the_survivor()
    {
        // The demo has people recorded twice (a guest list typed without an e-mail, a form read the other way round).
        var page = await session.SignedInAsync(Personas.DataSteward);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/constituents/duplicates$"));
        var rows = page.Locator("[data-testid=duplicates] tbody tr");
        await Assertions.Expect(rows.Filter(new() { HasText = "same birth date" }).First).ToBeVisibleAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync("same e-mail"); // best match first
        await session.ScreenshotAsync(page, "45-duplicate-queue");

        await page.Locator("[data-testid=reason]").FillAsync("swapped");
        var swapped = rows.Filter(new() { HasText = "swapped" }).First;
        await Assertions.Expect(swapped).ToBeVisibleAsync();
        await swapped.Locator("[data-testid=compare]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=page-title]")).ToHaveTextAsync("Merge two records");
        await Assertions.Expect(page.GetByText("What moves to")).ToBeVisibleAsync();
        var merge = page.Locator("[data-testid=merge]");
        var label = await merge.InnerTextAsync();
        var ids = System.Text.RegularExpressions.Regex.Matches(label, @"C-(\d+)").Select(m => m.Groups[1].Value).ToArray();
        var (merged, survivor) = (ids[0], ids[1]);
        await session.ScreenshotAsync(page, "46-merge-two-records");
        await merge.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/constituents/{survivor}$"));
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("merged into");
        Assert.Equal(1, await session.CountAsync($"SELECT COUNT(*) FROM Constituents WHERE Id = {merged} AND MergedIntoId = {survivor} AND $email = $email", ""));

        // An old link to the merged record lands on the survivor, saying so.
        await page.GotoAsync($"/constituents/{merged}");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/constituents/{survivor}\\?merged={merged}$"));
        await Assertions.Expect(page.Locator("[data-testid=merged-notice]")).ToContainTextAsync($"C-{merged} was merged into this record");
        await session.ScreenshotAsync(page, "47-old-id-redirects");

        // The pair is no longer waiting for review.
        await page.GotoAsync("/constituents/duplicates");
        await page.Locator(".mud-toggle-item", new() { HasText = "Merged" }).ClickAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync("swapped");
    }
}
