using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

public sealed class FollowUpJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private static async Task OpenProfileAsync(IPage page, string search, string name)
    {
        await page.GotoAsync($"/constituents?q={Uri.EscapeDataString(search)}");
        await page.Locator("[data-testid=search-results] a", new() { HasText = name }).ClickAsync();
        await page.Locator("[data-testid=profile-name]", new() { HasText = name }).WaitForAsync();
    }

    [Fact]
    public async Task A_follow_up_created_on_a_profile_is_completed_from_my_follow_ups()
    {
        var page = await session.SignedInAsync(Personas.StudentSuccess);
        await OpenProfileAsync(page, "tiago", "Tiago Almeida");

        await page.Locator("[data-testid=new-follow-up]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByLabel("What needs doing").FillAsync("Check Tiago's attendance with his tutors");
        await dialog.Locator("[data-testid=save-follow-up]").ClickAsync();
        await Assertions.Expect(page.GetByText("Follow-up created.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=profile-follow-ups]")).ToContainTextAsync("Check Tiago's attendance with his tutors");

        await page.Locator("[data-testid=nav] a", new() { HasText = "My follow-ups" }).ClickAsync();
        var row = page.Locator("[data-testid=follow-ups] tr", new() { HasText = "Check Tiago's attendance" });
        await row.Locator("[data-testid=complete-follow-up]").ClickAsync();
        dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.Locator("[data-testid=confirm-complete]")).ToBeDisabledAsync(); // waits for an outcome
        await dialog.GetByLabel("Outcome").FillAsync("Tutors report full attendance since October.");
        await session.ScreenshotAsync(page, "08-complete-follow-up");
        await dialog.Locator("[data-testid=confirm-complete]").ClickAsync();

        await Assertions.Expect(page.GetByText("Follow-up completed.")).ToBeVisibleAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await page.Locator("[data-testid=follow-up-filter] button", new() { HasText = "Completed" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=follow-ups]")).ToContainTextAsync("Tutors report full attendance since October.");
    }

    [Fact]
    public async Task Two_people_editing_the_same_record_the_second_gets_a_clear_conflict_message()
    {
        var first = await session.SignedInAsync(Personas.Admissions);
        var second = await session.SignedInAsync(Personas.Advancement);
        await OpenProfileAsync(first, "sofia", "Sofia Almeida");
        await OpenProfileAsync(second, "sofia", "Sofia Almeida");
        await first.Locator("[data-testid=edit-details]").ClickAsync();
        await second.Locator("[data-testid=edit-details]").ClickAsync();

        await first.Locator(".mud-dialog").GetByLabel("Region").FillAsync("Algarve");
        await first.Locator("[data-testid=save-details]").ClickAsync();
        await Assertions.Expect(first.GetByText("Details saved.")).ToBeVisibleAsync();

        var dialog = second.Locator(".mud-dialog");
        await dialog.GetByLabel("Region").FillAsync("Azores");
        await dialog.Locator("[data-testid=save-details]").ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-testid=dialog-error]")).ToContainTextAsync("Someone else changed this record");
        await session.ScreenshotAsync(second, "09-edit-conflict");

        await dialog.Locator("[data-testid=reload-latest]").ClickAsync();
        await Assertions.Expect(second.Locator("table", new() { HasText = "Region" })).ToContainTextAsync("Algarve");
    }

    [Fact]
    public async Task A_bad_email_is_refused_with_a_message_and_nothing_changes()
    {
        var page = await session.SignedInAsync(Personas.Admin);
        await OpenProfileAsync(page, "tiago", "Tiago Almeida");
        var before = await page.Locator("[data-testid=profile-email]").InnerTextAsync();

        await page.Locator("[data-testid=edit-details]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByLabel("Primary e-mail").FillAsync("tiago at home");
        await dialog.Locator("[data-testid=save-details]").ClickAsync();
        await Assertions.Expect(dialog.GetByText("is not a valid e-mail address")).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        Assert.Equal(before, await page.Locator("[data-testid=profile-email]").InnerTextAsync());
    }
}
