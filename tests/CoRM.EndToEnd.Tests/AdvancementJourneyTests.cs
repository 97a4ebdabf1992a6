using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

public sealed class AdvancementJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task A_gift_officer_records_a_gift_soft_credited_to_the_spouse()
    {
        var donor = await session.CountAsync("""
            SELECT r.SubjectId FROM Relationships r WHERE r.Kind = 2 AND EXISTS (SELECT 1 FROM Gifts g WHERE g.DonorId = r.SubjectId) AND $email = $email ORDER BY r.Id LIMIT 1
            """, "");
        var page = await session.SignedInAsync(Personas.Advancement);
        await page.GotoAsync($"/constituents/{donor}");
        var panel = page.Locator("[data-testid=donor-panel]");
        await panel.Locator("[data-testid=rfm]").WaitForAsync();
        await panel.Locator("[data-testid=giving-by-year] svg").First.WaitForAsync();
        await session.ScreenshotAsync(page, "30-donor-record");

        await panel.Locator("[data-testid=record-gift]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("[data-testid=save-gift]").ClickAsync();
        await Assertions.Expect(dialog.GetByText("Give the amount.")).ToBeVisibleAsync();
        await dialog.GetByLabel("Amount (EUR)").FillAsync("1500");
        await dialog.Locator("[data-testid=soft-credit-to]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await session.ScreenshotAsync(page, "31-record-gift");
        await dialog.Locator("[data-testid=save-gift]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Gift recorded");
        await Assertions.Expect(panel.Locator("[data-testid=donor-gifts] tr").First).ToContainTextAsync("1,500.00 EUR");
        await Assertions.Expect(panel.Locator("[data-testid=donor-gifts] tr").First).ToContainTextAsync("soft-credited");

        await page.Locator("[data-testid=nav] a", new() { HasText = "Gifts" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=gifts] tbody tr").First).ToContainTextAsync("1,500.00");
        await session.ScreenshotAsync(page, "32-gifts");
        Assert.Equal(1, await session.CountAsync($"SELECT COUNT(*) FROM FollowUps WHERE ConstituentId = {donor} AND Title LIKE 'Thank %' AND $email = $email", ""));
    }
}
