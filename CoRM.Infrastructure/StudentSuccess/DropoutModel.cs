using System.Globalization;
using CoRM.Domain.StudentSuccess;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CoRM.Infrastructure.StudentSuccess;

/// <summary>
/// One student's features for the learned model, all derived from <see cref="RiskInputs"/>. Deliberately absent: gender,
/// nationality, ethnicity, marital status, parents' education or occupation — protected attributes stay out of the score.
/// </summary>
public sealed class DropoutFeatures
{
    /// <summary>Changes whenever <see cref="Names"/> does: a stored model of another feature set is retrained, never misread.</summary>
    public const string FeatureSet = "v2-coursework-19";

    public static readonly string[] Names =
    [
        "courses last term", "passed last term", "assessed last term", "grade last term", "pass rate last term", "absences last term",
        "courses term before", "passed term before", "grade term before", "pass rate term before", "absences term before",
        "days tuition overdue", "tuition owed", "days enrolled late", "age at enrolment",
        "assessments due so far", "share of assessments missed", "points below full marks", "late submissions",
    ];

    [VectorType(19)] public float[] Features { get; set; } = new float[19];
    public string Programme { get; set; } = "";
    public bool Label { get; set; }

    public static DropoutFeatures From(RiskInputs inputs, bool droppedOut = false)
    {
        var last = inputs.LastTerm;
        var previous = inputs.PreviousTerm;
        var work = inputs.Coursework;
        return new DropoutFeatures
        {
            Label = droppedOut,
            Features =
            [
                last?.CoursesEnrolled ?? 0, last?.CoursesPassed ?? 0, last?.CoursesEvaluated ?? 0, (float)(last?.AverageGrade ?? 0), (float)(last?.PassRate ?? 0), last?.Absences ?? 0,
                previous?.CoursesEnrolled ?? 0, previous?.CoursesPassed ?? 0, (float)(previous?.AverageGrade ?? 0), (float)(previous?.PassRate ?? 0), previous?.Absences ?? 0,
                inputs.TuitionDaysOverdue, (float)inputs.TuitionOutstanding, inputs.DaysEnrolledLate, inputs.AgeAtEnrolment ?? 0,
                // No coursework yet reads as zero on all four; "below full marks" rather than the score, so zero means nothing wrong.
                work?.Due ?? 0, (float)(work?.MissedShare ?? 0), (float)(work?.AverageScore is { } s ? 100 - s : 0), work?.Late ?? 0,
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

/// <summary>A held-out check: the AUC and every held-out student's predicted probability beside what happened.</summary>
public sealed record HoldOut(double Auc, IReadOnlyList<(double Predicted, bool DroppedOut)> Scored)
{
    /// <summary>Predicted against observed dropout in ten groups of equal size by predicted risk (fewer with few students).</summary>
    public IReadOnlyList<(double Predicted, double Observed, int Students)> Deciles()
    {
        var ranked = Scored.OrderBy(s => s.Predicted).ToList();
        var groups = Math.Min(10, ranked.Count);
        return Enumerable.Range(0, groups)
            .Select(g => ranked.Skip(g * ranked.Count / groups).Take((g + 1) * ranked.Count / groups - g * ranked.Count / groups).ToList())
            .Where(g => g.Count > 0)
            .Select(g => (Math.Round(g.Average(s => s.Predicted), 4), Math.Round(g.Count(s => s.DroppedOut) / (double)g.Count, 4), g.Count)).ToList();
    }
}

/// <summary>
/// The second layer: a model trained on the institution's own students whose outcome is known (dropped out, or not),
/// on features the advisor can read — logistic regression or gradient boosting, whichever ranks the latest cohort better
/// when trained on the earlier ones. Its explanation per student is model-agnostic and centred: a feature's contribution
/// is how much the probability falls when that feature alone is put back to the training population's average, so a
/// factor listed as raising risk really does. The fitted model saves to bytes and loads again, so an import's recompute
/// scores with last night's model instead of retraining.
/// </summary>
public sealed class DropoutModel
{
    private const int Seed = 1;

    /// <summary>Factors adding less than this to the probability are not worth an advisor's reading.</summary>
    private const double SmallestFactor = 0.01;

    private readonly PredictionEngine<DropoutFeatures, FeatureRow> featurize;
    private readonly PredictionEngine<FeatureRow, Prediction> predict;
    private readonly ITransformer featurizer;
    private readonly ITransformer predictor;
    private readonly DataViewSchema inputSchema;

    /// <summary>The training population's mean of each slot of the featurised vector (numeric features, then programme one-hot).</summary>
    private readonly float[] means;

    private DropoutModel(MLContext ml, ITransformer featurizer, ITransformer predictor, DataViewSchema inputSchema, float[] means, ModelCard card, DropoutAlgorithm algorithm)
    {
        (this.featurizer, this.predictor, this.inputSchema, this.means, Card, Algorithm) = (featurizer, predictor, inputSchema, means, card, algorithm);
        featurize = ml.Model.CreatePredictionEngine<DropoutFeatures, FeatureRow>(featurizer);
        var vector = SchemaDefinition.Create(typeof(FeatureRow));
        vector[nameof(FeatureRow.AllFeatures)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, means.Length);
        predict = ml.Model.CreatePredictionEngine<FeatureRow, Prediction>(predictor, inputSchemaDefinition: vector);
    }

    public ModelCard Card { get; }

    public DropoutAlgorithm Algorithm { get; }

    private sealed class FeatureRow
    {
        /// <summary>The numeric features followed by the programme one-hot, before any normalisation.</summary>
        public float[] AllFeatures { get; set; } = [];
    }

    private sealed class Prediction
    {
        public float Probability { get; set; }
    }

    private sealed class ScoredRow
    {
        public bool Label { get; set; }
        public float Probability { get; set; }
    }

    public static string Describe(DropoutAlgorithm algorithm) => algorithm switch
    {
        DropoutAlgorithm.GradientBoosting => "Gradient boosting (FastTree, 200 trees of 16 leaves)",
        _ => "Logistic regression (L-BFGS), mean-variance normalised",
    };

    /// <summary>The programme joins the numeric features one-hot; its slots come after <see cref="DropoutFeatures.Names"/>.</summary>
    private static IEstimator<ITransformer> Featurizer(MLContext ml) =>
        ml.Transforms.Categorical.OneHotEncoding("ProgrammeVector", "Programme")
            .Append(ml.Transforms.Concatenate("AllFeatures", "Features", "ProgrammeVector"));

    private static IEstimator<ITransformer> Predictor(MLContext ml, DropoutAlgorithm algorithm) => algorithm switch
    {
        DropoutAlgorithm.GradientBoosting => ml.BinaryClassification.Trainers.FastTree(labelColumnName: "Label", featureColumnName: "AllFeatures",
            numberOfLeaves: 16, numberOfTrees: 200, minimumExampleCountPerLeaf: 20, learningRate: 0.05),
        _ => ml.Transforms.NormalizeMeanVariance("AllFeatures")
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: "Label", featureColumnName: "AllFeatures")),
    };

    private static IEstimator<ITransformer> Pipeline(MLContext ml, DropoutAlgorithm algorithm) => Featurizer(ml).Append(Predictor(ml, algorithm));

    /// <summary>5-fold cross-validated ROC AUC (mean and standard deviation) and every student's out-of-fold probability.</summary>
    public static (double Mean, double StdDev, HoldOut OutOfFold) CrossValidate(IReadOnlyList<DropoutFeatures> examples, DropoutAlgorithm algorithm = DropoutAlgorithm.LogisticRegression,
        int folds = 5, int seed = Seed)
    {
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(examples);
        var results = ml.BinaryClassification.CrossValidate(data, Pipeline(ml, algorithm), numberOfFolds: folds, labelColumnName: "Label", seed: seed);
        var aucs = results.Select(r => r.Metrics.AreaUnderRocCurve).ToList();
        var mean = aucs.Average();
        var scored = results.SelectMany(r => ml.Data.CreateEnumerable<ScoredRow>(r.ScoredHoldOutSet, reuseRowObject: false))
            .Select(s => ((double)s.Probability, s.Label)).ToList();
        return (mean, Math.Sqrt(aucs.Sum(a => (a - mean) * (a - mean)) / aucs.Count), new HoldOut(mean, scored));
    }

    /// <summary>
    /// Temporal validation: the pipeline trained on earlier cohorts only, then ranking a later cohort it never saw — the
    /// figure that says how the model will do on next year's students (cross-validation mixes the years and flatters).
    /// </summary>
    public static HoldOut Temporal(IReadOnlyList<DropoutFeatures> earlier, IReadOnlyList<DropoutFeatures> later,
        DropoutAlgorithm algorithm = DropoutAlgorithm.LogisticRegression, int seed = Seed)
    {
        var ml = new MLContext(seed);
        var model = Pipeline(ml, algorithm).Fit(ml.Data.LoadFromEnumerable(earlier));
        var scored = ml.Data.CreateEnumerable<ScoredRow>(model.Transform(ml.Data.LoadFromEnumerable(later)), reuseRowObject: false)
            .Select(s => ((double)s.Probability, s.Label)).ToList();
        return new HoldOut(Auc(scored), scored);
    }

    public static double TemporalAuc(IReadOnlyList<DropoutFeatures> earlier, IReadOnlyList<DropoutFeatures> later,
        DropoutAlgorithm algorithm = DropoutAlgorithm.LogisticRegression, int seed = Seed) => Temporal(earlier, later, algorithm, seed).Auc;

    /// <summary>
    /// The algorithm for production: the one that ranks the held-out later cohort better when trained on the earlier ones.
    /// Logistic regression keeps the place unless boosting beats it by more than 0.005 — on a tie the simpler model wins.
    /// </summary>
    public static DropoutAlgorithm Choose(double logisticAuc, double boostedAuc) =>
        boostedAuc > logisticAuc + 0.005 ? DropoutAlgorithm.GradientBoosting : DropoutAlgorithm.LogisticRegression;

    public static DropoutModel Train(IReadOnlyList<DropoutFeatures> examples, DateTime now, DropoutAlgorithm algorithm = DropoutAlgorithm.LogisticRegression,
        (double Mean, double StdDev)? crossValidated = null, int seed = Seed)
    {
        if (examples.Count < 50 || examples.All(e => e.Label) || !examples.Any(e => e.Label))
            throw new InvalidOperationException("Training needs at least 50 students with known outcomes, some of whom dropped out and some not.");
        if (crossValidated is null)
        {
            var cv = CrossValidate(examples, algorithm, seed: seed);
            crossValidated = (cv.Mean, cv.StdDev);
        }
        var (auc, sd) = crossValidated.Value;
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(examples);
        var featurizer = Featurizer(ml).Fit(data);
        var featured = featurizer.Transform(data);
        var predictor = Predictor(ml, algorithm).Fit(featured);
        var seen = ml.Data.CreateEnumerable<FeatureRow>(featured, reuseRowObject: false).Select(r => r.AllFeatures).ToList();
        var means = Enumerable.Range(0, seen[0].Length).Select(i => (float)seen.Average(f => f[i])).ToArray();
        var card = new ModelCard(now, examples.Count, examples.Count(e => e.Label), auc, sd, Describe(algorithm));
        return new DropoutModel(ml, featurizer, predictor, data.Schema, means, card, algorithm);
    }

    /// <summary>ML.NET's model file (featuriser and predictor as one chain), for <see cref="RiskModelFile.Content"/>.</summary>
    public byte[] Save()
    {
        var ml = new MLContext(Seed);
        using var stream = new MemoryStream();
        ml.Model.Save(new TransformerChain<ITransformer>(featurizer, predictor), inputSchema, stream);
        return stream.ToArray();
    }

    public string SavedMeans() => string.Join(';', means.Select(m => m.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>A model saved by <see cref="Save"/>; null when it was saved for another feature set (the caller retrains).</summary>
    public static DropoutModel? Load(RiskModelFile file, RiskModelRun run)
    {
        if (file.FeatureSet != DropoutFeatures.FeatureSet) return null;
        var ml = new MLContext(Seed);
        using var stream = new MemoryStream(file.Content);
        var chain = ((IEnumerable<ITransformer>)ml.Model.Load(stream, out var schema)).ToList();
        var means = file.Means.Split(';').Select(m => float.Parse(m, CultureInfo.InvariantCulture)).ToArray();
        var algorithm = run.Algorithm == Describe(DropoutAlgorithm.GradientBoosting) ? DropoutAlgorithm.GradientBoosting : DropoutAlgorithm.LogisticRegression;
        var card = new ModelCard(run.TrainedAt, run.Examples, run.Dropouts, run.CrossValidatedAuc, run.CrossValidatedAucStdDev, run.Algorithm);
        return new DropoutModel(ml, chain[0], chain[1], schema, means, card, algorithm);
    }

    /// <summary>The probability of dropping out and the features that pushed it up, largest first.</summary>
    public RiskScore Score(RiskInputs inputs)
    {
        var x = featurize.Predict(DropoutFeatures.From(inputs)).AllFeatures;
        var probability = predict.Predict(new FeatureRow { AllFeatures = x }).Probability;
        var factors = new List<RiskFactor>();
        foreach (var (name, slots) in Groups(x.Length, inputs))
        {
            if (slots.All(i => x[i] == means[i])) continue;
            var reference = (float[])x.Clone();
            foreach (var i in slots) reference[i] = means[i];
            var contribution = probability - predict.Predict(new FeatureRow { AllFeatures = reference }).Probability;
            if (contribution < SmallestFactor) continue;
            var words = slots.Length == 1 ? $"{name}: {Value(x[slots[0]])} (average {Value(means[slots[0]])})"
                : name == "programme" ? $"programme {inputs.ProgrammeCode}"
                : name;
            factors.Add(new RiskFactor("model:" + name, words, Math.Round(contribution, 4)));
        }
        return new RiskScore(Math.Round(probability, 4), RiskScore.BandOf(probability), factors.OrderByDescending(f => f.Contribution).Take(4).ToList());
    }

    private static string Value(float v) => Math.Abs(v - Math.Round(v)) < 0.005 ? Math.Round(v).ToString("N0", CultureInfo.InvariantCulture) : v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// Each named feature is one slot; the programme's one-hot slots are put back together, and so is a block the student
    /// has nothing in (no final results last term, no earlier term, no coursework due yet): "no final results yet" reads
    /// better than five zeros each said to raise the risk.
    /// </summary>
    private static IEnumerable<(string Name, int[] Slots)> Groups(int width, RiskInputs inputs)
    {
        (string Name, int[] Slots, bool Empty)[] blocks =
        [
            ("no final results last term", [0, 1, 2, 3, 4, 5], inputs.LastTerm is null),
            ("no earlier term on record", [6, 7, 8, 9, 10], inputs.PreviousTerm is null),
            ("no coursework due yet this term", [15, 16, 17, 18], inputs.Coursework is null),
        ];
        var grouped = blocks.Where(b => b.Empty).SelectMany(b => b.Slots).ToHashSet();
        foreach (var block in blocks.Where(b => b.Empty)) yield return (block.Name, block.Slots);
        for (var i = 0; i < DropoutFeatures.Names.Length; i++)
            if (!grouped.Contains(i)) yield return (DropoutFeatures.Names[i], [i]);
        if (width > DropoutFeatures.Names.Length) yield return ("programme", Enumerable.Range(DropoutFeatures.Names.Length, width - DropoutFeatures.Names.Length).ToArray());
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
        return positives == 0 || negatives == 0 ? 0.5 : (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }
}
