using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

/// <summary>Recurring programmes and tags: planned and filled by the engagement office, joined by the public on a phone.</summary>
public sealed class ProgrammeJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task A_coordinator_plans_a_weekly_programme_and_a_newcomer_joins_the_study_club_on_a_phone()
    {
        var page = await session.SignedInAsync(Personas.VolunteerCoordinator);
        await page.GotoAsync("/engagement/programmes");
        await Assertions.Expect(page.Locator("[data-testid=programme-list]")).ToContainTextAsync("Study club");
        await page.Locator("[data-testid=plan-programme]").ClickAsync();
        var save = page.Locator("[data-testid=save-programme]");
        await Assertions.Expect(save).ToBeDisabledAsync();
        await page.GetByLabel("Name").FillAsync("Evening French");
        var day = DateTime.UtcNow.Date.AddDays(3);
        await page.Locator("[data-testid=programme-date]").FillAsync(day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=programme-date]").PressAsync("Tab");
        await page.Locator("[data-testid=programme-time]").FillAsync("18:00");
        await page.Locator("[data-testid=programme-time]").PressAsync("Tab");
        await page.GetByLabel("Sessions").FillAsync("4");
        await page.GetByLabel("Places per session").FillAsync("2");
        await page.GetByLabel("Places per session").PressAsync("Tab");
        await Assertions.Expect(page.Locator("[data-testid=programme-summary]")).ToContainTextAsync("4 sessions");
        await save.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=page-title]")).ToHaveTextAsync("Evening French");
        await Assertions.Expect(page.Locator("[data-testid=sessions] tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-testid=sessions] tbody tr").First).ToContainTextAsync("18:00");
        await Assertions.Expect(page.Locator("[data-testid=no-members]")).ToBeVisibleAsync();
        Assert.Equal(4, await session.CountAsync("SELECT COUNT(*) FROM GivingEvents e JOIN EventSeries s ON s.Id = e.SeriesId WHERE s.Name = 'Evening French' AND e.TicketPrice = 0 AND $email = $email", ""));

        await page.GotoAsync("/engagement/programmes");
        await page.Locator("[data-testid=programme-list] a", new() { HasText = "Study club" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=members] tbody tr")).ToHaveCountAsync(12);
        await session.ScreenshotAsync(page, "70-programme");

        // A newcomer on a phone: the club is full, so the reply is a place in line at each session still to come.
        var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = session.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "en-GB",
        });
        context.SetDefaultTimeout(20_000);
        var phone = await context.NewPageAsync();
        await phone.GotoAsync("/f/study-club");
        await Assertions.Expect(phone.Locator("[data-testid=form-sessions]")).ToContainTextAsync("A reply is a place at each of them");
        await phone.GetByLabel("First name").FillAsync("Yara");
        await phone.GetByLabel("Family name (required)").FillAsync("Okonkwo-Lind");
        await phone.GetByLabel(new Regex("^E-mail")).FillAsync("yara.okonkwo-lind@example.org");
        await phone.Locator("#consent").CheckAsync();
        await session.ScreenshotAsync(phone, "71-programme-rsvp-on-a-phone");
        await phone.Locator("[data-testid=form-submit]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-testid=form-waitlisted]")).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "The page scrolls sideways at 390 px.");
        var ahead = await session.CountAsync("SELECT COUNT(*) FROM GivingEvents e JOIN EventSeries s ON s.Id = e.SeriesId WHERE s.Name = 'Study club' AND e.StartsAt > datetime('now') AND $email = $email", "");
        Assert.Equal(ahead, await session.CountAsync("""
            SELECT COUNT(*) FROM EventRegistrations r JOIN Constituents c ON c.Id = r.ConstituentId JOIN GivingEvents e ON e.Id = r.EventId
            WHERE c.Email = $email AND r.Waitlisted = 1 AND e.SeriesId = (SELECT Id FROM EventSeries WHERE Name = 'Study club')
            """, "yara.okonkwo-lind@example.org"));
    }

    [Fact]
    public async Task An_officer_sees_a_rules_tag_on_a_profile_and_adds_a_new_tag_by_typing_it()
    {
        var id = await session.TextAsync("""
            SELECT t.ConstituentId FROM PersonTags t JOIN Tags g ON g.Id = t.TagId WHERE g.Name = 'Advocate' AND t.RuleId IS NOT NULL AND $p = $p ORDER BY t.ConstituentId LIMIT 1
            """, "");
        Assert.NotNull(id);
        var page = await session.SignedInAsync(Personas.Advancement);
        await page.GotoAsync($"/constituents/{id}");
        var tags = page.Locator("[data-testid=person-tags]");
        await Assertions.Expect(tags.Locator("[data-testid=tag-chip]", new() { HasText = "Advocate" })).ToBeVisibleAsync();
        await tags.Locator("[data-testid=tag-input] input, input[data-testid=tag-input]").First.FillAsync("Alumni speaker");
        await tags.Locator("[data-testid=tag-input] input, input[data-testid=tag-input]").First.PressAsync("Escape");
        await Assertions.Expect(page.Locator("[data-testid=add-tag]")).ToHaveTextAsync("Create and add");
        await page.Locator("[data-testid=add-tag]").ClickAsync();
        await Assertions.Expect(tags.Locator("[data-testid=tag-chip]", new() { HasText = "Alumni speaker" })).ToBeVisibleAsync();
        await session.ScreenshotAsync(page, "72-tags-on-a-profile");
        Assert.Equal(1, await session.CountAsync($"SELECT COUNT(*) FROM PersonTags t JOIN Tags g ON g.Id = t.TagId WHERE g.Name = 'Alumni speaker' AND t.ConstituentId = {id} AND $email = $email", ""));

        // Faculty read no engagement data: the same profile shows no tags.
        var faculty = await session.SignedInAsync(Personas.Faculty);
        await faculty.GotoAsync($"/constituents/{id}");
        await Assertions.Expect(faculty.Locator("body")).Not.ToContainTextAsync("Alumni speaker");
        Assert.Equal(0, await faculty.Locator("[data-testid=person-tags]").CountAsync());
    }
}
