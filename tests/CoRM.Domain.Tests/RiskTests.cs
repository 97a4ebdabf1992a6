using CoRM.Domain.Academics;
using CoRM.Domain.StudentSuccess;

namespace CoRM.Domain.Tests;

public sealed class RiskTests
{
    private static readonly TermRecord Good = new("2026-S1", 6, 6, 6, 14.5m, 1);

    [Fact]
    public void A_student_who_passes_everything_and_pays_on_time_is_low_risk_with_no_factors()
    {
        var score = RuleBasedRisk.Assess(new RiskInputs(Good, Good with { TermCode = "2025-S2" }, 0, 0, 0));
        Assert.Equal(0, score.Score);
        Assert.Equal(RiskBand.Low, score.Band);
        Assert.Empty(score.Factors);
    }

    [Fact]
    public void Failing_courses_is_explained_in_words_and_weighs_by_the_share_failed()
    {
        var score = RuleBasedRisk.Assess(new RiskInputs(new TermRecord("2026-S1", 6, 2, 6, 11m, 0), null, 0, 0, 0));
        var factor = Assert.Single(score.Factors);
        Assert.Equal("passed 2 of 6 courses in 2026-S1", factor.Explanation);
        Assert.Equal(RuleBasedRisk.FailedCoursesWeight * 4 / 6 / 100, factor.Contribution, 3);
        Assert.Equal(RiskBand.Medium, score.Band);
    }

    [Fact]
    public void Rising_absences_a_falling_pass_rate_overdue_tuition_and_late_enrolment_all_add_up_to_high()
    {
        var previous = new TermRecord("2025-S2", 6, 6, 6, 13m, 3);
        var last = new TermRecord("2026-S1", 6, 3, 5, 9m, 14);
        var score = RuleBasedRisk.Assess(new RiskInputs(last, previous, 45, 1250m, 21));

        Assert.Equal(RiskBand.High, score.Band);
        var words = score.Factors.Select(f => f.Explanation).ToList();
        Assert.Contains("absences up from 3 to 14", words);
        Assert.Contains("tuition 45 days overdue (1,250 owed)", words);
        Assert.Contains("enrolled 3 weeks late", words);
        Assert.Contains("down from passing 6 of 6 in 2025-S2", words);
        Assert.Equal(score.Factors.OrderByDescending(f => f.Contribution).Select(f => f.Code), score.Factors.Select(f => f.Code));
        Assert.Equal(Math.Min(1, score.Factors.Sum(f => f.Contribution)), score.Score, 3);
    }

    [Fact]
    public void No_courses_last_term_is_itself_a_strong_sign()
    {
        var score = RuleBasedRisk.Assess(new RiskInputs(new TermRecord("2026-S1", 0, 0, 0, null, 0), Good, 0, 0, 0));
        Assert.Equal("enrolled in no courses in 2026-S1", score.Factors[0].Explanation);
        Assert.True(score.Score >= RuleBasedRisk.MediumFrom);
    }

    [Theory]
    [InlineData(0.0, RiskBand.Low)]
    [InlineData(0.2499, RiskBand.Low)]
    [InlineData(0.25, RiskBand.Medium)]
    [InlineData(0.5, RiskBand.High)]
    public void Bands_follow_the_score(double score, RiskBand band) => Assert.Equal(band, RiskScore.BandOf(score));

    [Fact]
    public void An_assessment_keeps_its_factors_and_a_rise_is_only_upwards()
    {
        var score = RuleBasedRisk.Assess(new RiskInputs(new TermRecord("2026-S1", 4, 1, 4, 7.5m, 0), null, 10, 300, 0));
        var stored = RiskAssessment.From(7, new DateOnly(2026, 11, 22), RiskMethod.Rules, score);
        Assert.Equal(score.Factors, stored.FactorList);
        Assert.True(RiskAssessment.IsRise(RiskBand.Low, RiskBand.High));
        Assert.False(RiskAssessment.IsRise(null, RiskBand.High)); // a first assessment is a baseline
        Assert.False(RiskAssessment.IsRise(RiskBand.High, RiskBand.Medium));
        Assert.False(RiskAssessment.IsRise(RiskBand.Medium, RiskBand.Medium));
    }
}

public sealed class AcademicRecordTests
{
    [Fact]
    public void Enrolment_lateness_counts_days_after_the_deadline()
    {
        var deadline = new DateOnly(2026, 9, 15);
        Assert.Equal(0, ProgrammeEnrolment.DaysLate(new DateOnly(2026, 9, 1), deadline));
        Assert.Equal(0, ProgrammeEnrolment.DaysLate(deadline, deadline));
        Assert.Equal(21, ProgrammeEnrolment.DaysLate(new DateOnly(2026, 10, 6), deadline));
    }

