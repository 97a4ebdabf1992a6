namespace CoRM.Domain.Admissions;

/// <summary>One reader's evaluation of an application against the rubric.</summary>
public class ApplicationReview
{
    public const int CommentsMaxLength = 2000;

    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int ReaderId { get; set; }
    public DateTime SubmittedAt { get; set; }
    public AdmissionDecision Recommendation { get; set; }
    public string? Comments { get; set; }
    public decimal WeightedScore { get; set; }
    public List<ReviewScore> Scores { get; } = [];
}

/// <summary>A score for one criterion, with the weight the rubric gave it at the time.</summary>
public class ReviewScore
{
    public int Id { get; set; }
    public int ReviewId { get; set; }
    public RubricCriterion Criterion { get; set; }
    public int Score { get; set; }
    public decimal Weight { get; set; }
}
