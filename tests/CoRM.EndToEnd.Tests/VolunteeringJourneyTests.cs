using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

public sealed class VolunteeringJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Coordinator_creates_a_shift_assigns_two_volunteers_one_cancels_and_the_waitlisted_one_is_promoted()
    {
        var page = await session.SignedInAsync(Personas.VolunteerCoordinator);
        await page.Locator("[data-testid=nav] a", new() { HasText = "Shift calendar" }).ClickAsync();
        await page.Locator("[data-testid=calendar]").WaitForAsync();
        await page.Locator("[data-testid=calendar-shift]").First.WaitForAsync();
        await session.ScreenshotAsync(page, "17-shift-calendar-week");

        await page.Locator("[data-testid=new-opportunity]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByLabel("What volunteers do").FillAsync("Library book sale");
        await dialog.Locator("[data-testid=save-opportunity]").ClickAsync();
        await Assertions.Expect(page.GetByText("Opportunity created.")).ToBeVisibleAsync();

        await page.Locator("[data-testid=new-shift]").ClickAsync();
        dialog = page.Locator(".mud-dialog");
        // Nothing is chosen for the coordinator: Create waits until the shift is described.
        await Assertions.Expect(dialog.Locator("[data-testid=save-shift]")).ToBeDisabledAsync();
        await dialog.Locator("[data-testid=shift-opportunity]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Library book sale" }).ClickAsync();
        await dialog.GetByLabel("Date", new() { Exact = true }).FillAsync(DateTime.UtcNow.AddDays(7).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await dialog.GetByLabel("Date", new() { Exact = true }).PressAsync("Tab");
        await dialog.GetByLabel("Starts (Lisbon time)").FillAsync("09:00");
        await dialog.GetByLabel("Starts (Lisbon time)").PressAsync("Tab");
        await dialog.GetByLabel("Ends (Lisbon time)").FillAsync("12:00");
        await dialog.GetByLabel("Ends (Lisbon time)").PressAsync("Tab");
        await dialog.GetByLabel("Capacity").FillAsync("0");
        await dialog.GetByLabel("Capacity").PressAsync("Tab");
        await Assertions.Expect(dialog.GetByText("Between 1 and 500 volunteers.")).ToBeVisibleAsync(); // said, not silently changed to 1
        await Assertions.Expect(dialog.Locator("[data-testid=save-shift]")).ToBeDisabledAsync();
        await dialog.GetByLabel("Capacity").FillAsync("1");
        await dialog.GetByLabel("Capacity").PressAsync("Tab");
        await dialog.GetByLabel("Minimum staffing (optional)").FillAsync("1");
        await dialog.GetByLabel("Minimum staffing (optional)").PressAsync("Tab");
        await session.ScreenshotAsync(page, "17b-new-shift");
        await dialog.Locator("[data-testid=save-shift]").ClickAsync();
        await Assertions.Expect(page.GetByText("Shift created.")).ToBeVisibleAsync();

        await page.Locator("[data-testid=next]").ClickAsync();
        var shift = page.Locator("[data-testid=calendar-shift]", new() { HasText = "Library book sale" });
        await Assertions.Expect(shift).ToContainTextAsync("Understaffed");
        await shift.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=shift-status]")).ToContainTextAsync("Understaffed");

        // First volunteer fills the only place; the second is refused as over capacity, then waitlisted.
        var candidates = page.Locator("[data-testid=candidate]");
        var first = (await candidates.Nth(0).Locator("p").First.InnerTextAsync()).Trim();
        var second = (await candidates.Nth(1).Locator("p").First.InnerTextAsync()).Trim();
        await candidates.Nth(0).Locator("[data-testid=assign]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=shift-status]")).ToContainTextAsync("Full");
        await page.Locator("[data-testid=candidate]", new() { HasText = second }).Locator("[data-testid=assign]").ClickAsync();
        await Assertions.Expect(page.GetByText("The shift is full (1 of 1). Add them to the waitlist instead.")).ToBeVisibleAsync();
        await page.Locator("[data-testid=candidate]", new() { HasText = second }).Locator("[data-testid=waitlist]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=roster-row]", new() { HasText = second })).ToContainTextAsync("Waitlist #1");
        await session.ScreenshotAsync(page, "18-shift-full-with-waitlist");

        await page.Locator("[data-testid=roster-row]", new() { HasText = first }).Locator("[data-testid=cancel-sign-up]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=roster-row]", new() { HasText = second })).ToContainTextAsync("Confirmed");
        await Assertions.Expect(page.Locator("[data-testid=roster-row]", new() { HasText = first })).ToContainTextAsync("Cancelled");
        await session.ScreenshotAsync(page, "19-waitlist-promoted");
    }

    [Fact]
    public async Task A_volunteer_signs_up_for_an_open_shift_and_sees_it_with_a_calendar_address()
    {
        var page = await session.SignedInAsync(Personas.Volunteer);
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/volunteer$"));
        Assert.Equal(["My volunteering"], (await page.Locator("[data-testid=nav] a").AllInnerTextsAsync()).Select(t => t.Trim()).ToList());

        var open = page.Locator("[data-testid=open-shift]", new() { Has = page.Locator("[data-testid=sign-up]", new() { HasText = "Sign up" }) }).First;
        var what = (await open.Locator("[data-testid=shift-what]").InnerTextAsync()).Trim();
        var when = (await open.Locator("[data-testid=shift-when]").InnerTextAsync()).Trim();
        await open.Locator("[data-testid=sign-up]").ClickAsync();
        await Assertions.Expect(page.GetByText("You're signed up. Thank you!")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=my-shift]", new() { HasText = when }).Filter(new() { HasText = what })).ToContainTextAsync("confirmed");
        await Assertions.Expect(page.Locator("input[data-testid=calendar-feed], [data-testid=calendar-feed] input").First).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/volunteer/calendar.ics\\?token="));
        await session.ScreenshotAsync(page, "20-volunteer-self-service");
    }
}
