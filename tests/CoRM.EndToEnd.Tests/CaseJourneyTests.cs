using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

public sealed class CaseJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task A_case_worker_takes_a_call_sees_the_flag_opens_the_case_logs_a_restricted_note_and_schedules_a_review_and_the_advisor_sees_none_of_it()
    {
        var page = await session.SignedInAsync(Personas.CaseWorker);
        await page.Locator("[data-testid=nav] a", new() { HasText = "Who is calling?" }).ClickAsync();
        // The caller gives the number their own way.
        await page.Locator("[data-testid=caller-term]").FillAsync("00351 913-555-017");
        var match = page.Locator("[data-testid=caller-match]");
        await Assertions.Expect(match).ToHaveCountAsync(1);
        await Assertions.Expect(match.Locator("[data-testid=caller-flag]", new() { HasText = "History of self-harm" })).ToBeVisibleAsync();
        var student = (await match.Locator("[data-testid=caller-name]").InnerTextAsync()).Trim();
        await session.ScreenshotAsync(page, "51-caller-lookup");

        await match.Locator("[data-testid=caller-case]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/cases/\d+$"));
        var caseId = page.Url.Split('/').Last();
        await Assertions.Expect(page.Locator("[data-testid=flag-banner]")).ToContainTextAsync("History of self-harm");
        await Assertions.Expect(page.Locator("[data-testid=case-notes] tbody tr")).ToHaveCountAsync(3);

        // A note only the case team may read.
        var form = page.Locator("[data-testid=note-form]");
        await form.Locator("[data-testid=note-channel]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Phone" }).First.ClickAsync();
        await form.Locator("[data-testid=note-subject]").FillAsync("Evening call: feeling unsafe after an argument");
        await form.Locator("[data-testid=note-text]").FillAsync("Went through the safety plan together; agreed to call the crisis line if it gets worse.");
        await form.GetByText("Case team only").ClickAsync();
        await form.Locator("[data-testid=save-note]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Note added");
        var note = page.Locator("[data-testid=case-notes] tbody tr", new() { HasText = "Evening call" });
        await Assertions.Expect(note).ToContainTextAsync("Case team only");
        await session.ScreenshotAsync(page, "52-case-with-flag-and-note");

        // The plan: schedule a review three weeks out.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Plan" }).ClickAsync();
        var on = DateTime.UtcNow.Date.AddDays(21);
        await page.GetByLabel("Schedule a review on").FillAsync(on.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Schedule a review on").PressAsync("Tab");
        await page.Locator("[data-testid=schedule-review]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Review scheduled");
        Assert.Equal(1, await session.CountAsync($"SELECT COUNT(*) FROM CaseReviews WHERE CaseId = {caseId} AND DueOn = '{on:yyyy-MM-dd}' AND $email = $email", ""));
        await session.ScreenshotAsync(page, "53-case-plan");

        // Her advisor opens the same student: no case, no case note, no case flag; only the flag meant for all staff.
        var helena = await session.SignedInAsync(Personas.Faculty);
        var clientId = await session.TextAsync($"SELECT ConstituentId FROM CaseClients WHERE CaseId = {caseId} AND $p = $p", "");
        await helena.GotoAsync($"/constituents/{clientId}");
        await Assertions.Expect(helena.Locator("[data-testid=profile-name]")).ToHaveTextAsync(student);
        await Assertions.Expect(helena.Locator("[data-testid=flag-banner]")).ToContainTextAsync("Prefers e-mail");
        await Assertions.Expect(helena.Locator("[data-testid=timeline] tbody tr").First).ToBeVisibleAsync();
        var content = await helena.ContentAsync();
        Assert.DoesNotContain("self-harm", content, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Evening call", content, StringComparison.Ordinal);
        Assert.DoesNotContain("CASE-", content, StringComparison.Ordinal);
        await session.ScreenshotAsync(helena, "54-advisor-sees-no-case");
        await helena.GotoAsync($"/cases/{caseId}");
        await Assertions.Expect(helena.Locator("[data-testid=case-notes]")).ToHaveCountAsync(0);
        Assert.DoesNotContain("self-harm", await helena.ContentAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_on_call_worker_opens_a_case_they_are_not_on_only_with_a_reason_and_on_a_phone()
    {
        var page = await session.SignedInAsync(Personas.CaseWorker);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/cases/lookup");
        await page.Locator("[data-testid=caller-term]").FillAsync("926 400 118");
        var match = page.Locator("[data-testid=caller-match]");
        await Assertions.Expect(match.Locator("[data-testid=caller-flag]", new() { HasText = "Safeguarding concern" })).ToBeVisibleAsync();
        await Assertions.Expect(match).ToContainTextAsync("you are not on this case");
        await match.Locator("[data-testid=caller-case]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=not-on-case]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=break-glass]")).ToBeDisabledAsync();
        await page.Locator("[data-testid=break-glass-reason]").FillAsync("Leo called the on-call line at 23:10 with nowhere to sleep tonight.");
        await Assertions.Expect(page.Locator("[data-testid=break-glass]")).ToBeEnabledAsync();
        await session.ScreenshotAsync(page, "55-break-glass-phone");
        await page.Locator("[data-testid=break-glass]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=break-glass-active]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=flag-banner]")).ToContainTextAsync("Safeguarding concern");
        await session.ScreenshotAsync(page, "56-case-on-a-phone");
        Assert.Equal(1, await session.CountAsync("SELECT COUNT(*) FROM OutboxMessages WHERE Subject LIKE 'CoRM: break-glass access%' AND TextBody LIKE '%nowhere to sleep%' AND $email = $email", ""));
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The case page is {width} px wide on a 390 px phone.");
    }
}
