namespace CoRM.Domain.StudentSuccess;

/// <summary>What one term looked like for a student: courses taken, passed and evaluated, the grade average, absences.</summary>
public sealed record TermRecord(string TermCode, int CoursesEnrolled, int CoursesPassed, int CoursesEvaluated, decimal? AverageGrade, int Absences)
{
    public double PassRate => CoursesEnrolled == 0 ? 0 : (double)CoursesPassed / CoursesEnrolled;
}

/// <summary>
/// The current term's assessed work so far, as of the day risk is computed: assessments due by then, how many were
/// handed in, missed (due and not handed in) or late, and the weighted average score of those marked (0–100).
/// </summary>
public sealed record AssessmentProgress(string TermCode, int Due, int Submitted, int Missed, int Late, decimal? AverageScore)
{
    public double MissedShare => Due == 0 ? 0 : (double)Missed / Due;
}

/// <summary>
/// Everything the risk signal looks at for one student: the last two terms' final results, the current
/// term's coursework so far, tuition standing and how late they enrolled. Built from the database by the nightly job, or from an imported file.
/// </summary>
public sealed record RiskInputs(
    TermRecord? LastTerm,
    TermRecord? PreviousTerm,
    int TuitionDaysOverdue,
    decimal TuitionOutstanding,
    int DaysEnrolledLate,
    int? AgeAtEnrolment = null,
    string? ProgrammeCode = null,
    AssessmentProgress? Coursework = null);

public enum RiskBand
{
    Low = 0,
    Medium = 1,
    High = 2,
}

/// <summary>One reason behind a score, in words a faculty member reads at a glance, and how much it adds (0–1).</summary>
public sealed record RiskFactor(string Code, string Explanation, double Contribution);

public sealed record RiskScore(double Score, RiskBand Band, IReadOnlyList<RiskFactor> Factors)
{
    public static RiskBand BandOf(double score) => score >= RuleBasedRisk.HighFrom ? RiskBand.High : score >= RuleBasedRisk.MediumFrom ? RiskBand.Medium : RiskBand.Low;
}
