using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

public sealed class AdmissionsJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task An_officer_reads_decides_takes_the_deposit_and_enrols()
    {
        var page = await session.SignedInAsync(Personas.Admissions);
        await page.GotoAsync("/admissions");
        var inReview = page.Locator("[data-testid=column-InReview]");
        await inReview.Locator("[data-testid=pipeline-card]").First.WaitForAsync();
        await session.ScreenshotAsync(page, "27-admissions-pipeline");

        // A file read once, by the other officer: Priya gives the second reading.
        var id = await session.CountAsync("""
            SELECT a.Id FROM AdmissionApplications a
            WHERE a.Stage = 2 AND (SELECT COUNT(*) FROM ApplicationReviews r WHERE r.ApplicationId = a.Id) = 1
              AND NOT EXISTS (SELECT 1 FROM ApplicationReviews r JOIN PortalUsers u ON u.ConstituentId = r.ReaderId WHERE r.ApplicationId = a.Id AND u.Email = $email)
            ORDER BY a.Id LIMIT 1
            """, Personas.Admissions);
        await page.GotoAsync($"/admissions/applications/{id}");
        await page.Locator("[data-testid=submit-reading]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=reading]")).ToHaveCountAsync(0);
        foreach (var criterion in new[] { "AcademicRecord", "PersonalStatement", "Recommendation", "Interview" })
            await page.Locator($"[data-testid=score-{criterion}] .mud-rating-item").Nth(3).ClickAsync();
        await page.Locator("[data-testid=submit-reading]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=reading]")).ToHaveCountAsync(2);

        await page.Locator("[data-testid=record-decision]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=application-stage]")).ToHaveTextAsync("Offer made");
        await page.Locator("[data-testid=record-deposit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=application-stage]")).ToHaveTextAsync("Place secured (deposit paid)");
        await page.Locator("[data-testid=enrol-applicant]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=application-stage]")).ToHaveTextAsync("Enrolled");
        await session.ScreenshotAsync(page, "28-application-enrolled");
        Assert.Equal(1, await session.CountAsync($"SELECT COUNT(*) FROM ProgrammeEnrolments e JOIN AdmissionApplications a ON a.ApplicantId = e.StudentId AND a.TermId = e.TermId WHERE a.Id = {id} AND $email = $email", ""));

        await page.Locator("[data-testid=nav] a", new() { HasText = "Funnel" }).ClickAsync();
        await page.Locator("[data-testid=funnel-chart] svg").First.WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=funnel-table]")).ToContainTextAsync("Enrolled");
        await session.ScreenshotAsync(page, "29-admissions-funnel");
    }
}
