using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

/// <summary>Build a segment, launch an appeal to it, watch the outbox drain, read the results; then a recipient unsubscribes.</summary>
public sealed class AppealJourneyTests(BrowserSessionWithJobs session) : IClassFixture<BrowserSessionWithJobs>
{
    [Fact]
    public async Task A_gift_officer_launches_an_appeal_to_a_segment_and_reads_its_results()
    {
        var page = await session.SignedInAsync(Personas.Advancement);

        // The segment: lapsed donors in one region who may be e-mailed.
        await page.GotoAsync("/advancement/segments/new");
        await page.Locator("[data-testid=segment-name]").FillAsync("Lapsed donors to renew");
        await page.Locator("[data-testid=rule-kind]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "lapsed donor" }).ClickAsync();
        await page.Locator("[data-testid=add-rule]").ClickAsync();
        await page.Locator("[data-testid=rule-kind]").Nth(1).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "may be e-mailed" }).ClickAsync();
        var members = await session.CountAsync("""
            SELECT COUNT(*) FROM Constituents c
            WHERE EXISTS (SELECT 1 FROM Gifts g WHERE g.DonorId = c.Id AND g.ReceivedOn >= strftime('%Y', 'now', '-1 year') || '-01-01' AND g.ReceivedOn < strftime('%Y', 'now') || '-01-01')
              AND NOT EXISTS (SELECT 1 FROM Gifts g WHERE g.DonorId = c.Id AND g.ReceivedOn >= strftime('%Y', 'now') || '-01-01')
              AND c.Email IS NOT NULL AND c.DoNotContact = 0 AND c.EmailOptOut = 0 AND $email = $email
            """, "");
        Assert.True(members > 0);
        await Assertions.Expect(page.Locator("[data-testid=live-count]")).ToHaveTextAsync(members.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=save-segment]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/advancement/segments/\d+$"));

