using CoRM.Infrastructure.StudentSuccess;

namespace CoRM.Infrastructure.Tests;

/// <summary>
/// The product's learned model against the simplest honest baseline: a logistic regression written out by hand on the
/// same features, both trained on an earlier cohort and judged on a later one they never saw.
/// </summary>
public sealed class DropoutModelQualityTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>
    /// As production does it: the algorithm is chosen on the temporal check (first cohort trains, second judges), the chosen
    /// one is trained on both, and the third cohort — which neither saw — judges the product against the baseline trained
    /// on the same two.
    /// </summary>
    [Theory]
    [InlineData(7, 8, 9)]
    [InlineData(21, 22, 23)]
    public void On_the_next_cohort_the_product_model_ranks_at_least_as_well_as_a_hand_written_logistic_regression(int first, int second, int third)
    {
        var (earlier, middle, later) = (DropoutExplanationTests.Cohort(first), DropoutExplanationTests.Cohort(second), DropoutExplanationTests.Cohort(third));

        var chosen = DropoutModel.Choose(DropoutModel.TemporalAuc(earlier, middle), DropoutModel.TemporalAuc(earlier, middle, DropoutAlgorithm.GradientBoosting));
        var training = earlier.Concat(middle).ToList();
        var product = DropoutModel.TemporalAuc(training, later, chosen);
        var baseline = HandWrittenLogisticRegression(training, later);
        output.WriteLine($"Chosen {chosen}; temporal AUC on the third cohort: product {product:0.000}, hand-written logistic regression {baseline:0.000}");

        Assert.True(product >= baseline - 0.01, $"product {product:0.000} vs hand-written logistic regression {baseline:0.000}");
    }

    /// <summary>Standardised features, batch gradient descent on the log-loss with a little L2; AUC on the later cohort.</summary>
    private static double HandWrittenLogisticRegression(List<DropoutFeatures> train, List<DropoutFeatures> test)
    {
        var n = train[0].Features.Length;
        var mean = Enumerable.Range(0, n).Select(j => train.Average(e => (double)e.Features[j])).ToArray();
        var sd = Enumerable.Range(0, n).Select(j => Math.Sqrt(train.Average(e => Math.Pow(e.Features[j] - mean[j], 2))) is var s && s > 1e-9 ? s : 1).ToArray();
        double[] X(DropoutFeatures e) => Enumerable.Range(0, n).Select(j => (e.Features[j] - mean[j]) / sd[j]).ToArray();
        var xs = train.Select(X).ToList();
        var w = new double[n];
        var bias = 0.0;
        for (var iteration = 0; iteration < 800; iteration++)
        {
            var gradient = new double[n];
            var biasGradient = 0.0;
            for (var i = 0; i < xs.Count; i++)
            {
                var p = 1 / (1 + Math.Exp(-(bias + xs[i].Zip(w, (a, b) => a * b).Sum())));
                var error = p - (train[i].Label ? 1 : 0);
                for (var j = 0; j < n; j++) gradient[j] += error * xs[i][j];
                biasGradient += error;
            }
            for (var j = 0; j < n; j++) w[j] -= 0.5 * (gradient[j] / xs.Count + 0.001 * w[j]);
            bias -= 0.5 * biasGradient / xs.Count;
        }
        return DropoutModel.Auc(test.Select(e => (bias + X(e).Zip(w, (a, b) => a * b).Sum(), e.Label)).ToList());
    }
}
