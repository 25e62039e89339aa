using Xunit;
using Microchain.Planning.Forecasting;

namespace Microchain.Planning.Tests.Forecasting;

public sealed class SelectionTests
{
    private static readonly IForecastMethod[] Candidates = [new MeanMethod(), new SesMethod(), new SeasonalNaiveMethod()];

    [Fact]
    public void Auto_weekdayPatternedData_picksSeasonalNaive()
    {
        var random = new Random(7);
        double[] week = [2, 1, 1, 3, 6, 12, 10];
        // A fixed weekday pattern with small noise: seasonal naive carries the pattern, level methods cannot.
        var y = Enumerable.Range(0, 70).Select(t => week[t % 7] + random.Next(0, 2)).Select(v => (double)v).ToArray();
        var result = new AutoForecastMethod(new SelectionOptions { Candidates = Candidates }).Select(y, 7);
        Assert.Equal("SNaive", result.Chosen.Name);
    }

    [Fact]
    public void Auto_localLevelData_picksSes()
    {
        var random = new Random(11);
        var level = 100.0;
        var y = new double[80];
        // A random walk: the SES model with alpha near 1, where the global mean is badly off.
        for (var t = 0; t < y.Length; t++)
        {
            level += random.Next(-10, 11);
            y[t] = level;
        }
        var options = new SelectionOptions { Candidates = Candidates, Horizon = 3, Origins = 20, OriginStep = 2 };
        var result = new AutoForecastMethod(options).Select(y, 7);
        Assert.Equal("SES", result.Chosen.Name);
    }

    [Fact]
    public void Auto_stationaryNoise_picksMean()
    {
        var random = new Random(3);
        var y = Enumerable.Range(0, 80).Select(_ => (double)random.Next(0, 21)).ToArray();
        var result = new AutoForecastMethod(new SelectionOptions { Candidates = [new SeasonalNaiveMethod(), new NaiveMethod(), new MeanMethod()] }).Select(y, 7);
        Assert.Equal("Mean", result.Chosen.Name);
    }

    [Fact]
    public void Auto_sameInput_sameForecast()
    {
        var random = new Random(5);
        var y = Enumerable.Range(0, 60).Select(_ => (double)(random.Next(0, 4) == 0 ? random.Next(1, 6) : 0)).ToArray();
        var auto = new AutoForecastMethod();
        Assert.Equal(auto.PointForecast(y, 7, 14), auto.PointForecast(y, 7, 14));
        Assert.Equal(auto.Select(y, 7).Scores, auto.Select(y, 7).Scores);
    }

    [Fact]
    public void Auto_forecast_namesTheChosenMethod()
    {
        var y = Enumerable.Repeat(3.0, 40).ToArray();
        var forecast = new AutoForecastMethod(new SelectionOptions { Candidates = [new NaiveMethod()], IntermittentCandidates = null }).Forecast(new DemandSeries(y, 7), 7);
        Assert.Equal("Auto:Naive", forecast.Method);
        Assert.Equal(3.0, forecast.Mean[6], 12);
    }

    [Fact]
    public void Auto_intermittentSeries_usesIntermittentCandidates()
    {
        var y = Enumerable.Range(0, 60).Select(t => t % 4 == 0 ? 2.0 : 0).ToArray();
        var options = new SelectionOptions { Candidates = [new NaiveMethod()], IntermittentCandidates = [new MeanMethod()] };
        Assert.Equal("Mean", new AutoForecastMethod(options).Select(y, 7).Chosen.Name);
    }

    [Fact]
    public void Auto_historyShorterThanMinimum_usesFallback()
    {
        var result = new AutoForecastMethod().Select([1, 0, 2], 7);
        Assert.Equal("SES", result.Chosen.Name);
        Assert.Empty(result.Scores);
    }
}
