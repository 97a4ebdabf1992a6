using CoRM.Domain.Academics;
using CoRM.Domain.StudentSuccess;
using CoRM.Infrastructure.Academics;
using CoRM.Infrastructure.StudentSuccess;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

/// <summary>
/// A module-based university's exports (several modules a term, dated and weighted assessments, missed submissions,
/// pseudonymised students) through the import, then the nightly job: the model is chosen on the temporal check, saved,
/// calibrated and measured part-way through a term, and an import's recompute scores with the saved model.
/// </summary>
public sealed class DatedCourseworkTests(ITestOutputHelper output) : InstitutionTest
{
    private DateOnly Today => DateOnly.FromDateTime(Institution.Time.GetUtcNow().UtcDateTime);

    private async Task ImportAsync(IEnumerable<ModuleUniversity.Export> exports)
    {
        var daniel = await Institution.PersonaAsync(Personas.StudentSuccess);
        var import = Institution.Get<SisImport>();
        foreach (var export in exports)
        {
            var report = await import.ImportAsync(daniel, export.Kind, export.Csv, export.Mapping);
            Assert.True(report.Committed, $"{export.Kind}: {string.Join("; ", report.Rejected.Take(3))}");
        }
    }

    [Fact]
    public async Task Dated_coursework_gives_an_early_warning_figure_the_chosen_model_is_saved_and_an_import_rescores_without_retraining()
    {
        await ImportAsync(ModuleUniversity.Generate(cohorts: 3, studentsPerCohort: 300, underWay: Today));

        await using (var db = await Institution.OpenAsync())
        {
            // Two modules a student a presentation, each its own enrolment; missed submissions kept as such.
            var student = await db.Constituents.Where(c => c.StudentNumber == "100001").Select(c => new { c.Id, c.DisplayName }).SingleAsync();
            Assert.Equal("Student 100001", student.DisplayName);
            Assert.Equal(2, await db.ProgrammeEnrolments.CountAsync(e => e.StudentId == student.Id));
            Assert.True(await db.AssessmentResults.CountAsync(a => a.SubmittedOn == null && a.Score == null) > 100);
        }

        var job = Institution.Get<RiskAssessmentJob>();
        var nightly = await job.RunAsync();
        Assert.NotNull(nightly.Model);

        await using (var db = await Institution.OpenAsync())
        {
            var run = await db.RiskModelRuns.SingleAsync();
            output.WriteLine($"CV {run.CrossValidatedAuc:0.000}; temporal LR {run.TemporalAuc:0.000}, GB {run.TemporalBoostedAuc:0.000}, rules {run.TemporalRulesAuc:0.000}; chose {run.Algorithm}");
            output.WriteLine("Early warning: " + string.Join(", ", run.EarlyWarningPoints.Select(p => $"{p.Percent}% {p.Auc:0.000} (n={p.Students})")));
            output.WriteLine("Calibration: " + string.Join(", ", run.CalibrationPoints.Select(p => $"{p.Predicted:0.00}/{p.Observed:0.00}")));

            // Temporal check on the third cohort; production is whichever algorithm won it.
            Assert.NotNull(run.TemporalAuc);
            var winner = DropoutModel.Choose(run.TemporalAuc!.Value, run.TemporalBoostedAuc!.Value);
            Assert.Equal(DropoutModel.Describe(winner), run.Algorithm);

            // Early warning at a quarter, half and all of the term: better than chance early, better still later.
            Assert.Equal([25, 50, 100], run.EarlyWarningPoints.Select(p => p.Percent));
            var (quarter, half, whole) = (run.EarlyWarningPoints[0].Auc, run.EarlyWarningPoints[1].Auc, run.EarlyWarningPoints[2].Auc);
            Assert.True(quarter > 0.6, $"a quarter into the term {quarter:0.000}");
            Assert.True(half > quarter && whole > half, $"{quarter:0.000} → {half:0.000} → {whole:0.000}");

            // Calibration deciles on the held-out cohort: ten groups, every one of its students, rising observed rates.
            Assert.Equal(10, run.CalibrationPoints.Count);
            Assert.Equal(300, run.CalibrationPoints.Sum(p => p.Students));
            Assert.True(run.CalibrationPoints[^1].Observed > run.CalibrationPoints[0].Observed + 0.4);

            var file = await db.RiskModelFiles.SingleAsync();
            Assert.Equal(run.Id, file.RunId);
            Assert.Equal(DropoutFeatures.FeatureSet, file.FeatureSet);
            Assert.True(file.Content.Length > 1000);
        }

        // A student of the presentation under way misses the latest assignment; the import's recompute shows it today,
        // with the saved model: no second training run.
        int who;
        double before;
        await using (var db = await Institution.OpenAsync())
        {
            var current = await db.Terms.SingleAsync(t => t.StartsOn <= Today && t.EndsOn >= Today && EF.Functions.Like(t.Code, "%J"));
            var latest = await db.AssessmentResults.Where(a => a.TermId == current.Id && a.Score != null).OrderByDescending(a => a.DueOn).ThenBy(a => a.StudentId).FirstAsync();
            who = latest.StudentId;
            before = await db.RiskAssessments.Where(a => a.StudentId == who && a.AssessedOn == Today && a.Method == RiskMethod.Model).Select(a => a.Score).SingleAsync();
            foreach (var work in await db.AssessmentResults.Where(a => a.StudentId == who && a.TermId == current.Id).ToListAsync())
                (work.SubmittedOn, work.Score) = (null, null);
            await db.SaveChangesAsync();
        }
        var rescored = await job.RescoreAsync();
        Assert.True(rescored.Assessed >= 1);
        await using (var db = await Institution.OpenAsync())
        {
            Assert.Equal(1, await db.RiskModelRuns.CountAsync());
            var rules = await db.RiskAssessments.SingleAsync(a => a.StudentId == who && a.AssessedOn == Today && a.Method == RiskMethod.Rules);
            Assert.Contains(rules.FactorList, f => f.Code == "missed-work" && f.Explanation.StartsWith("missed ", StringComparison.Ordinal));
            var model = await db.RiskAssessments.SingleAsync(a => a.StudentId == who && a.AssessedOn == Today && a.Method == RiskMethod.Model);
            output.WriteLine($"Model score for the student who missed everything: {before:0.000} → {model.Score:0.000} ({model.Factors.Replace('\n', ';')})");
            Assert.True(model.Score > before + 0.05, $"{before:0.000} → {model.Score:0.000}");
            Assert.Contains(model.FactorList, f => f.Code == "model:share of assessments missed");
        }
    }

