using Bunit;
using CoRM.Portal.Components.Pages.StudentSuccess;
using CoRM.Portal.Components.Pages.Constituents;
using CoRM.Portal.Tests.Support;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Portal.Tests;

public sealed class AdvisingComponentTests : PortalComponentTest
{
    [Fact]
    public async Task The_advisee_list_shows_the_most_at_risk_first_with_the_reason_in_words()
    {
        await SignInAsAsync(Personas.Faculty);
        var page = Render<MyAdvisees>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=advisee-risk]")), TimeSpan.FromSeconds(10));

        var risks = page.FindAll("[data-testid=advisee-risk]");
        Assert.StartsWith("High", risks[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Matches("passed \\d of \\d courses|tuition \\d+ days overdue|absences up from", risks[0].TextContent);
        var names = page.FindAll("[data-testid=advisee] a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Tiago Almeida", names);
    }

    [Fact]
    public async Task The_student_page_explains_the_risk_and_shows_results_and_tuition()
    {
        await SignInAsAsync(Personas.Faculty);
        var tiago = await Institution.ConstituentIdAsync(Personas.UngrantedChild);
        var page = Render<ConstituentProfilePage>(p => p.Add(x => x.Id, tiago));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=student-success]")), TimeSpan.FromSeconds(10));

        Assert.Contains("risk", page.Find("[data-testid=risk-band]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("[data-testid=risk-factors] .mud-list-item"));
        Assert.Equal(6, page.FindAll("[data-testid=course-results] tbody tr").Count);
        Assert.Contains("Tuition", page.Find("[data-testid=tuition]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gift_officer_sees_the_student_but_no_grades_or_risk()
    {
        await SignInAsAsync(Personas.Advancement);
        var tiago = await Institution.ConstituentIdAsync(Personas.UngrantedChild);
        var page = Render<ConstituentProfilePage>(p => p.Add(x => x.Id, tiago));
        page.WaitForAssertion(() => Assert.Contains("Tiago Almeida", page.Find("[data-testid=profile-name]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=student-success]"));
    }
}
