using Xunit;
using Microchain.Planning.Forecasting;

namespace Microchain.Planning.Tests.Forecasting;

public sealed class SmoothingMethodTests
{
    [Fact]
    public void Ses_constantSeries_forecastsTheConstant()
    {
        var y = Enumerable.Repeat(4.0, 20).ToArray();
        Assert.Equal(4.0, new SesMethod().PointForecast(y, 1, 1)[0], 9);
    }

    [Fact]
    public void Ses_alphaOne_forecastsLastValue()
    {
        Assert.Equal(7.0, new SesMethod(alpha: 1).PointForecast([1, 5, 2, 7], 1, 2)[1], 12);
    }

    [Fact]
    public void Ses_fixedAlpha_followsRecursionFromBestInitialLevel()
    {
        // alpha 0.5 on [2, 4]: fitted = (l0, 0.5 l0 + 1); SSE is least at l0 = 2.8; then 2.4 and a final level of 3.2.
        var fitted = new double[2];
        var forecast = new double[1];
        new SesMethod(alpha: 0.5).FitForecast([2, 4], 1, forecast, fitted);
        Assert.Equal(2.8, fitted[0], 9);
        Assert.Equal(2.4, fitted[1], 9);
        Assert.Equal(3.2, forecast[0], 9);
    }

    [Fact]
    public void SeasonalNaive_repeatsLastSeason()
    {
        double[] y = [1, 2, 3, 4, 5, 6, 7, 8];
        Assert.Equal([6, 7, 8, 6, 7], new SeasonalNaiveMethod().PointForecast(y, 3, 5));
    }

    [Fact]
    public void SeasonalEs_exactWeekdayPattern_reproducesIt()
    {
        double[] week = [5, 1, 1, 2, 3, 8, 9];
        var y = Enumerable.Range(0, 8 * 7).Select(t => week[t % 7]).ToArray();
        var forecast = new SeasonalEsMethod().PointForecast(y, 7, 7);
        for (var h = 0; h < 7; h++) Assert.Equal(week[h], forecast[h], 9);
    }

    [Fact]
    public void Adida_bucketOfOne_equalsSes()
    {
        double[] y = [0, 2, 0, 0, 1, 3, 0, 0, 0, 2, 1, 0];
        Assert.Equal(new SesMethod().PointForecast(y, 1, 1)[0], new AdidaMethod(1).PointForecast(y, 12, 1)[0], 12);
    }

    [Fact]
    public void Mean_forecastsHistoricalAverage()
    {
        Assert.Equal(2.0, new MeanMethod().PointForecast([0, 3, 0, 5], 1, 1)[0], 12);
    }

    [Fact]
    public void Combination_isMeanOfMembers()
    {
        double[] y = [0, 3, 0, 5];
        var combined = new CombinationMethod("c", [new MeanMethod(), new NaiveMethod()]).PointForecast(y, 1, 1)[0];
        Assert.Equal((2.0 + 5.0) / 2, combined, 12);
    }

    [Fact]
    public void Median_sparseDemand_forecastsZeroWhileMeanIsPositive()
    {
        // One unit in five periods: Poisson-or-wider with mean 0.2 has median 0.
        double[] y = [0, 0, 1, 0, 0, 0, 0, 1, 0, 0];
        Assert.Equal(0.2, new MeanMethod().PointForecast(y, 1, 1)[0], 12);
        Assert.Equal(0.0, new MedianForecastMethod(new MeanMethod()).PointForecast(y, 1, 1)[0]);
    }

    [Fact]
    public void ByName_everyBuiltInName_roundTrips()
    {
        foreach (var m in ForecastMethods.All) Assert.Equal(m.Name, ForecastMethods.ByName(m.Name).Name);
        Assert.Equal("TSB-median", ForecastMethods.ByName("tsb-median").Name);
        Assert.Throws<ArgumentException>(() => ForecastMethods.ByName("prophet"));
    }
}
