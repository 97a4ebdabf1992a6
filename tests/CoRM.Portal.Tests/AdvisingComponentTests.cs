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
    public async Task The_risk_filter_narrows_the_list_to_that_band_and_writes_it_into_the_address_and_Any_risk_lifts_it()
    {
        await SignInAsAsync(Personas.Faculty);
        var page = Render<MyAdvisees>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=advisee-risk]")), TimeSpan.FromSeconds(10));
        var all = page.FindAll("[data-testid=advisee]").Count;

        var filter = page.Find("select[data-testid=band-filter]");
        Assert.Equal(["", "High", "Medium", "Low"], filter.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.Equal("Risk", page.Find($"label[for='{filter.Id}']").TextContent);
        filter.Change("High");

        page.WaitForAssertion(() =>
        {
            var risks = page.FindAll("[data-testid=advisee-risk]").Select(r => r.TextContent.Trim()).ToList();
            Assert.NotEmpty(risks);
            Assert.All(risks, r => Assert.StartsWith("High", r, StringComparison.Ordinal));
            Assert.True(risks.Count < all);
        }, TimeSpan.FromSeconds(10));
        Assert.Contains("risk=High", (string)JSInterop.Invocations["cormKeepListInUrl"][^1].Arguments[1]!, StringComparison.Ordinal);

        page.Find("select[data-testid=band-filter]").Change("");
        page.WaitForAssertion(() => Assert.Equal(all, page.FindAll("[data-testid=advisee]").Count), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("risk=", (string)JSInterop.Invocations["cormKeepListInUrl"][^1].Arguments[1]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_is_not_one_of_the_filters_options_means_no_filter()
    {
        await SignInAsAsync(Personas.Faculty);
        var page = Render<MyAdvisees>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=advisee-risk]")), TimeSpan.FromSeconds(10));
        var all = page.FindAll("[data-testid=advisee]").Count;
        // The programmes offered are the advisees' own; a code typed into the page by hand is not a filter.
        var offered = page.FindAll("select[data-testid=programme-filter] option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToList();
        Assert.NotEmpty(offered);

        page.Find("select[data-testid=programme-filter]").Change("NOT-A-PROGRAMME");

        page.WaitForAssertion(() => Assert.Equal(all, page.FindAll("[data-testid=advisee]").Count), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("programme=", (string)JSInterop.Invocations["cormKeepListInUrl"][^1].Arguments[1]!, StringComparison.Ordinal);
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
        // This term's coursework so far: two assignments in each of three courses, each with its state.
        Assert.Equal(6, page.FindAll("[data-testid=coursework-row]").Count);
        Assert.Matches(@"\d+ handed in, \d+ missed, \d+ late, \d+ not yet due", page.Find("[data-testid=coursework-summary]").TextContent);
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

    [Fact]
    public async Task The_model_card_shows_the_algorithm_in_use_and_why_its_calibration_its_early_warning_and_what_is_kept_out()
    {
        await using (var db = await Institution.OpenAsync())
        {
            db.RiskModelRuns.Add(new Domain.StudentSuccess.RiskModelRun
            {
                TrainedAt = new DateTime(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc), Examples = 900, Dropouts = 300, CrossValidatedAuc = 0.9, RulesAuc = 0.8,
                Algorithm = Infrastructure.StudentSuccess.DropoutModel.Describe(Infrastructure.StudentSuccess.DropoutAlgorithm.LogisticRegression),
                TemporalAuc = 0.85, TemporalBoostedAuc = 0.84, TemporalRulesAuc = 0.8, TemporalSplit = "trained on 600 students who finished by 2024-06-30; scored on the 300 who finished 2025-06-30",
                Calibration = Domain.StudentSuccess.RiskModelRun.Format(Enumerable.Range(0, 10).Select(i => (i / 10.0, i / 11.0, 30))),
                CalibrationSource = "the 300 students of the latest cohort, scored by a model trained on earlier cohorts only",
                EarlyWarning = Domain.StudentSuccess.RiskModelRun.Format([(25, 0.71, 300), (50, 0.78, 300), (100, 0.9, 300)]),
                FinishedExcluded = 12,
            });
            await db.SaveChangesAsync();
        }
        await SignInAsAsync(Personas.StudentSuccess);

        var page = Render<RiskModelPage>();

        page.WaitForAssertion(() => Assert.Equal(10, page.FindAll("[data-testid=calibration-row]").Count), TimeSpan.FromSeconds(10));
        Assert.NotNull(page.Find("[data-testid=calibration-chart]"));
        Assert.Contains("Logistic regression", page.Find("[data-testid=model-algorithm]").TextContent, StringComparison.Ordinal);
        Assert.Contains("logistic regression 0.850, gradient boosting 0.840", page.Find("[data-testid=model-choice]").TextContent, StringComparison.Ordinal);
        var early = page.FindAll("[data-testid=early-warning-row]").Select(r => r.TextContent).ToList();
        Assert.Equal(3, early.Count);
        Assert.Contains("25 %", early[0], StringComparison.Ordinal);
        Assert.Contains("0.710", early[0], StringComparison.Ordinal);
        Assert.Contains("ethnicity", page.Find("[data-testid=model-features]").TextContent, StringComparison.Ordinal);
    }
}