        // The campaign, sent now.
        await page.Locator("[data-testid=nav] a", new() { HasText = "Appeal campaigns" }).ClickAsync();
        await page.Locator("[data-testid=new-campaign]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("[data-testid=campaign-name]").FillAsync("Renewal appeal");
        await dialog.Locator("[data-testid=campaign-segment]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Lapsed donors to renew" }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync($"{members:N0} people match now");
        await session.ScreenshotAsync(page, "35-new-campaign");
        await dialog.Locator("[data-testid=schedule-campaign]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        var row = page.Locator("[data-testid=campaigns] tbody tr", new() { HasText = "Renewal appeal" });
        await row.Locator("[data-testid=send-now]").ClickAsync();
        try
        {
            await Assertions.Expect(row.Locator("[data-testid=campaign-status]")).ToHaveTextAsync("Sent", new() { Timeout = 60_000 });
        }
        catch (PlaywrightException e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}{Environment.NewLine}{session.JobsReport()}");
        }
        await Assertions.Expect(row.Locator("[data-testid=campaign-rendered]")).ToHaveTextAsync(members.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(row.Locator("[data-testid=campaign-delivered]")).ToHaveTextAsync(members.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 60_000 });
        await session.ScreenshotAsync(page, "36-campaign-sent");
        Assert.Equal(members, Directory.GetFiles(Path.Combine(session.Portal.Directory, "mail-pickup"), "*.eml").Count(f => File.ReadAllText(f).Contains("will you help a student", StringComparison.Ordinal)));

        await row.Locator("a").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=campaign-figures]")).ToContainTextAsync("Recipients");
        await Assertions.Expect(page.Locator("[data-testid=campaign-figures]")).ToContainTextAsync(members.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Its delivery, counted from the outbox: every message sent, none waiting.
        await Assertions.Expect(page.Locator("[data-testid=mail-sent]")).ToContainTextAsync($"{members:N0} of {members:N0} sent");
        await Assertions.Expect(page.Locator("[data-testid=mail-queued]")).ToContainTextAsync("0 waiting");
        await session.ScreenshotAsync(page, "37-campaign-results");

        // A recipient follows the link at the foot of their e-mail.
        var mail = Directory.GetFiles(Path.Combine(session.Portal.Directory, "mail-pickup"), "*.eml").Select(File.ReadAllText).First(m => m.Contains("will you help a student", StringComparison.Ordinal));
        var link = System.Text.RegularExpressions.Regex.Match(mail.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal), @"/unsubscribe\?token=[^\s]+").Value;
        var visitor = await session.NewPageAsync();
        await visitor.GotoAsync(link);
        await visitor.Locator("[data-testid=confirm-unsubscribe]").ClickAsync();
        await Assertions.Expect(visitor.Locator("[data-testid=unsubscribed]")).ToBeVisibleAsync();
        Assert.Equal(1, await session.CountAsync("SELECT COUNT(*) FROM Interactions WHERE Subject = 'Unsubscribed from e-mail' AND $email = $email", ""));
    }

    [Fact]
    public async Task Last_years_appeal_shows_its_responses_and_the_spring_letters_can_be_printed()
    {
        var page = await session.SignedInAsync(Personas.Advancement);
        await page.GotoAsync("/advancement/campaigns");
        await page.Locator("[data-testid=campaigns] tbody tr", new() { HasText = "Year-end appeal" }).Locator("a").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=campaign-chart] svg").First).ToBeVisibleAsync();
        var raised = await session.TextAsync("""
            SELECT SUM(g.Amount) / 100.0 FROM Gifts g JOIN AppealCampaigns c ON c.Id = 1 -- money is stored in cents
            WHERE g.AppealId = c.AppealId OR (g.ReceivedOn >= date(c.SentAt) AND g.ReceivedOn <= date(c.SentAt, '+' || c.ResponseWindowDays || ' days')
              AND EXISTS (SELECT 1 FROM CampaignRecipients r WHERE r.CampaignId = 1 AND r.ConstituentId = g.DonorId AND r.Status = 1)) AND $p = $p
            """, "");
        var expected = double.Parse(raised!, System.Globalization.CultureInfo.InvariantCulture).ToString("N2", System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("[data-testid=campaign-figures]")).ToContainTextAsync(expected);
        await page.Locator("[data-testid=breakdown-by] >> text=By region").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=campaign-breakdown] tbody tr").First).Not.ToContainTextAsync("Recency");
        await Assertions.Expect(page.Locator("[data-testid=breakdown-by] button", new() { HasText = "By region" })).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-button-filled"));
        await page.Mouse.MoveAsync(0, 0);
        await page.WaitForTimeoutAsync(400); // let the button's colour transition finish before the picture
        await session.ScreenshotAsync(page, "40-year-end-appeal-results");

        await page.GotoAsync("/advancement/campaigns");
        await page.Locator("[data-testid=campaigns] tbody tr", new() { HasText = "(letter)" }).Locator("a").First.ClickAsync();
        var batch = page.Locator("[data-testid=letter-batch]");
        await Assertions.Expect(batch).ToContainTextAsync("letters ready to print");
        var href = await batch.Locator("[data-testid=letters-pdf]").First.GetAttributeAsync("href");
        var pdf = await page.Context.APIRequest.GetAsync(session.BaseAddress + href!.TrimStart('/'));
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await pdf.BodyAsync(), 0, 5), StringComparison.Ordinal);
        await session.ScreenshotAsync(page, "41-letter-campaign");

        // A recipient types the short code printed on their letter: no more appeals by post.
        var code = await session.TextAsync("SELECT OptOutCode FROM CampaignRecipients WHERE OptOutCode IS NOT NULL AND $p = $p ORDER BY Id LIMIT 1", "");
        var reader = await session.NewPageAsync();
        await reader.GotoAsync("/u?code=" + Uri.EscapeDataString(code!.ToLowerInvariant()));
        await reader.Locator("[data-testid=confirm-no-post]").ClickAsync();
        await Assertions.Expect(reader.Locator("[data-testid=post-opted-out]")).ToBeVisibleAsync();
        await session.ScreenshotAsync(reader, "41a-no-more-post");
        Assert.Equal(1, await session.CountAsync($"SELECT COUNT(*) FROM Constituents c JOIN CampaignRecipients r ON r.ConstituentId = c.Id WHERE r.OptOutCode = '{code}' AND c.PostOptOut = 1 AND $email = $email", ""));
    }

    [Fact]
    public async Task A_gift_officer_runs_the_year_end_receipts_and_finds_one_by_number()
    {
        var page = await session.SignedInAsync(Personas.Advancement);
        await page.GotoAsync("/advancement/receipts");
        var yearEnd = page.Locator("[data-testid=year-end]");
        await Assertions.Expect(yearEnd.Locator("[data-testid=to-receipt]")).ToContainTextAsync("donors have deductible gifts without a receipt");
        var before = await session.CountAsync("SELECT COUNT(*) FROM Receipts WHERE $email = $email", "");
        var lastId = await session.CountAsync("SELECT COALESCE(MAX(Id), 0) FROM Receipts WHERE $email = $email", "");
        await Assertions.Expect(yearEnd.GetByRole(AriaRole.Checkbox)).ToBeCheckedAsync(); // e-mail them, by default
        await yearEnd.Locator("[data-testid=issue-year-end]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("in the background");

        // The Hangfire server in the portal runs it; refresh until every donor of last year is receipted.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await yearEnd.Locator("[data-testid=to-receipt]").TextContentAsync() ?? "").Contains("have a receipt", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the year-end run did not finish within a minute{Environment.NewLine}{session.JobsReport()}");
            await page.WaitForTimeoutAsync(1_000);
            await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        }
        var after = await session.CountAsync("SELECT COUNT(*) FROM Receipts WHERE $email = $email", "");
        Assert.True(after > before);

        // Each donor who accepts e-mail gets theirs, the PDF attached; the others are for the post.
        var accepting = await session.CountAsync($"""
            SELECT COUNT(*) FROM Receipts r JOIN Constituents c ON c.Id = r.DonorId
            WHERE r.Id > {lastId} AND c.Email IS NOT NULL AND c.DoNotContact = 0 AND c.EmailOptOut = 0 AND $email = $email
            """, "");
        Assert.True(accepting > 0 && accepting < after - before);
        var pickup = Path.Combine(session.Portal.Directory, "mail-pickup");
        string[] Mailed() => Directory.Exists(pickup) ? Directory.GetFiles(pickup, "*.eml").Select(File.ReadAllText).Where(m => m.Contains("Subject: Your receipt", StringComparison.Ordinal)).ToArray() : [];
        deadline = DateTime.UtcNow.AddSeconds(60);
        while (Mailed().Length < accepting)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{Mailed().Length} of {accepting} receipts were e-mailed within a minute{Environment.NewLine}{session.JobsReport()}");
            await Task.Delay(500);
        }
        Assert.Equal(accepting, Mailed().Length);
        Assert.All(Mailed(), m => Assert.Contains("application/pdf", m, StringComparison.Ordinal));

        var number = await session.TextAsync("SELECT Number FROM Receipts WHERE $p = $p ORDER BY Id DESC LIMIT 1", "");
        await page.Locator("[data-testid=receipt-search]").FillAsync(number!);
        await Assertions.Expect(page.Locator("[data-testid=receipts] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=receipts] tbody tr").First).ToContainTextAsync(number!);
        await session.ScreenshotAsync(page, "42-receipts-search");
    }
}
