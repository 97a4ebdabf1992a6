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
        await Assertions.Expect(page.Locator("[data-testid=merge-history]")).ToContainTextAsync($"C-{merged}");
        await Assertions.Expect(page.Locator("[data-testid=undo-merge]")).ToHaveCountAsync(0); // stewards merge; only administrators undo

        // An administrator undoes it: two records again, the old id is itself again.
        var admin = await session.SignedInAsync(Personas.Admin);
        await admin.GotoAsync("/constituents/duplicates");
        await admin.Locator(".mud-toggle-item", new() { HasText = "Merged" }).ClickAsync();
        await admin.Locator("[data-testid=merge-history] tbody tr", new() { HasText = $"C-{merged}" }).Locator("[data-testid=undo-merge]").ClickAsync();
        await session.ScreenshotAsync(admin, "50-undo-merge");
        await admin.Locator(".mud-dialog button", new() { HasText = "Undo merge" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".mud-snackbar").Last).ToContainTextAsync("two records again");
        Assert.Equal(1, await session.CountAsync($"SELECT COUNT(*) FROM Constituents WHERE Id = {merged} AND MergedIntoId IS NULL AND $email = $email", ""));
        await admin.GotoAsync($"/constituents/{merged}");
        await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/constituents/{merged}$"));
    }

    [Fact]
    public async Task A_data_steward_imports_a_guest_list_sees_who_is_already_on_record_and_takes_the_suggested_record_for_a_duplicate()
    {
        // Two people already on record, as a guest list typed them: one with her e-mail, one with a typo and no e-mail.
        var known = (await session.TextAsync("""
            SELECT group_concat(FirstName || '|' || LastName || '|' || Email || '|' || BirthDate || '|' || Id, '#') FROM (
              SELECT * FROM Constituents c WHERE Kind = 0 AND Email IS NOT NULL AND BirthDate IS NOT NULL AND StudentNumber IS NULL AND MergedIntoId IS NULL
                AND instr(LastName, ' ') = 0 AND length(LastName) > 3 AND $p = $p
                AND NOT EXISTS (SELECT 1 FROM DuplicateCandidates d WHERE d.FirstId = c.Id OR d.SecondId = c.Id)
                AND NOT EXISTS (SELECT 1 FROM Hats h WHERE h.ConstituentId = c.Id AND h.Kind = 9)
              ORDER BY Id LIMIT 2)
            """, ""))!.Split('#').Select(p => p.Split('|')).ToArray();
        var (emailMatch, typo) = (known[0], known[1]);
        var csv = Path.Combine(Path.GetTempPath(), $"open-day-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, $"""
            First name,Last name,E-mail,Date of birth,Roles
            {emailMatch[0]},{emailMatch[1]},{emailMatch[2].ToUpperInvariant()},,Member
            {typo[0]},{typo[1][..^1]}{(typo[1][^1] == 'z' ? 'y' : 'z')},,{typo[3]},Member
            Leonor,Quaresma-Import,leonor.quaresma@example.org,2009-02-03,Prospect
            """);

        var page = await session.SignedInAsync(Personas.DataSteward);
        await page.Locator("[data-testid=nav] a", new() { HasText = "Import contacts" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=page-title]")).ToHaveTextAsync("Import contacts");
        await page.Locator("[data-testid=source]").FillAsync("Open day 2026 guest list");
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(csv);
        await page.Locator("[data-testid=column-mapping]").WaitForAsync();
        await page.Locator("[data-testid=check-file]").ClickAsync();

        // The preview opens on the row that needs a decision: a possible duplicate, with the reasons.
        var preview = page.Locator("[data-testid=contact-preview]");
        await Assertions.Expect(preview.Locator("[data-testid=preview-rows] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(preview).ToContainTextAsync($"C-{typo[4]}");
        await Assertions.Expect(preview).ToContainTextAsync("same birth date");
        await page.Locator("[data-testid=decision]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = $"Use C-{typo[4]}" }).ClickAsync();
        await page.Locator(".mud-toggle-item", new() { HasText = "All 3" }).ClickAsync();
        await Assertions.Expect(preview.Locator("[data-testid=preview-rows] tbody tr").Filter(new() { HasText = "On record" })).ToContainTextAsync("same e-mail");
        await session.ScreenshotAsync(page, "48-contact-import-preview");

        await page.Locator("[data-testid=commit-contact-import]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-done]")).ToContainTextAsync("1 new record, 2 records completed");
        await session.ScreenshotAsync(page, "49-contact-import-done");
        Assert.Equal(1, await session.CountAsync("SELECT COUNT(*) FROM Constituents WHERE LastName = 'Quaresma-Import' AND Source = $email", "Open day 2026 guest list"));
        Assert.Equal(0, await session.CountAsync($"SELECT COUNT(*) FROM Constituents WHERE FirstName = '{typo[0]}' AND LastName <> '{typo[1]}' AND BirthDate = $email", typo[3]));
        Assert.Equal(2, await session.CountAsync($"SELECT COUNT(*) FROM Hats WHERE Kind = 9 AND ConstituentId IN ({emailMatch[4]}, {typo[4]}) AND $email = $email", ""));
    }
}