    [Fact]
    public void An_invoice_is_overdue_only_while_money_is_owed_after_the_due_date()
    {
        var invoice = TuitionInvoice.Issue(1, 1, "Tuition 2026-S1", 1000m, new DateOnly(2026, 10, 1));
        Assert.Equal(0, invoice.DaysOverdueOn(new DateOnly(2026, 9, 20)));
        Assert.Equal(45, invoice.DaysOverdueOn(new DateOnly(2026, 11, 15)));
        invoice.Pay(400m, new DateOnly(2026, 11, 1));
        Assert.Equal(600m, invoice.OutstandingOn(new DateOnly(2026, 11, 15)));
        Assert.Equal(1000m, invoice.OutstandingOn(new DateOnly(2026, 10, 15)));
        invoice.Pay(600m, new DateOnly(2026, 11, 16));
        Assert.Equal(0, invoice.DaysOverdueOn(new DateOnly(2026, 11, 20)));
        Assert.Throws<DomainException>(() => invoice.Pay(0, new DateOnly(2026, 11, 20)));
    }

    [Fact]
    public void Grades_are_on_the_0_to_20_scale_and_pass_at_10()
    {
        Assert.True(CourseResult.Record(1, 1, 1, 10m).Passed);
        Assert.False(CourseResult.Record(1, 1, 1, 9.5m).Passed);
        Assert.False(CourseResult.Record(1, 1, 1, null).Passed);
        Assert.Throws<DomainException>(() => CourseResult.Record(1, 1, 1, 21m));
        Assert.Throws<DomainException>(() => AttendanceRecord.Record(1, 1, 1, 12, 10));
        Assert.Throws<DomainException>(() => Term.Create("2026-S1", "", new DateOnly(2026, 9, 1), new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 1)));
    }
}

public sealed class RiskFactorTests
{
    [Fact]
    public void A_low_grade_average_counts_in_proportion_to_how_far_below_the_pass_mark()
    {
        var score = RuleBasedRisk.Assess(new RiskInputs(new TermRecord("T", 4, 4, 4, 8m, 0), null, 0, 0, 0));
        var factor = Assert.Single(score.Factors);
        Assert.Equal("low-grades", factor.Code);
        Assert.Equal("average grade 8 of 20", factor.Explanation);
        Assert.Equal(RuleBasedRisk.LowGradeWeight * 0.2 / 100, factor.Contribution, 4);
    }

    [Fact]
    public void Sitting_no_assessments_is_a_sign_of_its_own()
    {
        var score = RuleBasedRisk.Assess(new RiskInputs(new TermRecord("T", 5, 0, 0, null, 0), null, 0, 0, 0));
        Assert.Contains(score.Factors, f => f.Code == "not-evaluated" && f.Explanation == "sat no assessments in T");
        Assert.Contains(score.Factors, f => f.Code == "failed-courses" && f.Explanation == "passed 0 of 5 courses in T");
        Assert.Equal(RiskBand.High, score.Band);
    }

    [Theory]
    [InlineData(1, "enrolled 1 day late")]
    [InlineData(10, "enrolled 10 days late")]
    [InlineData(21, "enrolled 3 weeks late")]
    [InlineData(75, "enrolled 2 months late")]
    public void Late_enrolment_reads_naturally(int days, string words) =>
        Assert.Equal(words, RuleBasedRisk.Assess(new RiskInputs(new TermRecord("T", 6, 6, 6, 14m, 0), null, 0, 0, days)).Factors.Single().Explanation);

    [Fact]
    public void Absences_at_or_below_the_threshold_are_not_a_factor_and_above_it_without_history_say_how_many()
    {
        Assert.Empty(RuleBasedRisk.Assess(new RiskInputs(new TermRecord("T", 6, 6, 6, 14m, RuleBasedRisk.AbsenceThreshold), null, 0, 0, 0)).Factors);
        var factor = RuleBasedRisk.Assess(new RiskInputs(new TermRecord("T", 6, 6, 6, 14m, 12), null, 0, 0, 0)).Factors.Single();
        Assert.Equal("12 absences in T", factor.Explanation);
    }

    [Fact]
    public void Tuition_counts_half_its_weight_at_once_and_all_of_it_after_two_months()
    {
        double Tuition(int days) => RuleBasedRisk.Assess(new RiskInputs(new TermRecord("T", 6, 6, 6, 14m, 0), null, days, 697, 0)).Score;
        Assert.Equal(RuleBasedRisk.TuitionWeight / 200, Tuition(1), 2);
        Assert.Equal(RuleBasedRisk.TuitionWeight / 100, Tuition(60), 3);
        Assert.Equal(RuleBasedRisk.TuitionWeight / 100, Tuition(400), 3);
    }
}

