using Microchain.Simulation.DemoCity;
using Xunit;

namespace Microchain.Simulation.Tests.DemoCity;

public sealed class DemoDemandCurveTests
{
    [Fact]
    public void HourShare_overADay_sumsToOneWithAnEveningPeak()
    {
        var shares = Enumerable.Range(0, 24).Select(DemoDemandCurve.HourShare).ToArray();

        Assert.Equal(1.0, shares.Sum(), 12);
        Assert.InRange(Array.IndexOf(shares, shares.Max()), 17, 20);
        Assert.True(shares[3] < shares[18] / 20);
    }

    [Fact]
    public void DayFactor_overAWeek_averagesOne()
    {
        Assert.Equal(7.0, Enum.GetValues<DayOfWeek>().Sum(DemoDemandCurve.DayFactor), 12);
        Assert.True(DemoDemandCurve.DayFactor(DayOfWeek.Saturday) > DemoDemandCurve.DayFactor(DayOfWeek.Sunday));
    }

    [Fact]
    public void OrdersPerHour_overAWeek_addsUpToTheDailyVolume()
    {
        var monday = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(1));
        var total = Enumerable.Range(0, 7 * 24).Sum(h => DemoDemandCurve.OrdersPerHour(1_000, monday.AddHours(h)));

        Assert.Equal(7_000, total, 6);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(24)]
    public void HourShare_outsideTheDay_throws(int hour)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoDemandCurve.HourShare(hour));
    }
}
