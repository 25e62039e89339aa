using Xunit;
using Microchain.Planning.Forecasting;

namespace Microchain.Planning.Tests.Forecasting;

public sealed class AccuracyTests
{
    [Fact]
    public void Mase_tinyExample_isMaeOverNaiveInSampleMae()
    {
        // Scale: (|3−1| + |2−3|) / 2 = 1.5; MAE: (1 + 2) / 2 = 1.5.
        Assert.Equal(1.0, ForecastAccuracy.Mase([1, 3, 2], [2, 2], [1, 4]), 12);
    }

    [Fact]
    public void Rmsse_tinyExample_scalesFromFirstDemand()
    {
        // Leading zero dropped: scale = (4−2)² / 1 = 4; MSE = (4−2)² = 4.
        Assert.Equal(1.0, ForecastAccuracy.Rmsse([0, 2, 4], [4], [2]), 12);
        Assert.Equal(Math.Sqrt(2.5 / 4), ForecastAccuracy.Rmsse([0, 2, 4], [4, 1], [2, 0]), 12);
    }

    [Fact]
    public void Metrics_zeroScale_areNaN()
    {
        Assert.True(double.IsNaN(ForecastAccuracy.Mase([0, 0, 0], [1], [0])));
        Assert.True(double.IsNaN(ForecastAccuracy.Rmsse([0, 0, 5], [1], [0])));
    }
}
