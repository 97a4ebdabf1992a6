namespace CoRM.Domain.Admissions;

/// <summary>What a reader scores, each from 1 to 5, and how much it counts.</summary>
public enum RubricCriterion
{
    AcademicRecord = 0,
    PersonalStatement = 1,
    Recommendation = 2,
    Interview = 3,
}

/// <summary>
/// The institution's reading rubric. Weights are copied into each score when it is given, so changing
/// the rubric later does not rewrite the history of past readings.
/// </summary>
public static class AdmissionsRubric
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    /// <summary>Independent readings needed before a decision may be recorded.</summary>
    public const int RequiredReaders = 2;

    public static readonly IReadOnlyDictionary<RubricCriterion, decimal> Weights = new Dictionary<RubricCriterion, decimal>
    {
        [RubricCriterion.AcademicRecord] = 0.4m,
        [RubricCriterion.PersonalStatement] = 0.2m,
        [RubricCriterion.Recommendation] = 0.2m,
        [RubricCriterion.Interview] = 0.2m,
    };

    public static string Describe(RubricCriterion criterion) => criterion switch
    {
        RubricCriterion.AcademicRecord => "Academic record",
        RubricCriterion.PersonalStatement => "Personal statement",
        RubricCriterion.Recommendation => "Recommendation",
        RubricCriterion.Interview => "Interview",
        _ => criterion.ToString(),
    };

    /// <summary>Weighted score on the 1–5 scale.</summary>
    public static decimal WeightedScore(IEnumerable<ReviewScore> scores)
    {
        var list = scores.ToList();
        var weight = list.Sum(s => s.Weight);
        return weight == 0 ? 0 : Math.Round(list.Sum(s => s.Score * s.Weight) / weight, 2);
    }
}
