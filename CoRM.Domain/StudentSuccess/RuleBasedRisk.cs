using System.Globalization;

namespace CoRM.Domain.StudentSuccess;

/// <summary>
/// The transparent day-one signal: points for each warning sign, capped at 100, so the score is the sum of its
/// factors and every factor says why in words. Weights follow what the advising literature and the reference data
/// agree on: failing courses weighs most, then money trouble, then absences and a falling trend, then late enrolment.
/// </summary>
public static class RuleBasedRisk
{
    public const double MediumFrom = 0.25;
    public const double HighFrom = 0.5;

    public const double FailedCoursesWeight = 45;
    public const double NoCoursesWeight = 45;
    public const double LowGradeWeight = 15;
    public const double DecliningWeight = 10;
    public const double AbsencesWeight = 15;
    public const double TuitionWeight = 20;
    public const double LateEnrolmentWeight = 10;
    public const double MissedWorkWeight = 35;
    public const double LowScoresWeight = 15;

    /// <summary>An average coursework score (0–100) below which it counts as a warning sign.</summary>
    public const decimal LowScore = 40m;

    /// <summary>Absences per term above which attendance counts as a warning sign.</summary>
    public const int AbsenceThreshold = 6;

    public static RiskScore Assess(RiskInputs inputs)
    {
        var factors = new List<RiskFactor>();
        void Add(string code, double points, string explanation)
        {
            if (points > 0) factors.Add(new RiskFactor(code, explanation, Math.Round(points / 100, 4)));
        }

        var last = inputs.LastTerm;
        var work = inputs.Coursework;
        if (work is { Due: > 0 })
        {
            // This term's coursework so far: the early warning, weeks before any final result.
            if (work.Missed > 0)
                Add("missed-work", MissedWorkWeight * work.MissedShare, $"missed {work.Missed} of {work.Due} assessments due so far in {work.TermCode}");
            if (work.AverageScore is { } average && average < LowScore)
                Add("low-scores", LowScoresWeight * (double)((LowScore - average) / LowScore),
                    $"average score {average.ToString("0", CultureInfo.InvariantCulture)} of 100 on {work.TermCode}'s assessments so far");
        }
        if (last is null || last.CoursesEnrolled == 0)
        {
            // A first term under way, its coursework on record: no final results yet is not itself a warning sign.
            var firstTermUnderWay = last is null && work is { Due: > 0 };
            if (!firstTermUnderWay) Add("no-courses", NoCoursesWeight, last is null ? "no course results on record" : $"enrolled in no courses in {last.TermCode}");
        }
        else
        {
            var failed = last.CoursesEnrolled - last.CoursesPassed;
            Add("failed-courses", FailedCoursesWeight * failed / last.CoursesEnrolled,
                $"passed {last.CoursesPassed} of {last.CoursesEnrolled} courses in {last.TermCode}");
            if (last.AverageGrade is { } grade && grade < Academics.CourseResult.PassMark)
                Add("low-grades", LowGradeWeight * (double)(Academics.CourseResult.PassMark - grade) / (double)Academics.CourseResult.PassMark,
                    $"average grade {grade.ToString("0.#", CultureInfo.InvariantCulture)} of 20");
            if (last.CoursesEvaluated == 0)
                Add("not-evaluated", LowGradeWeight, $"sat no assessments in {last.TermCode}");

            if (inputs.PreviousTerm is { CoursesEnrolled: > 0 } previous && previous.PassRate - last.PassRate >= 0.25)
                Add("declining", DecliningWeight * Math.Min(1, (previous.PassRate - last.PassRate) * 2),
                    $"down from passing {previous.CoursesPassed} of {previous.CoursesEnrolled} in {previous.TermCode}");

            if (last.Absences > AbsenceThreshold)
            {
                var rising = inputs.PreviousTerm is { } p && last.Absences > p.Absences;
                Add("absences", AbsencesWeight * Math.Min(1, (last.Absences - AbsenceThreshold) / 14.0),
                    rising ? $"absences up from {inputs.PreviousTerm!.Absences} to {last.Absences}" : $"{last.Absences} absences in {last.TermCode}");
            }
        }

        if (inputs.TuitionDaysOverdue > 0)
            Add("tuition", TuitionWeight * Math.Min(1, 0.5 + inputs.TuitionDaysOverdue / 120.0),
                $"tuition {inputs.TuitionDaysOverdue} days overdue ({inputs.TuitionOutstanding.ToString("N0", CultureInfo.InvariantCulture)} owed)");

        if (inputs.DaysEnrolledLate > 0)
            Add("late-enrolment", LateEnrolmentWeight * Math.Min(1, inputs.DaysEnrolledLate / 30.0), $"enrolled {Late(inputs.DaysEnrolledLate)} late");

        var score = Math.Min(1, factors.Sum(f => f.Contribution));
        return new RiskScore(Math.Round(score, 4), RiskScore.BandOf(score), factors.OrderByDescending(f => f.Contribution).ToList());
    }

    private static string Late(int days) => days switch
    {
        1 => "1 day",
        < 14 => $"{days} days",
        < 60 => $"{days / 7} weeks",
        _ => $"{days / 30} months",
    };
}
