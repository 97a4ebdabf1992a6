using CoRM.Domain.StudentSuccess;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace CoRM.Infrastructure.StudentSuccess;

/// <summary>One student's features for the learned model, all derived from <see cref="RiskInputs"/>.</summary>
public sealed class DropoutFeatures
{
    public static readonly string[] Names =
    [
        "courses last term", "passed last term", "assessed last term", "grade last term", "pass rate last term", "absences last term",
        "courses term before", "passed term before", "grade term before", "pass rate term before", "absences term before",
        "days tuition overdue", "tuition owed", "days enrolled late", "age at enrolment",
    ];

    [VectorType(15)] public float[] Features { get; set; } = new float[15];
    public string Programme { get; set; } = "";
    public bool Label { get; set; }

    public static DropoutFeatures From(RiskInputs inputs, bool droppedOut = false)
    {
        var last = inputs.LastTerm;
        var previous = inputs.PreviousTerm;
        return new DropoutFeatures
        {
            Label = droppedOut,
            Features =
            [
                last?.CoursesEnrolled ?? 0, last?.CoursesPassed ?? 0, last?.CoursesEvaluated ?? 0, (float)(last?.AverageGrade ?? 0), (float)(last?.PassRate ?? 0), last?.Absences ?? 0,
                previous?.CoursesEnrolled ?? 0, previous?.CoursesPassed ?? 0, (float)(previous?.AverageGrade ?? 0), (float)(previous?.PassRate ?? 0), previous?.Absences ?? 0,
                inputs.TuitionDaysOverdue, (float)inputs.TuitionOutstanding, inputs.DaysEnrolledLate, inputs.AgeAtEnrolment ?? 0,
            ],
            Programme = inputs.ProgrammeCode ?? "",
        };
    }
}

public enum DropoutAlgorithm
{
    LogisticRegression,
    GradientBoosting,
}

/// <summary>Facts about a trained model, for the model card.</summary>
public sealed record ModelCard(DateTime TrainedAt, int Examples, int Dropouts, double CrossValidatedAuc, double CrossValidatedAucStdDev, string Algorithm);

/// <summary>
/// The second layer: logistic regression trained on the institution's own students whose outcome is known
/// (dropped out, or not), on features the advisor can read. Its explanation per student is each feature's
/// contribution to the score relative to the average student (weight × (normalised value − its training mean)), so a
/// factor listed as raising risk really does; worded with <see cref="DropoutFeatures.Names"/>.
/// </summary>
public sealed class DropoutModel
{
    private readonly PredictionEngine<DropoutFeatures, Prediction> engine;

    private readonly float[] weights;

    /// <summary>The training population's mean of each feature as the predictor sees it: contributions are measured from it.</summary>
    private readonly float[] means;

    private DropoutModel(MLContext ml, ITransformer model, ModelCard card, float[] means)
    {
        Card = card;
        this.means = means;
        engine = ml.Model.CreatePredictionEngine<DropoutFeatures, Prediction>(model);
        // The fitted chain ends with the calibrated linear predictor: its weights, times the normalised features, are the contributions.
        var predictor = (BinaryPredictionTransformer<Microsoft.ML.Calibrators.CalibratedModelParametersBase<LinearBinaryModelParameters, Microsoft.ML.Calibrators.PlattCalibrator>>)
            ((IEnumerable<ITransformer>)model).Last();
        weights = predictor.Model.SubModel.Weights.ToArray();
    }

    public ModelCard Card { get; }

    private sealed class Prediction
    {
        public float Probability { get; set; }

        /// <summary>The features as the predictor saw them: normalised, programme one-hot.</summary>
        public float[] AllFeatures { get; set; } = [];
    }

