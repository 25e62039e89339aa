using Xunit;
using Microchain.Planning.Forecasting;
using CsCheck;

namespace Microchain.Planning.Tests.Forecasting;

public sealed class IntermittentMethodTests
{
    private static readonly double[] Known = [0, 0, 3, 0, 0, 0, 6];

    [Fact]
    public void Croston_knownSequence_matchesHandComputation()
    {
        var forecast = new double[2];
        var fitted = new double[Known.Length];
        new CrostonMethod(CrostonVariant.Classic, alpha: 0.1).FitForecast(Known, 1, forecast, fitted);

        // First demand at t=2: size 3, interval 3. Next at t=6, 4 periods later: size 3.3, interval 3.1.
        Assert.Equal(3.3 / 3.1, forecast[0], 12);
        Assert.Equal(3.3 / 3.1, forecast[1], 12);
        Assert.True(double.IsNaN(fitted[2]));
        Assert.Equal(1.0, fitted[3], 12);
        Assert.Equal(1.0, fitted[6], 12);
    }

    [Fact]
    public void Sba_anySeries_isCrostonTimesOneMinusHalfAlpha()
    {
        Gen.Int[0, 5].Array[1, 40].Sample(values =>
        {
            var y = values.Select(v => (double)v).ToArray();
            var croston = new CrostonMethod(CrostonVariant.Classic, 0.2).PointForecast(y, 1, 1)[0];
            var sba = new CrostonMethod(CrostonVariant.Sba, 0.2).PointForecast(y, 1, 1)[0];
            Assert.Equal(croston * 0.9, sba, 12);
        }, iter: 200, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Croston_noDemand_forecastsZero()
    {
        Assert.Equal(0, new CrostonMethod().PointForecast(new double[12], 12, 3)[2]);
        Assert.Equal(0, new TsbMethod().PointForecast(new double[12], 12, 3)[2]);
    }

    [Fact]
    public void Tsb_longRunOfZeros_decaysWhileCrostonStays()
    {
        var active = new double[] { 2, 0, 3, 0, 2, 1, 0, 4, 0, 2, 3, 0 };
        var obsolete = active.Concat(new double[24]).ToArray();
        var fitted = new double[obsolete.Length];
        var tsb = new double[1];
        new TsbMethod(0.1, 0.1).FitForecast(obsolete, 1, tsb, fitted);
        var crostonActive = new CrostonMethod(CrostonVariant.Classic, 0.1).PointForecast(active, 1, 1)[0];
        var crostonObsolete = new CrostonMethod(CrostonVariant.Classic, 0.1).PointForecast(obsolete, 1, 1)[0];

        Assert.Equal(crostonActive, crostonObsolete, 12);
        // Each zero period multiplies the demand probability by 1 − beta: 24 of them leave 0.9^24 ≈ 8%.
        Assert.Equal(fitted[active.Length] * Math.Pow(0.9, 24), tsb[0], 12);
        Assert.True(tsb[0] < 0.1 * crostonObsolete);
    }

    [Fact]
    public void Tsb_knownSequence_matchesHandComputation()
    {
        // p0 = 2/4, z0 = 3; t0: f=1.5, zero → p=0.45; t1: f=1.35, demand 4 → p=0.505, z=3.1; t2: zero → p=0.4545; t3: demand 2 → p=0.50905, z=2.99.
        var forecast = new double[1];
        var fitted = new double[4];
        new TsbMethod(0.1, 0.1).FitForecast([0, 4, 0, 2], 1, forecast, fitted);
        Assert.Equal(1.5, fitted[0], 12);
        Assert.Equal(1.35, fitted[1], 12);
        Assert.Equal(0.50905 * 2.99, forecast[0], 12);
    }
}
