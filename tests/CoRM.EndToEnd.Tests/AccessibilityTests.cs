using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

/// <summary>
/// Issue 19, item 5: axe (all its rules, WCAG 2.x A and AA among them) on every persona's landing page and main pages,
/// in the real browser.
/// A critical or serious violation fails the test, listed with the element and what axe says to fix; so does a page
/// without one main landmark or one h1, or whose headings skip a level (axe rates those "moderate").
/// </summary>
public sealed class AccessibilityTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private static readonly HashSet<string> StructureRules = ["landmark-one-main", "page-has-heading-one", "heading-order", "landmark-no-duplicate-main"];

    public static TheoryData<string, string[]> Personas_and_pages => new()
    {
        { Personas.Faculty, ["/advising", "/follow-ups", "/dashboard"] },
        { Personas.Parent, ["/family", "/family/apply"] },
        { Personas.Student, [] },
        { Personas.Volunteer, ["/volunteer"] },
        { Personas.VolunteerCoordinator, ["/volunteering", "/volunteering/recognition"] },
        { Personas.Advancement, ["/advancement/campaigns", "/advancement/receipts", "/advancement/gifts", "/advancement/segments", "/advancement/events"] },
        { Personas.Admissions, ["/admissions", "/admissions/funnel", "/families/requests"] },
        { Personas.StudentSuccess, ["/student-success/alerts", "/student-success/analytics", "/student-success/model"] },
        { Personas.CaseWorker, ["/cases", "/cases/lookup"] },
        { Personas.DataSteward, ["/constituents", "/constituents/duplicates"] },
        { Personas.DataProtection, ["/privacy"] },
        { Personas.Admin, ["/engagement", "/admin/audit", "/constituents/1"] },
    };

    [Theory]
    [MemberData(nameof(Personas_and_pages))]
    public async Task Landing_and_main_pages_have_no_serious_or_critical_violations(string persona, string[] pages)
    {
        var page = await session.SignedInAsync(persona);
        var landing = new Uri(page.Url).AbsolutePath;
        var report = await CheckAsync(page, pages.Prepend(landing).Distinct(), landing);
        Assert.True(report.Length == 0, $"axe found serious or critical violations for {persona}:\n{report}");
    }

    [Fact]
    public async Task The_pages_outsiders_see_have_no_serious_or_critical_violations()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        var report = await CheckAsync(page, ["/account/sign-in", "/join", "/account/signed-out"], "/account/sign-in");
        Assert.True(report.Length == 0, $"axe found serious or critical violations on the public pages:\n{report}");
    }

    private static async Task<StringBuilder> CheckAsync(IPage page, IEnumerable<string> paths, string current)
    {
        var report = new StringBuilder();
        foreach (var path in paths)
        {
            if (path != current) await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.Locator("h1").First.WaitForAsync();
            await page.WaitForTimeoutAsync(300); // the first data render after the skeleton
            var result = await page.RunAxe();
            foreach (var violation in result.Violations.Where(v => v.Impact is "critical" or "serious" || StructureRules.Contains(v.Id)))
            {
                report.AppendLine($"{path}: [{violation.Impact}] {violation.Id} — {violation.Help} ({violation.Nodes.Length} node(s))");
                foreach (var node in violation.Nodes.Take(3))
                {
                    // Where it is: the nearest element with a test id says which component to mend.
                    var within = await page.EvaluateAsync<string?>("s => document.querySelector(s)?.closest('[data-testid]')?.getAttribute('data-testid') ?? null", node.Target.ToString());
                    report.AppendLine($"    {node.Target} (within {within ?? "the page"}) {(node.Html.Length > 160 ? node.Html[..160] : node.Html)}: {string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message))}");
                }
            }
        }
        return report;
    }
}
