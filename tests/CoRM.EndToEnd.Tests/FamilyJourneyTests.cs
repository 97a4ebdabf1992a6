using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

public sealed partial class FamilyJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task A_parent_sees_one_of_two_children_and_none_once_staff_withdraw_the_consent()
    {
        var rui = await session.SignedInAsync(Personas.Parent);
        await rui.WaitForURLAsync(PathIs("/family"));
        var cards = rui.Locator("[data-testid=child-card]");
        await Assertions.Expect(cards).ToHaveCountAsync(1);
        await Assertions.Expect(cards.First).ToContainTextAsync("Sofia Almeida");
        await Assertions.Expect(rui.Locator("body")).Not.ToContainTextAsync("Tiago");
        await cards.First.GetByRole(AriaRole.Tab, new() { Name = "Fees" }).ClickAsync();
        await Assertions.Expect(cards.First.Locator("[data-testid=balance]")).ToContainTextAsync("Balance due");
        await session.ScreenshotAsync(rui, "21-parent-sees-one-of-two");

        // Tiago, by URL, is not there for a parent: the family page is the only place they see records.
        await rui.GotoAsync($"/constituents/{await session.CountAsync("SELECT Id FROM Constituents WHERE Email = $email", Personas.UngrantedChild)}");
        await rui.WaitForURLAsync(PathIs("/account/access-denied"));

        var daniel = await session.SignedInAsync(Personas.StudentSuccess);
        var sofia = await session.CountAsync("SELECT Id FROM Constituents WHERE Email = $email", Personas.GrantedChild);
        await daniel.GotoAsync($"/constituents/{sofia}");
        var panel = daniel.Locator("[data-testid=profile-family-access]");
        await Assertions.Expect(panel).ToContainTextAsync("Rui Almeida");
        await Assertions.Expect(panel.Locator("[data-testid=may-see]")).ToContainTextAsync("enrolment");
        await panel.Locator("[data-testid=revoke-access]").ClickAsync();
        await daniel.Locator(".mud-dialog button", new() { HasText = "Withdraw" }).ClickAsync();
        await Assertions.Expect(panel.Locator("[data-testid=may-see]")).ToContainTextAsync("nothing");
        await session.ScreenshotAsync(daniel, "22-staff-withdraws-access");

        await rui.GotoAsync("/family");
        await Assertions.Expect(rui.GetByText("No records are shared with you")).ToBeVisibleAsync();
        await Assertions.Expect(rui.Locator("[data-testid=child-card]")).ToHaveCountAsync(0);
        await session.ScreenshotAsync(rui, "23-parent-sees-none");
    }

    [Fact]
    public async Task A_parents_question_is_answered_by_the_secretariat()
    {
        var rui = await session.SignedInAsync(Personas.Parent);
        await rui.WaitForURLAsync(PathIs("/family"));
        await rui.Locator("[data-testid=write-to-secretariat]").First.ClickAsync();
        var dialog = rui.Locator(".mud-dialog");
        await Assertions.Expect(dialog.Locator("[data-testid=send-request]")).ToBeDisabledAsync();
        await dialog.GetByLabel("Subject").FillAsync("Spring timetable");
        await dialog.GetByLabel("Your message").FillAsync("When will the spring timetable be published?");
        await dialog.Locator("[data-testid=send-request]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        var priya = await session.SignedInAsync(Personas.Admissions);
        await priya.GotoAsync("/families/requests");
        var row = priya.Locator("[data-testid=family-requests] tr", new() { HasText = "Spring timetable" });
        await row.Locator("[data-testid=answer-request]").ClickAsync();
        await row.Locator("textarea").First.FillAsync("On 20 January, in the student portal and by e-mail.");
        await session.ScreenshotAsync(priya, "24-secretariat-answers");
        await row.Locator("[data-testid=send-answer]").ClickAsync();
        await Assertions.Expect(priya.Locator("[data-testid=family-requests]")).Not.ToContainTextAsync("Spring timetable");

        await rui.ReloadAsync();
        var card = rui.Locator("[data-testid=child-card]").First;
        await card.GetByRole(AriaRole.Tab, new() { Name = "Messages" }).ClickAsync();
        await Assertions.Expect(card.Locator("[data-testid=family-thread]")).ToContainTextAsync("On 20 January");
        await session.ScreenshotAsync(rui, "25-parent-reads-the-answer");
        Assert.True(await session.CountAsync("SELECT COUNT(*) FROM OutboxMessages WHERE ToAddress = $email AND Subject = 'Re: Spring timetable'", Personas.Parent) == 1);
    }

    [Fact]
    public async Task An_invited_parent_joins_with_the_code_from_their_email()
    {
        var priya = await session.SignedInAsync(Personas.Admissions);
        // A minor whose parent has an e-mail address and no portal account yet.
        var minor = await session.CountAsync("""
            SELECT r.SubjectId FROM Relationships r JOIN Constituents s ON s.Id = r.SubjectId JOIN Constituents p ON p.Id = r.RelatedId
            WHERE r.Kind = 0 AND p.Email IS NOT NULL AND s.BirthDate > date('now', '-18 years', '+7 days')
              AND NOT EXISTS (SELECT 1 FROM PortalUsers u WHERE u.ConstituentId = r.RelatedId) AND $email = $email
            ORDER BY r.Id LIMIT 1
            """, "");
        await priya.GotoAsync($"/constituents/{minor}");
        var panel = priya.Locator("[data-testid=profile-family-access]");
        await panel.Locator("[data-testid=invite-parent]").First.ClickAsync();
        await Assertions.Expect(priya.Locator(".mud-snackbar")).ToContainTextAsync("Invitation sent");

        var body = await session.TextAsync("SELECT TextBody FROM OutboxMessages WHERE DedupKey LIKE 'parent-invitation:%' AND RecipientConstituentId IN (SELECT RelatedId FROM Relationships WHERE SubjectId = $p) ORDER BY Id DESC LIMIT 1", minor.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var code = CodeInMail().Match(body!).Groups[1].Value;

        var parent = await session.NewPageAsync();
        await parent.GotoAsync("/account/sign-in");
        await parent.Locator("[data-testid=join-link]").ClickAsync();
        await parent.Locator("[data-testid=invitation-code]").FillAsync("ABCDE-FGHJK");
        await parent.Locator("[data-testid=join]").ClickAsync();
        await Assertions.Expect(parent.Locator("[data-testid=join-error]")).ToContainTextAsync("not valid");
        await parent.Locator("[data-testid=invitation-code]").FillAsync(code);
        await session.ScreenshotAsync(parent, "26-join-with-code");
        await parent.Locator("[data-testid=join]").ClickAsync();
        // The join posts a form, signs in and redirects; on a loaded machine the first circuit can take a while.
        await parent.WaitForURLAsync(PathIs("/family"), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await Assertions.Expect(parent.Locator("[data-testid=child-card]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(parent.Locator("[data-testid=child-card]").First).ToContainTextAsync("Minor in your care");
    }

    private static Regex PathIs(string path) => new($"^https?://[^/]+{Regex.Escape(path)}(\\?.*)?$");

    [GeneratedRegex(@"enter the code ([A-Z0-9]{10})")]
    private static partial Regex CodeInMail();
}
