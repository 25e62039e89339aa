namespace Microchain.Simulation.DemoCity;

/// <summary>
/// When grocery orders are placed: a lunchtime bump and an evening peak (18–20 h), little at night, a busier
/// Saturday and a quieter Sunday. An order driver draws arrivals (e.g. Poisson) at <see cref="OrdersPerHour"/>.
/// </summary>
public static class DemoDemandCurve
{
    // Relative order intake per hour of the local day, normalized below so the shares sum to 1.
    private static readonly double[] RawHourly =
    [
        0.5, 0.3, 0.2, 0.2, 0.2, 0.4, 1.0, 2.5, 4.0, 5.0, 5.5, 6.5,
        7.0, 6.0, 5.0, 5.0, 5.5, 7.0, 8.5, 8.5, 7.5, 5.5, 3.0, 1.2,
    ];

    private static readonly double[] Hourly = RawHourly.Select(x => x / RawHourly.Sum()).ToArray();

    // Monday first; the mean over a week is 1.
    private static readonly double[] RawDaily = [1.05, 0.95, 0.95, 1.0, 1.05, 1.1, 0.9];

    /// <summary>Share of a day's orders placed in the given local hour (0..23); the 24 shares sum to 1.</summary>
    public static double HourShare(int hour)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        return Hourly[hour];
    }

    /// <summary>Volume of a weekday relative to the weekly mean (the seven factors average 1).</summary>
    public static double DayFactor(DayOfWeek day) => RawDaily[((int)day + 6) % 7] * 7 / RawDaily.Sum();

    /// <summary>Expected orders per hour at <paramref name="at"/> (its own offset's local clock) for an average day's volume.</summary>
    public static double OrdersPerHour(double ordersPerDay, DateTimeOffset at) =>
        ordersPerDay * DayFactor(at.DayOfWeek) * HourShare(at.Hour);
}
