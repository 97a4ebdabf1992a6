using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

/// <summary>
/// Issue 19, item 5: axe (WCAG 2.x A and AA rules) on every persona's landing page and main pages, in the real browser.
/// A critical or serious violation fails the test, listed with the element and what axe says to fix.
/// </summary>
public sealed class AccessibilityTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    public static TheoryData<string, string[]> Personas_and_pages => new()
    {
        { Personas.Faculty, ["/advising", "/follow-ups", "/dashboard"] },
        { Personas.Parent, ["/family", "/my/family-access"] },
        { Personas.Volunteer, ["/volunteer"] },
        { Personas.VolunteerCoordinator, ["/volunteering", "/volunteering/recognition"] },
        { Personas.Advancement, ["/advancement/campaigns", "/advancement/receipts", "/advancement/gifts", "/advancement/segments", "/advancement/events"] },
        { Personas.Admissions, ["/admissions", "/admissions/funnel", "/families/requests"] },
        { Personas.StudentSuccess, ["/student-success/alerts", "/student-success/analytics", "/student-success/model"] },
        { Personas.CaseWorker, ["/cases", "/cases/lookup"] },
        { Personas.DataSteward, ["/constituents", "/constituents/duplicates"] },
        { Personas.DataProtection, ["/privacy"] },
        { Personas.Admin, ["/engagement", "/admin/audit"] },
    };

    [Theory]
    [MemberData(nameof(Personas_and_pages))]
    public async Task Landing_and_main_pages_have_no_serious_or_critical_violations(string persona, string[] pages)
    {
        var page = await session.SignedInAsync(persona);
        var report = new StringBuilder();
        var landing = new Uri(page.Url).AbsolutePath;
        foreach (var path in pages.Prepend(landing).Distinct())
        {
            if (path != landing) await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.Locator("[data-testid=page-title], h1").First.WaitForAsync();
            await page.WaitForTimeoutAsync(300); // the first data render after the skeleton
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            foreach (var violation in result.Violations.Where(v => v.Impact is "critical" or "serious"))
            {
                report.AppendLine($"{path}: [{violation.Impact}] {violation.Id} — {violation.Help} ({violation.Nodes.Length} node(s))");
                foreach (var node in violation.Nodes.Take(3))
                    report.AppendLine($"    {node.Target}: {string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message))}");
            }
        }
        Assert.True(report.Length == 0, $"axe found serious or critical violations for {persona}:\n{report}");
    }
}