public sealed class CourseworkRiskTests
{
    private static readonly TermRecord Good = new("2025J", 2, 2, 2, 15m, 0);

    [Fact]
    public void Missed_assessments_so_far_are_a_factor_in_words_weighed_by_the_share_missed()
    {
        var score = RuleBasedRisk.Assess(new RiskInputs(Good, null, 0, 0, 0, Coursework: new AssessmentProgress("2026J", Due: 4, Submitted: 2, Missed: 2, Late: 0, AverageScore: 70m)));
        var factor = Assert.Single(score.Factors);
        Assert.Equal("missed 2 of 4 assessments due so far in 2026J", factor.Explanation);
        Assert.Equal(RuleBasedRisk.MissedWorkWeight / 2 / 100, factor.Contribution, 3);
    }

    [Fact]
    public void Low_coursework_scores_count_below_forty_in_proportion()
    {
        var score = RuleBasedRisk.Assess(new RiskInputs(Good, null, 0, 0, 0, Coursework: new AssessmentProgress("2026J", 2, 2, 0, 0, 20m)));
        var factor = Assert.Single(score.Factors);
        Assert.Equal("average score 20 of 100 on 2026J's assessments so far", factor.Explanation);
        Assert.Equal(RuleBasedRisk.LowScoresWeight / 2 / 100, factor.Contribution, 3);
        Assert.Empty(RuleBasedRisk.Assess(new RiskInputs(Good, null, 0, 0, 0, Coursework: new AssessmentProgress("2026J", 2, 2, 0, 0, 40m))).Factors);
    }

    [Fact]
    public void A_first_term_under_way_with_its_coursework_handed_in_is_not_flagged_for_having_no_final_results()
    {
        var firstTerm = RuleBasedRisk.Assess(new RiskInputs(null, null, 0, 0, 0, Coursework: new AssessmentProgress("2026J", 2, 2, 0, 0, 75m)));
        Assert.Empty(firstTerm.Factors);
        Assert.Equal(RiskBand.Low, firstTerm.Band);
        // Nothing at all on record is still the strong sign it was.
        Assert.Contains(RuleBasedRisk.Assess(new RiskInputs(null, null, 0, 0, 0)).Factors, f => f.Code == "no-courses");
    }

    [Fact]
    public void An_assessment_is_missing_when_neither_handed_in_nor_scored_and_needs_a_date_to_count()
    {
        var missing = AssessmentResult.Record(1, 1, 1, " TMA 1 ", new DateOnly(2026, 11, 1), null, 10, null);
        Assert.True(missing.Missing);
        Assert.Equal("TMA 1", missing.Code);
        Assert.False(AssessmentResult.Record(1, 1, 1, "TMA 2", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 3), 10, null).Missing); // handed in, not yet marked
        Assert.Throws<DomainException>(() => AssessmentResult.Record(1, 1, 1, "TMA 3", null, null, 10, 50));
        Assert.Throws<DomainException>(() => AssessmentResult.Record(1, 1, 1, "TMA 3", new DateOnly(2026, 11, 1), null, 120, null));
        Assert.Throws<DomainException>(() => AssessmentResult.Record(1, 1, 1, "TMA 3", new DateOnly(2026, 11, 1), null, 10, 101));
        Assert.True(AssessmentResult.IsSubmittedBy(new DateOnly(2026, 11, 1), null, 60, new DateOnly(2026, 11, 1))); // scored, no date: counts from due
    }

    [Theory]
    [InlineData(-10, -11, 70, CourseworkState.HandedIn)]
    [InlineData(-10, -8, 70, CourseworkState.Late)]
    [InlineData(-10, -11, null, CourseworkState.AwaitingMark)]
    [InlineData(-10, null, null, CourseworkState.Missed)]
    [InlineData(-10, 2, 70, CourseworkState.Missed)] // handed in after the day asked about: missed, as of then
    [InlineData(5, null, null, CourseworkState.NotYetDue)]
    public void Each_piece_of_work_has_one_state_on_a_day(int dueIn, int? submittedIn, int? score, CourseworkState state)
    {
        var day = new DateOnly(2026, 11, 22);
        Assert.Equal(state, AssessmentResult.StateOn(day.AddDays(dueIn), submittedIn is { } s ? day.AddDays(s) : null, score, day));
    }
}