    [Fact]
    public async Task Risk_as_of_a_date_sees_only_the_coursework_due_and_the_results_published_by_then()
    {
        await ImportAsync(ModuleUniversity.Generate(cohorts: 1, studentsPerCohort: 20));
        await using var db = await Institution.OpenAsync();
        var term = await db.Terms.SingleAsync(t => t.Code == "2021J");
        var student = await db.Constituents.Where(c => c.StudentNumber == "100003").Select(c => c.Id).SingleAsync();
        var ids = db.Constituents.Where(c => c.Id == student).Select(c => c.Id);
        var work = await db.AssessmentResults.Where(a => a.StudentId == student).OrderBy(a => a.DueOn).ToListAsync();

        var beforeAnything = await RiskInputsQuery.LoadAsync(db, ids, term.StartsOn.AddDays(10), CancellationToken.None);
        Assert.Null(beforeAnything[student].Coursework);
        Assert.Null(beforeAnything[student].LastTerm); // the final results are published at the end

        var firstDue = work.Min(a => a.DueOn)!.Value;
        var early = (await RiskInputsQuery.LoadAsync(db, ids, firstDue, CancellationToken.None))[student];
        Assert.Equal(work.Count(a => a.DueOn == firstDue), early.Coursework!.Due);
        Assert.Null(early.LastTerm);

        var end = (await RiskInputsQuery.LoadAsync(db, ids, term.EndsOn, CancellationToken.None))[student];
        Assert.Equal(work.Count, end.Coursework!.Due);
        Assert.Equal(work.Count(a => a.Missing), end.Coursework.Missed);
        Assert.Equal(2, end.LastTerm!.CoursesEnrolled); // both modules' final results, published on the last day
    }

    [Fact]
    public void Coursework_progress_counts_late_work_weights_scores_and_treats_work_not_yet_handed_in_as_missed()
    {
        var day = new DateOnly(2026, 3, 1);
        RiskInputsQuery.Coursework Work(int dueIn, int? submittedIn, decimal weight, decimal? score) =>
            new(1, 1, day.AddDays(dueIn), submittedIn is { } s ? day.AddDays(s) : null, weight, score);

        var progress = RiskInputsQuery.Progress("T", [Work(-20, -21, 10, 80), Work(-10, -5, 30, 40), Work(-2, null, 20, null), Work(-1, 3, 20, 90), Work(5, null, 20, null)], day)!;

        Assert.Equal(4, progress.Due); // the fifth is not due yet
        Assert.Equal(2, progress.Submitted);
        Assert.Equal(2, progress.Missed); // one never handed in, one handed in after the day asked about
        Assert.Equal(1, progress.Late);
        Assert.Equal(50m, progress.AverageScore); // (80×10 + 40×30) / 40
        Assert.Null(RiskInputsQuery.Progress("T", [Work(5, null, 20, null)], day));
    }
}
