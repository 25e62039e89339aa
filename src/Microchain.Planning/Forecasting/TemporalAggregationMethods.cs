namespace Microchain.Planning.Forecasting;

/// <summary>
/// Temporal aggregation helpers: sum non-overlapping buckets of <c>k</c> periods (aligned to the end of the
/// history, leading remainder dropped), smooth them with SES, and spread the bucket forecast evenly.
/// Aggregation lowers intermittency so SES sees a steadier series (Nikolopoulos et al. 2011, ADIDA).
/// </summary>
internal static class TemporalAggregation
{
    /// <summary>Per-period forecast from level-<paramref name="k"/> aggregation; adds (weight ×) fitted values into <paramref name="fittedSum"/>.</summary>
    public static double Forecast(ReadOnlySpan<double> y, int k, Span<double> fittedSum, Span<int> fittedCount)
    {
        var buckets = y.Length / k;
        if (buckets < 2) return -1;
        var offset = y.Length - buckets * k;
        Span<double> aggregated = buckets <= 512 ? stackalloc double[buckets] : new double[buckets];
        Span<double> fittedAgg = buckets <= 512 ? stackalloc double[buckets] : new double[buckets];
        for (var b = 0; b < buckets; b++)
        {
            double s = 0;
            for (var i = 0; i < k; i++) s += y[offset + b * k + i];
            aggregated[b] = s;
        }
        var level = Ses.Fit(aggregated, null, fittedAgg, out _);
        // Bucket 0's fitted value is the fitted initial level, which saw the whole series: skip it.
        for (var b = 1; b < buckets; b++)
        {
            for (var i = 0; i < k; i++)
            {
                fittedSum[offset + b * k + i] += fittedAgg[b] / k;
                fittedCount[offset + b * k + i]++;
            }
        }
        return level / k;
    }

    public static void Finish(Span<double> fitted, ReadOnlySpan<double> fittedSum, ReadOnlySpan<int> fittedCount)
    {
        for (var t = 0; t < fitted.Length; t++) fitted[t] = fittedCount[t] > 0 ? fittedSum[t] / fittedCount[t] : double.NaN;
    }
}

/// <summary>ADIDA: SES on demand aggregated into buckets of a fixed length (default: one season), spread evenly.</summary>
public sealed class AdidaMethod : IForecastMethod
{
    private readonly int? _bucketPeriods;

    /// <summary>Creates ADIDA; <paramref name="bucketPeriods"/> null means one season per bucket.</summary>
    public AdidaMethod(int? bucketPeriods = null)
    {
        if (bucketPeriods is { } k) ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        _bucketPeriods = bucketPeriods;
    }

    /// <inheritdoc />
    public string Name => "ADIDA";

    /// <inheritdoc />
    public void FitForecast(ReadOnlySpan<double> history, int seasonLength, Span<double> forecast, Span<double> fitted)
    {
        var k = Math.Max(1, _bucketPeriods ?? seasonLength);
        var sum = new double[history.Length];
        var count = new int[history.Length];
        var f = TemporalAggregation.Forecast(history, k, sum, count);
        if (f < 0)
        {
            new SesMethod().FitForecast(history, seasonLength, forecast, fitted);
            return;
        }
        TemporalAggregation.Finish(fitted, sum, count);
        forecast.Fill(f);
    }
}

/// <summary>
/// IMAPA (Petropoulos &amp; Kourentzes 2015, simplified to SES at every level): the mean of ADIDA forecasts
/// over aggregation levels 1..K, K = the season length capped at a quarter of the history (at least 2).
/// </summary>
public sealed class ImapaMethod : IForecastMethod
{
    /// <inheritdoc />
    public string Name => "IMAPA";

    /// <inheritdoc />
    public void FitForecast(ReadOnlySpan<double> history, int seasonLength, Span<double> forecast, Span<double> fitted)
    {
        var maxK = Math.Max(2, Math.Min(seasonLength, history.Length / 4));
        var sum = new double[history.Length];
        var count = new int[history.Length];
        double total = 0;
        var levels = 0;
        for (var k = 1; k <= maxK; k++)
        {
            var f = TemporalAggregation.Forecast(history, k, sum, count);
            if (f < 0) continue;
            total += f;
            levels++;
        }
        if (levels == 0)
        {
            new MeanMethod().FitForecast(history, seasonLength, forecast, fitted);
            return;
        }
        TemporalAggregation.Finish(fitted, sum, count);
        forecast.Fill(total / levels);
    }
}
