using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

/// <summary>The data-protection officer's day, in Chromium, with the job server running and the Content-Security-Policy enforced.</summary>
public sealed class PrivacyJourneyTests(BrowserSessionWithJobs session) : IClassFixture<BrowserSessionWithJobs>
{
    [Fact]
    public async Task An_officer_exports_a_person_then_erases_another_after_a_second_officer_approves_and_search_finds_nothing_of_them()
    {
        var page = await session.SignedInAsync(Personas.DataProtection);
        var policyViolations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) policyViolations.Add(m.Text); };
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/privacy$"));
        var rows = page.Locator("[data-testid=privacy-requests] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await session.ScreenshotAsync(page, "57-privacy-requests");

        // Access: a copy of everything, built in the background, downloaded once.
        await rows.Filter(new() { HasText = "Access" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=export-panel]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=export-start]").ClickAsync();
        var download = page.Locator("[data-testid=export-download]");
        try
        {
            await Assertions.Expect(download).ToBeVisibleAsync(new() { Timeout = 60_000 });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException("The export was not built: " + session.JobsReport(), e);
        }
        await session.ScreenshotAsync(page, "58-export-ready");
        var downloaded = new TaskCompletionSource<IDownload>();
        // The link opens a new tab that becomes a download; Chromium reports it on either page.
        page.Download += (_, d) => downloaded.TrySetResult(d);
        page.Context.Page += (_, popup) => popup.Download += (_, d) => downloaded.TrySetResult(d);
        await download.ClickAsync();
        var file = await downloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Matches(@"^subject-access-C-\d+-\d{8}\.zip$", file.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".zip");
        await file.SaveAsAsync(path);
        using (var zip = ZipFile.OpenRead(path))
        {
            Assert.Equal(2, zip.Entries.Count);
            Assert.Contains(zip.Entries, e => e.Name.EndsWith(".html", StringComparison.Ordinal));
        }
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-testid=export-downloaded]")).ToBeVisibleAsync();
        // Once: the same address now gives nothing.
        var again = await page.APIRequest.GetAsync($"/privacy/exports/{await session.TextAsync("SELECT MAX(Id) FROM SubjectAccessExports WHERE $p = $p", "")}.zip");
        Assert.Equal(404, again.Status);

        // Erasure of a prospect who never applied: requested by the officer…
        var lastName = (await session.TextAsync("SELECT c.LastName FROM PrivacyRequests r JOIN Constituents c ON c.Id = r.SubjectId WHERE r.Details LIKE '%never applied%' AND $p = $p", ""))!;
        var subjectId = await session.TextAsync("SELECT SubjectId FROM PrivacyRequests WHERE Details LIKE '%never applied%' AND $p = $p", "");
        await page.GotoAsync("/privacy");
        await rows.Filter(new() { HasText = "Erasure" }).Filter(new() { HasText = lastName }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=erasure-holds]")).ToHaveCountAsync(0);
        await page.Locator("[data-testid=erasure-request]").ClickAsync();
        await page.Locator(".mud-dialog button", new() { HasText = "Request erasure" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=erasure-awaiting]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=erasure-approve]")).ToHaveCountAsync(0); // not by the same officer
        var requestUrl = page.Url;
        await session.ScreenshotAsync(page, "59-erasure-awaiting-approval");

        // …approved by an administrator, which erases at once.
        var admin = await session.SignedInAsync(Personas.Admin);
        await admin.GotoAsync(requestUrl);
        await admin.Locator("[data-testid=erasure-approve]").ClickAsync();
        await admin.Locator(".mud-dialog button", new() { HasText = "Erase now" }).ClickAsync();
        // Erasure reads every registered text column of every table: on a busy machine that takes more than the default 5 s.
        await Assertions.Expect(admin.Locator("[data-testid=request-status]")).ToHaveTextAsync("Completed", new() { Timeout = 60_000 });
        await Assertions.Expect(admin.Locator("[data-testid=subject-erased]")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("[data-testid=request-outcome]")).ToContainTextAsync("pseudonym");
        await session.ScreenshotAsync(admin, "60-erased");

        // Admissions searches for the prospect: nothing of them.
        var admissions = await session.SignedInAsync(Personas.Admissions);
        await admissions.GotoAsync($"/constituents?q={Uri.EscapeDataString(lastName)}");
        await admissions.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(admissions.Locator($"a[href='/constituents/{subjectId}']")).ToHaveCountAsync(0);
        Assert.Equal(0, await session.CountAsync($"SELECT COUNT(*) FROM InformationRequests WHERE ProspectId = {subjectId} AND $email = $email", ""));
        Assert.Empty(policyViolations);
    }
}
