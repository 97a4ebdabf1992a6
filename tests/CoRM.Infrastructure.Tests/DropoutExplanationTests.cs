using CoRM.Domain.StudentSuccess;
using CoRM.Infrastructure.StudentSuccess;

namespace CoRM.Infrastructure.Tests;

/// <summary>The learned model's explanations are measured from the average student, so a factor said to raise risk does.</summary>
public sealed class DropoutExplanationTests
{
    private static RiskInputs Student(int passed, decimal grade, int absences, int overdue = 0) =>
        new(new TermRecord("T2", 6, passed, 6, grade, absences), new TermRecord("T1", 6, passed, 6, grade, absences), overdue, overdue > 0 ? 500 : 0, 0, 19, "P1");

    /// <summary>A cohort where failing and absences go with dropping out, as in the real data.</summary>
    internal static List<DropoutFeatures> Cohort(int seed = 7)
    {
        var random = new Random(seed);
        var examples = new List<DropoutFeatures>();
        for (var i = 0; i < 600; i++)
        {
            var passed = random.Next(0, 7);
            var absences = random.Next(0, 20);
            var risk = 0.8 - passed * 0.11 + absences * 0.02;
            examples.Add(DropoutFeatures.From(Student(passed, 6 + passed * 2, absences, random.Next(0, 10) < 2 ? 40 : 0), random.NextDouble() < risk));
        }
        return examples;
    }

    [Fact]
    public void A_student_who_passed_everything_is_not_told_that_passing_raises_their_risk_and_one_who_failed_everything_is_told_it_does()
    {
        var model = DropoutModel.Train(Cohort(), new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc));

        var good = model.Score(Student(passed: 6, grade: 17, absences: 0));
        var poor = model.Score(Student(passed: 0, grade: 4, absences: 18));

        Assert.DoesNotContain(good.Factors, f => f.Explanation.Contains("pass", StringComparison.Ordinal) || f.Explanation.Contains("grade", StringComparison.Ordinal)
                                                 || f.Explanation.Contains("absences", StringComparison.Ordinal));
        Assert.Contains(poor.Factors, f => f.Explanation.Contains("pass", StringComparison.Ordinal) || f.Explanation.Contains("grade", StringComparison.Ordinal));
        Assert.True(poor.Score > good.Score);
    }

    [Fact]
    public void Temporal_validation_trains_on_an_earlier_cohort_and_ranks_a_later_one_it_never_saw()
    {
        var earlier = Cohort(seed: 7);
        var later = Cohort(seed: 8);

        var logistic = DropoutModel.TemporalAuc(earlier, later);
        var boosted = DropoutModel.TemporalAuc(earlier, later, DropoutAlgorithm.GradientBoosting);
        var chance = DropoutModel.TemporalAuc(earlier, later.Select(e => new DropoutFeatures { Features = e.Features, Programme = e.Programme, Label = e.Features[1] % 2 == 0 }).ToList());

        Assert.InRange(logistic, 0.70, 1.0); // the signal carries over to the next cohort
        Assert.InRange(boosted, 0.65, 1.0);
        Assert.True(chance < logistic - 0.15, $"a later cohort whose outcomes do not follow the signal scores {chance:0.000}, near chance");
    }
}
