using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

/// <summary>
/// Issue 19, item 7: the admissions board fits a 1440 px screen, cards move between stages by drag and drop and by
/// keyboard with the same rules and audit as the application page's buttons, and a long column shows more on demand.
/// </summary>
public sealed partial class AdmissionsBoardTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private async Task<IPage> BoardAsync()
    {
        var page = await session.SignedInAsync(Personas.Admissions);
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync("/admissions");
        await page.Locator("[data-testid=column-InReview] [data-testid=pipeline-card]").First.WaitForAsync();
        return page;
    }

    private static async Task<int> ApplicationIdAsync(ILocator card) =>
        int.Parse(ApplicationLink().Match(await card.Locator("a").First.GetAttributeAsync("href") ?? "").Groups[1].Value, CultureInfo.InvariantCulture);

    private Task<int> StageAsync(int id) => session.CountAsync($"SELECT Stage FROM AdmissionApplications WHERE Id = {id} AND $email = $email", "");

    [Fact]
    public async Task Every_column_shows_at_1440_px_without_scrolling_sideways()
    {
        var page = await BoardAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => { const b = document.querySelector('[data-testid=kanban]'); return b.scrollWidth <= b.clientWidth + 1; }"),
            "The board scrolls sideways at 1440 px.");
        var columns = page.Locator("[data-testid=kanban] > section");
        Assert.Equal(9, await columns.CountAsync());
        for (var i = 0; i < 9; i++)
        {
            var box = (await columns.Nth(i).BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= 1440, $"Column {i + 1} is at {box.X}–{box.X + box.Width} px.");
        }
        await session.ScreenshotAsync(page, "79-admissions-board-1440");

        // Folding a column gives the others room, and the board remembers it in the address.
        await page.Locator("[data-testid=column-Inquiry] [data-testid=fold-column]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=column-Inquiry]")).ToHaveClassAsync(new Regex("folded"));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("folded=Closed%2CInquiry|folded=Closed,Inquiry"));
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-testid=column-Inquiry]")).ToHaveClassAsync(new Regex("folded"));
    }

    [Fact]
    public async Task A_card_dragged_from_deposit_paid_to_enrolled_is_enrolled_after_a_confirmation_and_audited()
    {
        var page = await BoardAsync();
        var card = page.Locator("[data-testid=column-Deposited] [data-testid=pipeline-card]").First;
        var id = await ApplicationIdAsync(card);
        var enrolled = int.Parse(await page.Locator("[data-testid=column-Enrolled] [data-testid=column-count]").InnerTextAsync(), CultureInfo.InvariantCulture);
        var audits = await session.CountAsync($"SELECT COUNT(*) FROM AuditEntries WHERE RecordType = 'AdmissionApplication' AND RecordId = {id} AND $email = $email", "");

        await card.DragToAsync(page.Locator("[data-testid=column-Enrolled]"));
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("Enrol");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enrol" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=column-Enrolled] [data-testid=column-count]")).ToHaveTextAsync((enrolled + 1).ToString(CultureInfo.InvariantCulture));
        Assert.Equal(7, await StageAsync(id)); // Enrolled
        Assert.True(await session.CountAsync($"SELECT COUNT(*) FROM AuditEntries WHERE RecordType = 'AdmissionApplication' AND RecordId = {id} AND $email = $email", "") > audits,
            "The move was not audited as the button's command is.");
    }

    [Fact]
    public async Task A_drop_the_process_does_not_allow_is_explained_and_changes_nothing()
    {
        var page = await BoardAsync();
        var card = page.Locator("[data-testid=column-Started] [data-testid=pipeline-card]").First;
        var id = await ApplicationIdAsync(card);

        await card.DragToAsync(page.Locator("[data-testid=column-Enrolled]"));

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("cannot go from Applying to Enrolled");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        Assert.Equal(0, await StageAsync(id)); // still Started
    }

    [Fact]
    public async Task From_the_keyboard_an_admitted_applicants_deposit_is_recorded_through_the_move_menu()
    {
        var page = await BoardAsync();
        var card = page.Locator("[data-testid=column-Admitted] [data-testid=pipeline-card]").First;
        var id = await ApplicationIdAsync(card);

        await card.Locator("[data-testid=move-card] button").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var item = page.Locator(".mud-popover-open [data-testid=move-to-Deposited]");
        await item.WaitForAsync();
        await item.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var confirm = page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Record deposit" });
        await confirm.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("deposit paid");
        Assert.Equal(6, await StageAsync(id)); // Deposited
    }

    [Fact]
    public async Task A_long_column_shows_more_cards_on_demand()
    {
        var page = await BoardAsync();
        // The column, by its own test id: once it has shown everything it loses its button.
        var key = await page.Locator("[data-testid=kanban] > section", new() { Has = page.Locator("[data-testid=show-more]") }).First.GetAttributeAsync("data-testid");
        var column = page.Locator($"[data-testid={key}]");
        var before = await column.Locator("[data-testid=pipeline-card]").CountAsync();
        await column.Locator("[data-testid=show-more]").ClickAsync();
        await Assertions.Expect(column.Locator("[data-testid=pipeline-card]")).Not.ToHaveCountAsync(before);
        Assert.True(await column.Locator("[data-testid=pipeline-card]").CountAsync() > before);
        // No card twice: the next page follows on from the first.
        var links = await column.Locator("[data-testid=pipeline-card] a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.Equal(links.Length, links.Distinct().Count());
    }

    [GeneratedRegex(@"/(?:admissions/applications|constituents)/(\d+)")]
    private static partial Regex ApplicationLink();
}
