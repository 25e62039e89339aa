using Microchain.Planning.Forecasting;

namespace Microchain.Bench.Inventory;

/// <summary>Daily demand of one node × SKU plus the per-day forecast the policy sees on each simulated night.</summary>
internal sealed record ReplaySeries(double[] Daily, int Start, (double Mean, double Sd)[] Forecasts);

/// <summary>Builds replay inputs: a seeded synthetic small-node generator, or carparts spread over days.</summary>
internal static class ReplayDemand
{
    public const int DaysPerMonth = 30;
    public const int SyntheticWarmupDays = 84;
    public const int ForecastWindowDays = 112;
    private static readonly double[] Weekday = [0.8, 0.9, 0.9, 1.0, 1.2, 1.4, 0.8];

    /// <summary>
    /// Intermittent daily demand with weekday seasonality: on each day demand occurs with probability p
    /// (0.15–0.95, times a weekday profile of random amplitude) and its size is 1 + Poisson(m − 1), m in 1–6.
    /// The forecast is refitted weekly on the last 16 weeks with season 7.
    /// </summary>
    public static ReplaySeries Synthetic(int index, int seed, int days, int protectionDays, IForecastMethod method)
    {
        var random = new Random(unchecked(seed * 7919 + index));
        var p = 0.15 + 0.8 * random.NextDouble();
        var size = 1 + 5 * random.NextDouble();
        var amplitude = 0.5 * random.NextDouble();
        var daily = new double[SyntheticWarmupDays + days];
        for (var d = 0; d < daily.Length; d++)
        {
            var pDay = Math.Min(1, p * (1 + amplitude * (Weekday[d % 7] - 1)));
            if (random.NextDouble() < pDay) daily[d] = 1 + Poisson(size - 1, random);
        }
        return new ReplaySeries(daily, SyntheticWarmupDays, WeeklyForecasts(daily, SyntheticWarmupDays, days, protectionDays, method));
    }

    /// <summary>Carparts monthly demand with each unit on a uniformly random day of a 30-day month; monthly refits on completed months.</summary>
    public static ReplaySeries Carparts(double[] monthly, int warmupMonths, int index, int seed, int days, IForecastMethod method)
    {
        var random = new Random(unchecked(seed * 7919 + index));
        var daily = new double[monthly.Length * DaysPerMonth];
        for (var m = 0; m < monthly.Length; m++)
        {
            for (var u = 0; u < (int)monthly[m]; u++) daily[m * DaysPerMonth + random.Next(DaysPerMonth)]++;
        }
        var start = warmupMonths * DaysPerMonth;
        var count = Math.Min(days, daily.Length - start);
        var forecasts = new (double, double)[count];
        for (var m = warmupMonths; m * DaysPerMonth < start + count; m++)
        {
            var forecast = method.Forecast(new DemandSeries(monthly.AsSpan(0, m).ToArray(), 12), 1);
            var perDay = (forecast.Mean[0] / DaysPerMonth, Math.Sqrt(forecast.Variance[0] / DaysPerMonth));
            for (var d = m * DaysPerMonth; d < Math.Min((m + 1) * DaysPerMonth, start + count); d++) forecasts[d - start] = perDay;
        }
        return new ReplaySeries(daily, start, forecasts);
    }

    // Refit every 7 days; each night uses the mean and sd per day over the coming protection period.
    private static (double, double)[] WeeklyForecasts(double[] daily, int start, int days, int protectionDays, IForecastMethod method)
    {
        var result = new (double, double)[days];
        Forecast? forecast = null;
        for (var i = 0; i < days; i++)
        {
            var offset = i % 7;
            if (offset == 0)
            {
                var end = start + i;
                var from = Math.Max(0, end - ForecastWindowDays);
                forecast = method.Forecast(new DemandSeries(daily.AsSpan(from, end - from).ToArray(), 7), 7 + protectionDays);
            }
            // Tonight's order covers tomorrow onwards: steps offset + 1 .. offset + protection.
            result[i] = forecast!.PerPeriod(protectionDays, offset + 1);
        }
        return result;
    }

    private static int Poisson(double mean, Random random)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            k++;
            product *= random.NextDouble();
        }
        return k;
    }
}
