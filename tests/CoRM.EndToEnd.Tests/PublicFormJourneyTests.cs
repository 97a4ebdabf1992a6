using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

/// <summary>A member of the public on a phone, without signing in: a petition and a newsletter sign-up; then staff see what arrived.</summary>
public sealed class PublicFormJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private async Task<IPage> PhoneAsync()
    {
        var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = session.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "en-GB",
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "The page scrolls sideways at 390 px.");

    [Fact]
    public async Task Someone_already_on_record_signs_the_petition_on_a_phone_and_staff_see_the_signature_on_their_timeline()
    {
        var id = await session.TextAsync("""
            SELECT c.Id FROM Constituents c WHERE c.Kind = 0 AND c.Email IS NOT NULL AND c.MergedIntoId IS NULL
              AND NOT EXISTS (SELECT 1 FROM Actions a WHERE a.ConstituentId = c.Id AND a.ActionTypeId = 1) AND $p = $p ORDER BY c.Id LIMIT 1 OFFSET 20
            """, "");
        var first = await session.TextAsync($"SELECT FirstName FROM Constituents WHERE Id = {id} AND $p = $p", "");
        var last = await session.TextAsync($"SELECT LastName FROM Constituents WHERE Id = {id} AND $p = $p", "");
        var email = await session.TextAsync($"SELECT Email FROM Constituents WHERE Id = {id} AND $p = $p", "");
        var people = await session.CountAsync("SELECT COUNT(*) FROM Constituents WHERE $email = $email", "");

        var phone = await PhoneAsync();
        await phone.GotoAsync("/f/keep-the-library-open");
        await Assertions.Expect(phone.Locator("[data-testid=form-title]")).ToHaveTextAsync("Keep the library open at night");
        // Each field says why it is asked, beside it.
        await Assertions.Expect(phone.Locator("label[for=region]")).ToContainTextAsync("to show the rector how many signers live in each region");
        await phone.GetByLabel("First name").FillAsync(first!);
        await phone.GetByLabel("Family name (required)").FillAsync(last!);
        await phone.GetByLabel(new Regex("^E-mail")).FillAsync(email!.ToUpperInvariant());
        await phone.GetByLabel(new Regex("^Your message")).FillAsync("I study after my night shift.");
        await session.ScreenshotAsync(phone, "65-petition-on-a-phone");
        await AssertFitsAsync(phone);

        // Without ticking the consent the answer is refused with a reason, and the typed answers stay.
        await phone.Locator("[data-testid=form-submit]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-testid=error-Consent]")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByLabel("Family name (required)")).ToHaveValueAsync(last!);
        await phone.Locator("#consent").CheckAsync();
        await phone.Locator("[data-testid=form-submit]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-testid=form-thanks]")).ToBeVisibleAsync();
        await session.ScreenshotAsync(phone, "66-petition-thanks-on-a-phone");
        await AssertFitsAsync(phone);

        Assert.Equal(people, await session.CountAsync("SELECT COUNT(*) FROM Constituents WHERE $email = $email", "")); // matched, not duplicated
        var staff = await session.SignedInAsync(Personas.Advancement);
        await staff.GotoAsync($"/constituents/{id}");
        await Assertions.Expect(staff.Locator("[data-testid=timeline]")).ToContainTextAsync("Signed a petition: Keep the library open at night");
        await Assertions.Expect(staff.Locator("[data-testid=consent-history]")).ToContainTextAsync("I sign this petition");

        await staff.GotoAsync("/engagement/forms");
        await staff.Locator("[data-testid=form-list] a", new() { HasText = "Keep the library open at night" }).ClickAsync();
        await Assertions.Expect(staff.Locator("[data-testid=form-submissions] tbody tr").First).ToContainTextAsync("matched to an existing person");
        await Assertions.Expect(staff.Locator("[data-testid=form-submissions] tbody tr").First).ToContainTextAsync("I study after my night shift.");
        await session.ScreenshotAsync(staff, "67-form-submissions");
    }

    [Fact]
    public async Task A_newcomer_signs_up_for_the_newsletter_and_is_recorded_only_after_confirming_from_the_e_mail()
    {
        var phone = await PhoneAsync();
        await phone.GotoAsync("/f/newsletter");
        await phone.GetByLabel("First name").FillAsync("Ilse");
        await phone.GetByLabel("Family name (required)").FillAsync("Vandermeer");
        await phone.GetByLabel(new Regex("^E-mail")).FillAsync("ilse.vandermeer@example.org");
        await phone.Locator("#consent").CheckAsync();
        await phone.Locator("[data-testid=form-submit]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-testid=form-check-email]")).ToBeVisibleAsync();
        Assert.Equal(0, await session.CountAsync("SELECT COUNT(*) FROM Constituents WHERE Email = $email", "ilse.vandermeer@example.org"));

        var body = await session.TextAsync("SELECT TextBody FROM OutboxMessages WHERE ToAddress = $p ORDER BY Id DESC LIMIT 1", "ilse.vandermeer@example.org");
        var link = Regex.Match(body!, @"/f/confirm\?token=[A-Za-z0-9_-]+").Value;
        await phone.GotoAsync(link);
        await phone.Locator("[data-testid=confirm-signup]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-testid=signup-confirmed]")).ToBeVisibleAsync();
        await AssertFitsAsync(phone);
        Assert.Equal(1, await session.CountAsync("SELECT COUNT(*) FROM Constituents WHERE Email = $email AND EmailOptOut = 0", "ilse.vandermeer@example.org"));

        // The link works once.
        await phone.GotoAsync(link);
        await phone.Locator("[data-testid=confirm-signup]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-testid=signup-invalid]")).ToBeVisibleAsync();
    }
}

/// <summary>The door of a programme session, kept on a phone by the volunteer coordinator.</summary>
public sealed class CheckInJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task A_coordinator_checks_guests_in_on_a_phone()
    {
        // The demo was seeded on a fixed day: move the workshop to an hour from now, as it would be on the day.
        await using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(session.Portal.Directory, "corm.db")}"))
        {
            await db.OpenAsync();
            await using var move = db.CreateCommand();
            move.CommandText = "UPDATE GivingEvents SET StartsAt = $at WHERE Name = 'Study skills workshop'";
            move.Parameters.AddWithValue("$at", DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
            await move.ExecuteNonQueryAsync();
        }
        var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = session.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "en-GB",
        });
        var phone = await context.NewPageAsync();
        await phone.GotoAsync("/account/sign-in");
        await phone.Locator($"[data-testid='sign-in-{Personas.VolunteerCoordinator}']").ClickAsync();
        await phone.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        await phone.GotoAsync("/engagement/check-in");
        await phone.Locator("[data-testid=check-in-event] a", new() { HasText = "Study skills workshop" }).ClickAsync();
        var rows = phone.Locator("[data-testid=guest-row]");
        await Assertions.Expect(rows).ToHaveCountAsync(8);
        var first = rows.First;
        await first.Locator("[data-testid=check-in]").ClickAsync();
        await Assertions.Expect(first.Locator("[data-testid=check-in]")).ToContainTextAsync("Here");
        await Assertions.Expect(phone.Locator("[data-testid=check-in-counts]")).ToContainTextAsync("1 of 8 checked in");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "The check-in page scrolls sideways at 390 px.");
        await session.ScreenshotAsync(phone, "69-check-in-on-a-phone");
        Assert.Equal(1, await session.CountAsync("SELECT COUNT(*) FROM EventRegistrations r JOIN GivingEvents e ON e.Id = r.EventId WHERE e.Name = 'Study skills workshop' AND r.Attended = 1 AND $email = $email", ""));
    }
}
