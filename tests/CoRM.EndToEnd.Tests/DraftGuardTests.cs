using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

/// <summary>
/// Issue 19, item 3: a dialog holding typed text is not lost to Escape, a click beside it, Back or Cancel without being
/// asked; an empty one closes at once; a double click saves once.
/// </summary>
public sealed class DraftGuardTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private async Task<(IPage Page, ILocator Dialog)> LogInteractionAsync()
    {
        var page = await session.SignedInAsync(Personas.Admissions);
        // Into the profile by a link inside the portal, as a person would: Back is then the portal's own navigation.
        await page.GotoAsync("/constituents?q=almeida");
        await page.Locator("[data-testid=search-results] a", new() { HasText = "Sofia Almeida" }).ClickAsync();
        await page.Locator("[data-testid=profile-name]", new() { HasText = "Sofia Almeida" }).WaitForAsync();
        await page.Locator("[data-testid=log-interaction]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.WaitForAsync();
        return (page, dialog);
    }

    [Fact]
    public async Task Typed_text_survives_escape_back_and_a_kept_cancel_and_goes_only_when_discarded()
    {
        var (page, dialog) = await LogInteractionAsync();
        await dialog.GetByLabel("Subject").FillAsync("Asked about housing");
        await dialog.GetByLabel("Notes").FillAsync("Wants a room near the campus from September.");

        await page.Keyboard.PressAsync("Escape");
        await page.WaitForTimeoutAsync(300);
        await Assertions.Expect(dialog.GetByLabel("Subject")).ToHaveValueAsync("Asked about housing");

        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit });
        var question = page.Locator(".mud-dialog", new() { HasText = "Leave without saving?" });
        await Assertions.Expect(question).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(400); // the question fades in
        await session.ScreenshotAsync(page, "80-leave-without-saving");
        await question.GetByRole(AriaRole.Button, new() { Name = "Stay" }).ClickAsync();
        await Assertions.Expect(dialog.GetByLabel("Subject")).ToHaveValueAsync("Asked about housing");
        Assert.Matches("/constituents/\\d+$", page.Url);

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        var discard = page.Locator(".mud-dialog", new() { HasText = "Discard what you entered?" });
        await discard.GetByRole(AriaRole.Button, new() { Name = "Keep editing" }).ClickAsync();
        await Assertions.Expect(dialog.GetByLabel("Notes")).ToHaveValueAsync("Wants a room near the campus from September.");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await discard.GetByRole(AriaRole.Button, new() { Name = "Discard" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        Assert.Equal(0, await session.CountAsync("SELECT COUNT(*) FROM Interactions WHERE Subject = $email", "Asked about housing"));
    }

    [Fact]
    public async Task An_empty_dialog_closes_on_escape_without_a_question()
    {
        var (page, dialog) = await LogInteractionAsync();
        await dialog.GetByLabel("Subject").FocusAsync(); // in the dialog, nothing typed
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_double_click_on_save_logs_the_interaction_once()
    {
        var (page, dialog) = await LogInteractionAsync();
        await dialog.GetByLabel("Subject").FillAsync("Double-click check");
        await dialog.Locator("[data-testid=save-interaction]").DblClickAsync();
        await Assertions.Expect(page.GetByText("Interaction logged.")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(1000); // a second save, had one started, lands by now
        Assert.Equal(1, await session.CountAsync("SELECT COUNT(*) FROM Interactions WHERE Subject = $email", "Double-click check"));
    }

    [Fact]
    public async Task Create_opportunity_waits_for_a_title_and_a_double_click_creates_one()
    {
        var page = await session.SignedInAsync(Personas.VolunteerCoordinator);
        await page.GotoAsync("/volunteering");
        await page.Locator("[data-testid=new-opportunity]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.Locator("[data-testid=save-opportunity]")).ToBeDisabledAsync();
        await dialog.GetByLabel("What volunteers do").FillAsync("Double-click cleanup day");
        await dialog.Locator("[data-testid=save-opportunity]").DblClickAsync();
        await Assertions.Expect(page.GetByText("Opportunity created.")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(1000); // a second create, had one started, lands by now
        Assert.Equal(1, await session.CountAsync("SELECT COUNT(*) FROM Opportunities WHERE Title = $email", "Double-click cleanup day"));
    }
}
