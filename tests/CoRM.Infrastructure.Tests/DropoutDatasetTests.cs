using System.Text;
using CoRM.Domain.Academics;
using CoRM.Domain.StudentSuccess;
using CoRM.Infrastructure.Academics;
using CoRM.Infrastructure.StudentSuccess;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.ML;
using Xunit.Abstractions;

namespace CoRM.Infrastructure.Tests;

/// <summary>The real 4,424-student file through the import path, and both risk layers measured on it.</summary>
public sealed class DropoutDatasetTests(ITestOutputHelper output) : InstitutionTest
{
    [Fact]
    public async Task The_real_file_imports_whole_and_both_risk_layers_separate_dropouts()
    {
        using var reader = new StreamReader(DataFiles.DropoutDataset, Encoding.UTF8);
        var report = await Institution.Get<DropoutDatasetImport>().ImportAsync(reader, CancellationToken.None);

        Assert.True(report.Committed, string.Join("; ", report.Rejected.Take(5)));
        Assert.Equal(4424, report.RowsAccepted);
        Assert.Empty(report.Rejected);

        await using var db = await Institution.OpenAsync();
        var term2 = await db.Terms.SingleAsync(t => t.Code == DropoutDatasetImport.SecondTermCode);
        var outcomes = await db.ProgrammeEnrolments.Where(e => e.TermId == term2.Id).Select(e => new { e.StudentId, e.Status }).ToListAsync();
        Assert.Equal(1421, outcomes.Count(o => o.Status == EnrolmentStatus.DroppedOut));
        Assert.Equal(2209, outcomes.Count(o => o.Status == EnrolmentStatus.Graduated));

        var students = db.ProgrammeEnrolments.Where(e => e.TermId == term2.Id).Select(e => e.StudentId);
        var inputs = await RiskInputsQuery.LoadAsync(db, students, DropoutDatasetImport.SecondTerm.EndsOn, CancellationToken.None);
        var dropped = outcomes.ToDictionary(o => o.StudentId, o => o.Status == EnrolmentStatus.DroppedOut);

        var rulesAuc = DropoutModel.Auc(inputs.Select(i => (RuleBasedRisk.Assess(i.Value).Score, dropped[i.Key])).ToList());
        var examples = inputs.Select(i => DropoutFeatures.From(i.Value, dropped[i.Key])).ToList();
        var (modelAuc, sd, _) = DropoutModel.CrossValidate(examples);
        output.WriteLine($"Rule-based score ROC AUC (dropout vs rest, n={inputs.Count}): {rulesAuc:F3}");
        output.WriteLine($"Learned model 5-fold CV ROC AUC: {modelAuc:F3} ± {sd:F3}");
        var (boostedAuc, boostedSd, _) = DropoutModel.CrossValidate(examples, algorithm: DropoutAlgorithm.GradientBoosting);
        output.WriteLine($"Gradient boosting 5-fold CV ROC AUC: {boostedAuc:F3} ± {boostedSd:F3}");

        output.WriteLine($"Reference setting, logistic regression on all 34 raw columns: {AllColumnsAuc():F3}");

        // The nightly job after an import: trains on the known outcomes and records the model card.
        var run = await Institution.Get<StudentSuccess.RiskAssessmentJob>().RunAsync();
        Assert.NotNull(run.Model);
        await using var cards = await Institution.OpenAsync();
        var card = await cards.RiskModelRuns.SingleAsync();
        output.WriteLine($"Model card after import: {card.Examples} students, {card.Dropouts} dropouts, CV AUC {card.CrossValidatedAuc:F3}, rules AUC {card.RulesAuc:F3}");
        Assert.True(card.CrossValidatedAuc > 0.90);
        Assert.Null(card.TemporalAuc); // the file's outcomes are one cohort: no temporal figure rather than a flattering one
        var enrolledStudent = outcomes.First(o => o.Status == EnrolmentStatus.Enrolled).StudentId;
        var modelView = await cards.RiskAssessments.SingleAsync(a => a.StudentId == enrolledStudent && a.Method == RiskMethod.Model);
        Assert.InRange(modelView.Score, 0, 1);

        Assert.True(rulesAuc > 0.80, $"rules AUC {rulesAuc:F3}");
        Assert.True(modelAuc > 0.90, $"model AUC {modelAuc:F3}");
    }

    /// <summary>The README's reference figure with the same trainer, straight from the file, for comparison.</summary>
    private static double AllColumnsAuc()
    {
        var ml = new Microsoft.ML.MLContext(1);
        var data = ml.Data.LoadFromTextFile(DataFiles.DropoutDataset, new Microsoft.ML.Data.TextLoader.Options
        {
            Separators = [','],
            HasHeader = true,
            Columns =
            [
                new("Raw", Microsoft.ML.Data.DataKind.Single, 0, 33),
                new("Target", Microsoft.ML.Data.DataKind.String, 34),
            ],
        });
        var pipeline = ml.Transforms.CustomMapping<TargetRow, LabelRow>((t, l) => l.Label = t.Target == "Dropout", contractName: null)
            .Append(ml.Transforms.NormalizeMeanVariance("Raw"))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: "Label", featureColumnName: "Raw"));
        return ml.BinaryClassification.CrossValidate(data, pipeline, numberOfFolds: 5, labelColumnName: "Label", seed: 1).Average(r => r.Metrics.AreaUnderRocCurve);
    }

    private sealed class TargetRow
    {
        public string Target { get; set; } = "";
    }

    private sealed class LabelRow
    {
        public bool Label { get; set; }
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_whole_with_every_reason()
    {
        var lines = File.ReadLines(DataFiles.DropoutDataset, Encoding.UTF8).Take(6).ToList();
        lines[2] = lines[2].Replace(",Graduate", ",Unknown", StringComparison.Ordinal);
        var fields = lines[4].Split(',');
        fields[17] = "twenty"; // Age at enrollment
        lines[4] = string.Join(',', fields);
        using var reader = new StringReader(string.Join('\n', lines));

        var report = await Institution.Get<DropoutDatasetImport>().ImportAsync(reader, CancellationToken.None);

        Assert.False(report.Committed);
        Assert.Equal(2, report.Rejected.Count);
        Assert.Contains(report.Rejected, r => r.Line == 3 && r.Reason.Contains("Target", StringComparison.Ordinal));
        Assert.Contains(report.Rejected, r => r.Line == 5 && r.Reason.Contains("'twenty' is not a whole number", StringComparison.Ordinal));
        await using var db = await Institution.OpenAsync();
        Assert.False(await db.Terms.AnyAsync(t => t.Code == DropoutDatasetImport.FirstTermCode));
        Assert.False(await db.Courses.AnyAsync(c => c.Code.StartsWith("P-")));
        Assert.False(await db.Constituents.AnyAsync(c => c.LastName.StartsWith("UCI-")));
    }

    [Fact]
    public async Task A_file_without_the_expected_columns_is_refused_with_their_names()
    {
        using var reader = new StringReader("Name,Course\nAna,1\n");
        var report = await Institution.Get<DropoutDatasetImport>().ImportAsync(reader, CancellationToken.None);
        var rejected = Assert.Single(report.Rejected);
        Assert.Contains("Missing columns: Age at enrollment", rejected.Reason, StringComparison.Ordinal);
    }
}
