using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

public sealed class StudentSuccessJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Student_success_imports_the_real_file_and_sees_the_model_card_analytics_and_alerts()
    {
        var page = await session.SignedInAsync(Personas.StudentSuccess);
        await page.Locator("[data-testid=nav] a", new() { HasText = "Import records" }).ClickAsync();

        // First a small SIS export through the column mapping: terms.
        var terms = Path.Combine(Path.GetTempPath(), $"terms-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(terms, "Term,Name,Start date,End date\n2027-S1,Spring 2027,2027-02-15,2027-06-30\n");
        await page.Locator("[data-testid=import-kind]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Terms" }).ClickAsync();
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(terms);
        await page.Locator("[data-testid=column-mapping]").WaitForAsync();
        await session.ScreenshotAsync(page, "13a-column-mapping");
        await page.Locator("[data-testid=check-file]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=sis-preview]")).ToContainTextAsync("1 rows read, 0 rejected");
        await page.Locator("[data-testid=commit-sis-import]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-done]")).ToContainTextAsync("Imported 1 rows");

        await page.Locator("[data-testid=import-kind]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Student outcomes" }).ClickAsync();
        var dataset = Path.Combine(Infrastructure.Tests.Support.DataFiles.RepositoryRoot(), "tests", "data", "student-dropout", "dataset.csv");
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(dataset);
        await Assertions.Expect(page.Locator("[data-testid=import-preview]")).ToContainTextAsync("4,424 valid rows, 0 rejected");
        await session.ScreenshotAsync(page, "13-import-preview");
        await page.Locator("[data-testid=commit-import]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-done]")).ToContainTextAsync("Imported 4,424 rows", new() { Timeout = 60_000 });

        // The import queued the recompute; run it as the Hangfire server would (without waiting on its polling).
        var monitor = session.Portal.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        Assert.Contains(monitor.EnqueuedJobs("default", 0, 10), j => j.Value.Job.Type == typeof(Infrastructure.StudentSuccess.RiskAssessmentJob));
        using (var scope = session.Portal.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<Infrastructure.StudentSuccess.RiskAssessmentJob>().RunAsync();

        await page.Locator("[data-testid=nav] a", new() { HasText = "Risk model" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=model-auc]")).ToContainTextAsync("0.9");
        // One cohort, undated results: chosen by cross-validation, calibrated on held-out folds, no early-warning figure yet.
        await Assertions.Expect(page.Locator("[data-testid=model-choice]")).ToContainTextAsync("cross-validation");
        await Assertions.Expect(page.Locator("[data-testid=calibration-chart]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=calibration-row]")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("[data-testid=no-early-warning]")).ToBeVisibleAsync();
        await session.ScreenshotAsync(page, "14-model-card");

        await page.Locator("[data-testid=nav] a", new() { HasText = "Cohort analytics" }).ClickAsync();
        await page.Locator("[data-testid=dimension] button", new() { HasText = "Term" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=cohort-table]")).ToContainTextAsync("UCI-S2");
        await page.Locator("[data-testid=dimension] button", new() { HasText = "Programme" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=cohort-table]")).ToContainTextAsync("Nursing");
        await session.ScreenshotAsync(page, "15-cohort-analytics");

        await page.Locator("[data-testid=nav] a", new() { HasText = "Risk alerts" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=alerts] tbody tr").First).ToContainTextAsync("High");
        await session.ScreenshotAsync(page, "16-risk-alerts");
    }
}