    /// <summary>The programme joins the numeric features one-hot; its slots come after <see cref="DropoutFeatures.Names"/>.</summary>
    private static IEstimator<ITransformer> Pipeline(MLContext ml, DropoutAlgorithm algorithm = DropoutAlgorithm.LogisticRegression)
    {
        var features = ml.Transforms.Categorical.OneHotEncoding("ProgrammeVector", "Programme")
            .Append(ml.Transforms.Concatenate("AllFeatures", "Features", "ProgrammeVector"));
        return algorithm switch
        {
            DropoutAlgorithm.GradientBoosting => features.Append(ml.BinaryClassification.Trainers.FastTree(labelColumnName: "Label", featureColumnName: "AllFeatures",
                numberOfLeaves: 16, numberOfTrees: 200, minimumExampleCountPerLeaf: 20, learningRate: 0.05)),
            _ => features.Append(ml.Transforms.NormalizeMeanVariance("AllFeatures"))
                .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: "Label", featureColumnName: "AllFeatures")),
        };
    }

    /// <summary>5-fold cross-validated ROC AUC of the pipeline on these examples (mean and standard deviation).</summary>
    public static (double Mean, double StdDev) CrossValidate(IReadOnlyList<DropoutFeatures> examples, int folds = 5, int seed = 1,
        DropoutAlgorithm algorithm = DropoutAlgorithm.LogisticRegression)
    {
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(examples);
        var results = ml.BinaryClassification.CrossValidate(data, Pipeline(ml, algorithm), numberOfFolds: folds, labelColumnName: "Label", seed: seed);
        var aucs = results.Select(r => r.Metrics.AreaUnderRocCurve).ToList();
        var mean = aucs.Average();
        return (mean, Math.Sqrt(aucs.Sum(a => (a - mean) * (a - mean)) / aucs.Count));
    }

    /// <summary>
    /// Temporal validation: the pipeline trained on earlier cohorts only, then ranking a later cohort it never saw — the
    /// figure that says how the model will do on next year's students (cross-validation mixes the years and flatters).
    /// </summary>
    public static double TemporalAuc(IReadOnlyList<DropoutFeatures> earlier, IReadOnlyList<DropoutFeatures> later,
        DropoutAlgorithm algorithm = DropoutAlgorithm.LogisticRegression, int seed = 1)
    {
        var ml = new MLContext(seed);
        var model = Pipeline(ml, algorithm).Fit(ml.Data.LoadFromEnumerable(earlier));
        var scored = model.Transform(ml.Data.LoadFromEnumerable(later));
        return ml.BinaryClassification.EvaluateNonCalibrated(scored, labelColumnName: "Label").AreaUnderRocCurve;
    }

    public static DropoutModel Train(IReadOnlyList<DropoutFeatures> examples, DateTime now, int seed = 1)
    {
        if (examples.Count < 50 || examples.All(e => e.Label) || !examples.Any(e => e.Label))
            throw new InvalidOperationException("Training needs at least 50 students with known outcomes, some of whom dropped out and some not.");
        var (auc, sd) = CrossValidate(examples, seed: seed);
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(examples);
        var model = Pipeline(ml).Fit(data);
        // The normaliser scales but keeps zero at zero, so weight × value alone would call "passed everything" a risk
        // whenever the weight is positive around zero; the population mean is the reference instead.
        var seen = ml.Data.CreateEnumerable<Prediction>(model.Transform(data), reuseRowObject: false).Select(p => p.AllFeatures).ToList();
        var means = Enumerable.Range(0, seen[0].Length).Select(i => (float)seen.Average(f => f[i])).ToArray();
        return new DropoutModel(ml, model, new ModelCard(now, examples.Count, examples.Count(e => e.Label), auc, sd, "Logistic regression (L-BFGS), mean-variance normalised"), means);
    }

    /// <summary>The probability of dropping out and the features that pushed it up, largest first.</summary>
    public RiskScore Score(RiskInputs inputs)
    {
        var prediction = engine.Predict(DropoutFeatures.From(inputs));
        var factors = prediction.AllFeatures.Select((x, i) => (double)(x - means[i]) * weights[i])
            .Select((c, i) => (Name: i < DropoutFeatures.Names.Length ? DropoutFeatures.Names[i] : "programme", Contribution: c))
            .GroupBy(c => c.Name).Select(g => new RiskFactor("model:" + g.Key, g.Key, Math.Round(g.Sum(c => c.Contribution), 4)))
            .Where(f => f.Contribution > 0.1).OrderByDescending(f => f.Contribution).Take(4).ToList();
        return new RiskScore(Math.Round(prediction.Probability, 4), RiskScore.BandOf(prediction.Probability), factors);
    }

    /// <summary>Area under the ROC curve of arbitrary scores against outcomes (Mann–Whitney), for comparing the rules with the model.</summary>
    public static double Auc(IReadOnlyList<(double Score, bool DroppedOut)> scored)
    {
        var ranked = scored.OrderBy(s => s.Score).ToList();
        double rankSum = 0;
        var i = 0;
        while (i < ranked.Count)
        {
            var j = i;
            while (j + 1 < ranked.Count && ranked[j + 1].Score == ranked[i].Score) j++;
            var averageRank = (i + j + 2) / 2.0;
            for (var k = i; k <= j; k++) if (ranked[k].DroppedOut) rankSum += averageRank;
            i = j + 1;
        }
        double positives = ranked.Count(r => r.DroppedOut), negatives = ranked.Count - positives;
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }
}
