using Bunit;
using CoRM.Portal.Components.Pages.StudentSuccess;
using CoRM.Portal.Components.Shared;
using CoRM.Portal.Tests.Support;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Portal.Tests;

/// <summary>The institution's culture is process-wide (set once at start): these tests run alone, and put en-GB back.</summary>
[CollectionDefinition(nameof(InstitutionCultureCollection), DisableParallelization = true)]
public sealed class InstitutionCultureCollection;

[Collection(nameof(InstitutionCultureCollection))]
public sealed class InstitutionCultureTests : PortalComponentTest
{
    [Fact]
    public async Task A_portuguese_institution_reads_its_model_figures_with_decimal_commas()
    {
        await using (var db = await Institution.OpenAsync())
        {
            db.RiskModelRuns.Add(new Domain.StudentSuccess.RiskModelRun
            {
                TrainedAt = new DateTime(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc), Examples = 1900, Dropouts = 300, CrossValidatedAuc = 0.9, RulesAuc = 0.8,
                Algorithm = Infrastructure.StudentSuccess.DropoutModel.Describe(Infrastructure.StudentSuccess.DropoutAlgorithm.LogisticRegression),
                TemporalAuc = 0.85, TemporalBoostedAuc = 0.84, TemporalRulesAuc = 0.8, TemporalSplit = "trained on earlier cohorts",
                Calibration = Domain.StudentSuccess.RiskModelRun.Format(Enumerable.Range(0, 10).Select(i => (i / 10.0, i / 11.0, 30))),
                CalibrationSource = "the latest cohort",
                EarlyWarning = Domain.StudentSuccess.RiskModelRun.Format([(25, 0.71, 300), (50, 0.78, 300), (100, 0.9, 300)]),
            });
            await db.SaveChangesAsync();
        }
        await SignInAsAsync(Personas.StudentSuccess);
        Infrastructure.Common.InstitutionFormat.UseCulture("pt-PT");
        try
        {
            var page = Render<RiskModelPage>();
            page.WaitForAssertion(() => Assert.Contains("0,850", page.Find("[data-testid=temporal-auc]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
            Assert.DoesNotContain("0.850", page.Markup, StringComparison.Ordinal);
            Assert.Contains("0,710", page.FindAll("[data-testid=early-warning-row]")[0].TextContent, StringComparison.Ordinal);
            Assert.Equal("1 500,00 EUR", Labels.Money(1500m).Replace('\u00a0', ' ').Replace('\u202f', ' '));
        }
        finally
        {
            Infrastructure.Common.InstitutionFormat.UseCulture("en-GB");
        }
    }
}
