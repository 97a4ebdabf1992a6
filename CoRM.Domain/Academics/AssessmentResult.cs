namespace CoRM.Domain.Academics;

/// <summary>Where one piece of assessed work stands on a day.</summary>
public enum CourseworkState
{
    NotYetDue,
    Missed,
    AwaitingMark,
    HandedIn,
    Late,
}

/// <summary>
/// One piece of assessed work in a course (a module's assignment, test or exam) for one student: when it was due, when
/// it was handed in, its weight in the course and its score (0–100). A submission never handed in is recorded as such —
/// no submission date and no score — because a missed assignment is the earliest warning sign a term gives.
/// </summary>
public class AssessmentResult
{
    public const int CodeMaxLength = 50;
    public const decimal MaxScore = 100m;

    public long Id { get; set; }
    public int StudentId { get; set; }
    public int CourseId { get; set; }
    public int TermId { get; set; }

    /// <summary>The source's id or title of the assessment (e.g. OULAD's id_assessment, "TMA 2").</summary>
    public string Code { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    public DateOnly? SubmittedOn { get; set; }

    /// <summary>Share of the course grade, in percent (0 for formative work).</summary>
    public decimal Weight { get; set; }
    public decimal? Score { get; set; }

    public bool Missing => SubmittedOn is null && Score is null;

    /// <summary>The day from which the result is known: handed in (or due, when the export has no submission date).</summary>
    public DateOnly? KnownFrom => SubmittedOn ?? DueOn;

    public static AssessmentResult Record(int studentId, int courseId, int termId, string code, DateOnly? dueOn, DateOnly? submittedOn, decimal weight, decimal? score)
    {
        code = code.Trim();
        if (code.Length is 0 or > CodeMaxLength) throw new DomainException($"An assessment is named by 1 to {CodeMaxLength} characters.");
        if (weight is < 0 or > 100) throw new DomainException("An assessment's weight is a percentage between 0 and 100.");
        if (score is < 0 or > MaxScore) throw new DomainException($"An assessment score is between 0 and {MaxScore}.");
        if (dueOn is null && submittedOn is null) throw new DomainException($"Assessment {code} needs a due date or a submission date, or nothing can be said about when it counts.");
        return new AssessmentResult
        {
            StudentId = studentId, CourseId = courseId, TermId = termId, Code = code, DueOn = dueOn, SubmittedOn = submittedOn, Weight = weight, Score = score,
        };
    }

    /// <summary>Due by <paramref name="asOf"/> (or handed in by then when it has no due date).</summary>
    public static bool IsDueBy(DateOnly? dueOn, DateOnly? submittedOn, DateOnly asOf) => (dueOn ?? submittedOn) is { } d && d <= asOf;

    /// <summary>Handed in by <paramref name="asOf"/>; a score with no submission date counts from the due date.</summary>
    public static bool IsSubmittedBy(DateOnly? dueOn, DateOnly? submittedOn, decimal? score, DateOnly asOf) =>
        submittedOn is { } s ? s <= asOf : score is not null && dueOn is { } d && d <= asOf;

    /// <summary>
    /// The one definition of handed in, late, awaiting a mark, missed (due and not handed in by then, even if handed in
    /// later) and not yet due, which the risk signal counts and the student page shows.
    /// </summary>
    public static CourseworkState StateOn(DateOnly? dueOn, DateOnly? submittedOn, decimal? score, DateOnly asOf) =>
        IsSubmittedBy(dueOn, submittedOn, score, asOf)
            ? submittedOn is { } s && dueOn is { } d && s > d ? CourseworkState.Late : score is null ? CourseworkState.AwaitingMark : CourseworkState.HandedIn
            : IsDueBy(dueOn, submittedOn, asOf) ? CourseworkState.Missed : CourseworkState.NotYetDue;
}
