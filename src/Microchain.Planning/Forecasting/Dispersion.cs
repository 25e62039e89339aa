namespace Microchain.Planning.Forecasting;

/// <summary>
/// Variance-to-mean ratio φ of one-step-ahead forecast errors: the predictive variance of a period with
/// mean μ is taken as φ·μ (never below Poisson, φ ≥ 1). Scaling the error variance with the forecast mean
/// keeps quantiles of a decaying intermittent forecast (TSB on an obsolete part) shrinking with it.
/// </summary>
public static class Dispersion
{
    /// <summary>φ from the in-sample one-step errors; falls back to the history's own variance/mean.</summary>
    public static double FromFitted(ReadOnlySpan<double> history, ReadOnlySpan<double> fitted)
    {
        double sse = 0, fittedSum = 0;
        var count = 0;
        for (var t = 0; t < history.Length; t++)
        {
            if (double.IsNaN(fitted[t])) continue;
            var e = history[t] - fitted[t];
            sse += e * e;
            fittedSum += fitted[t];
            count++;
        }
        if (count >= 2 && fittedSum > 0) return Math.Max(1, sse / fittedSum);
        return FromHistory(history);
    }

    /// <summary>φ = variance / mean of the history itself (1 when it has no demand).</summary>
    public static double FromHistory(ReadOnlySpan<double> history)
    {
        if (history.Length < 2) return 1;
        double sum = 0;
        foreach (var v in history) sum += v;
        var mean = sum / history.Length;
        if (mean <= 0) return 1;
        double ss = 0;
        foreach (var v in history) ss += (v - mean) * (v - mean);
        return Math.Max(1, ss / (history.Length - 1) / mean);
    }
}
