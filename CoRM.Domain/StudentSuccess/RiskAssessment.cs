namespace CoRM.Domain.StudentSuccess;

public enum RiskMethod
{
    Rules = 0,
    Model = 1,
}

/// <summary>
/// A dated risk assessment of one student. Kept as history so a trend shows; the factors are stored as the
/// explanation the advisor read on that day.
/// </summary>
public class RiskAssessment
{
    public const int FactorsMaxLength = 4000;

    public long Id { get; set; }
    public int StudentId { get; set; }
    public DateOnly AssessedOn { get; set; }
    public RiskMethod Method { get; set; }
    public double Score { get; set; }
    public RiskBand Band { get; set; }

    /// <summary>"code|contribution|explanation" lines, newest wording as computed.</summary>
    public string Factors { get; set; } = "";

    public static RiskAssessment From(int studentId, DateOnly on, RiskMethod method, RiskScore score) => new()
    {
        StudentId = studentId,
        AssessedOn = on,
        Method = method,
        Score = score.Score,
        Band = score.Band,
        Factors = string.Join('\n', score.Factors.Select(f => $"{f.Code}|{f.Contribution.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{f.Explanation.Replace('\n', ' ')}")),
    };

    /// <summary>A later run the same day (after an import) replaces this day's score; earlier days stay as history.</summary>
    public void Supersede(RiskAssessment later)
    {
        if (later.StudentId != StudentId || later.AssessedOn != AssessedOn || later.Method != Method)
            throw new DomainException("Only the same student's assessment of the same day and method can supersede it.");
        (Score, Band, Factors) = (later.Score, later.Band, later.Factors);
    }

    public IReadOnlyList<RiskFactor> FactorList => Factors.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split('|', 3))
        .Select(p => new RiskFactor(p[0], p[2], double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))
        .ToList();

    /// <summary>The wording of the largest factor in a stored factor list, for a one-line "why".</summary>
    public static string? FirstExplanation(string? factors) =>
        factors?.Split('\n', 2)[0].Split('|', 3) is [_, _, var words] ? words : null;

    /// <summary>
    /// A rise that deserves the advisor's attention: into a higher band than the last assessment. A first assessment
    /// is a baseline, not a rise (importing a cohort must not flood the queue); advisors see its band on their list.
    /// </summary>
    public static bool IsRise(RiskBand? before, RiskBand now) => before is { } b && now > b;
}

/// <summary>
/// Raised when a student's band rises; it carries the follow-up created for their advisor and is worked from
/// the student-success alerts queue.
/// </summary>
public class RiskAlert
{
    public int Id { get; set; }
    public int StudentId { get; set; }
    public long AssessmentId { get; set; }
    public DateOnly RaisedOn { get; set; }
    public RiskBand FromBand { get; set; }
    public RiskBand ToBand { get; set; }
    public int? AssignedToId { get; set; }
    public int? FollowUpId { get; set; }
    public DateTime? ResolvedAt { get; set; }
}

/// <summary>The model card of one training run: when, on how many students, and how well it ranks (cross-validated).</summary>
public class RiskModelRun
{
    public const int AlgorithmMaxLength = 200;

    public int Id { get; set; }
    public DateTime TrainedAt { get; set; }
    public int Examples { get; set; }
    public int Dropouts { get; set; }
    public double CrossValidatedAuc { get; set; }
    public double CrossValidatedAucStdDev { get; set; }
    public double RulesAuc { get; set; }
    public string Algorithm { get; set; } = "";

    /// <summary>Trained on earlier cohorts only, ranking the latest cohort with known outcomes; null until there are two cohorts.</summary>
    public double? TemporalAuc { get; set; }

    /// <summary>Gradient boosting under the same temporal check, for comparison.</summary>
    public double? TemporalBoostedAuc { get; set; }

    /// <summary>The rules on that same latest cohort.</summary>
    public double? TemporalRulesAuc { get; set; }

    /// <summary>Which students trained and which were scored, in words.</summary>
    public string? TemporalSplit { get; set; }

    /// <summary>
    /// Predicted against observed dropout by decile of predicted risk, on students the model did not train on (the
    /// temporal hold-out, or cross-validation's held-out folds with one cohort): "predicted|observed|students" lines.
    /// </summary>
    public string? Calibration { get; set; }

    /// <summary>Where the calibration deciles come from, in words.</summary>
    public string? CalibrationSource { get; set; }

    /// <summary>
    /// Early warning: the chosen model's AUC with only what was known at a point in the term, "percent|auc|students"
    /// lines (e.g. 25, 50, 100 % of the term); null when the institution has no dated results to tell those points apart.
    /// </summary>
    public string? EarlyWarning { get; set; }

    /// <summary>How the early-warning figures were obtained, in words.</summary>
    public string? EarlyWarningSource { get; set; }

    /// <summary>Students left out because their outcome is recorded, on the day of the run.</summary>
    public int FinishedExcluded { get; set; }

    public IReadOnlyList<(double Predicted, double Observed, int Students)> CalibrationPoints => Lines(Calibration)
        .Select(p => (p[0], p[1], (int)p[2])).ToList();

    public IReadOnlyList<(int Percent, double Auc, int Students)> EarlyWarningPoints => Lines(EarlyWarning)
        .Select(p => ((int)p[0], p[1], (int)p[2])).ToList();

    public static string Format(IEnumerable<(double, double, int)> points) =>
        string.Join('\n', points.Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Item1:0.####}|{p.Item2:0.####}|{p.Item3}")));

    private static IEnumerable<double[]> Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split('|').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray());
}

/// <summary>
/// The trained model of a run, kept so an import's recompute scores with it instead of retraining: ML.NET's model file,
/// the feature set it expects, and the training population's mean of each feature (the reference explanations are
/// measured from).
/// </summary>
public class RiskModelFile
{
    public const int FeatureSetMaxLength = 40;

    public int RunId { get; set; }
    public byte[] Content { get; set; } = [];
    public string FeatureSet { get; set; } = "";
    public string Means { get; set; } = "";
}
