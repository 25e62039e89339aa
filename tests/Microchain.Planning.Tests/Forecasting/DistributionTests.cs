using Xunit;
using Microchain.Planning.Forecasting;
using CsCheck;

namespace Microchain.Planning.Tests.Forecasting;

public sealed class DistributionTests
{
    [Fact]
    public void CountDistribution_poissonMeanOne_hasKnownQuantiles()
    {
        // P(0) = 0.368, P(≤1) = 0.736, P(≤2) = 0.920.
        Assert.Equal(0, CountDistribution.Quantile(1, 1, 0.3));
        Assert.Equal(1, CountDistribution.Quantile(1, 1, 0.5));
        Assert.Equal(2, CountDistribution.Quantile(1, 1, 0.9));
        Assert.Equal(3, CountDistribution.Quantile(1, 1, 0.95));
    }

    [Fact]
    public void CountDistribution_negativeBinomial_hasKnownQuantiles()
    {
        // Mean 2, variance 4: p = 0.5, r = 2; P(0) = 0.25, P(1) = 0.25, P(2) = 0.1875.
        Assert.Equal(1, CountDistribution.Quantile(2, 4, 0.5));
        Assert.Equal(2, CountDistribution.Quantile(2, 4, 0.51));
        Assert.Equal(2, CountDistribution.Quantile(2, 4, 0.6875));
        Assert.Equal(3, CountDistribution.Quantile(2, 4, 0.69));
    }

    [Fact]
    public void CountDistribution_anyMeanAndVariance_quantilesAreMonotone()
    {
        Gen.Select(Gen.Double[0, 400], Gen.Double[1, 20], Gen.Double[0.01, 0.98], Gen.Double[0.001, 0.019]).Sample((mean, ratio, level, step) =>
        {
            var lower = CountDistribution.Quantile(mean, mean * ratio, level);
            var upper = CountDistribution.Quantile(mean, mean * ratio, level + step);
            Assert.True(lower <= upper, $"q({level}) = {lower} > q({level + step}) = {upper} for mean {mean}, variance {mean * ratio}");
        }, iter: 500, seed: "0000000000001");
    }

    [Fact]
    public void StockForShortage_poissonMeanOne_matchesHandComputation()
    {
        // E[(X − S)+]: S=0 → 1, S=1 → 0.368, S=2 → 0.104, S=3 → 0.023.
        Assert.Equal(0, CountDistribution.StockForShortage(1, 1, 1.0));
        Assert.Equal(2, CountDistribution.StockForShortage(1, 1, 0.2));
        Assert.Equal(3, CountDistribution.StockForShortage(1, 1, 0.1));
        Assert.Equal(4, CountDistribution.StockForShortage(1, 1, 0.02));
    }

    [Fact]
    public void Normal_inverseCdf_matchesTables()
    {
        Assert.Equal(1.6448536, Normal.InverseCdf(0.95), 5);
        Assert.Equal(-2.3263479, Normal.InverseCdf(0.01), 5);
        Assert.Equal(0.3989423, Normal.Loss(0), 6);
        Assert.Equal(0.975, Normal.Cdf(1.959964), 6);
    }

    [Fact]
    public void Forecast_intervals_nestAndWidenWithCoverage()
    {
        var history = new double[] { 0, 2, 0, 0, 5, 1, 0, 0, 3, 0, 0, 2, 0, 4, 0, 0 };
        var forecast = new TsbMethod().Forecast(new DemandSeries(history, 1), 3);
        var (lo80, hi80) = forecast.Interval(0, 0.8);
        var (lo98, hi98) = forecast.Interval(0, 0.98);
        Assert.True(lo98 <= lo80 && lo80 <= hi80 && hi80 <= hi98);
        Assert.True(hi98 > forecast.Mean[0]);
        Assert.True(forecast.Variance[0] >= forecast.Mean[0]);
    }

    [Fact]
    public void Aggregation_independentNodes_addsMeansAndVariances()
    {
        var a = new Forecast("a", [1, 2], [2, 3]);
        var b = new Forecast("b", [3, 4], [4, 5]);
        var sum = ForecastAggregation.Sum([a, b]);
        Assert.Equal([4.0, 6.0], sum.Mean);
        Assert.Equal([6.0, 8.0], sum.Variance);
    }

    [Fact]
    public void Aggregation_perfectlyCorrelatedNodes_addsStandardDeviations()
    {
        var a = new Forecast("a", [1], [4]);
        var b = new Forecast("b", [3], [9]);
        Assert.Equal(25.0, ForecastAggregation.Sum([a, b], correlation: 1).Variance[0], 12);
    }

    [Fact]
    public void Forecast_perPeriodOverWindow_averagesMeanAndPoolsVariance()
    {
        var forecast = new Forecast("f", [1, 2, 4, 8], [1, 2, 6, 10]);
        Assert.Equal(14.0, forecast.TotalMean(3, first: 1), 12);
        var (mean, sd) = forecast.PerPeriod(2, first: 2);
        Assert.Equal(6.0, mean, 12);
        Assert.Equal(Math.Sqrt(8), sd, 12);
    }

    [Fact]
    public void DemandSeries_negativeValue_isRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DemandSeries([1, -1], 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DemandSeries([1, double.NaN], 7));
    }
}
