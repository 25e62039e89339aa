namespace Microchain.Planning.Forecasting;

/// <summary>Which correction Croston's method applies to its ratio of smoothed size to smoothed interval.</summary>
public enum CrostonVariant
{
    /// <summary>Croston (1972): forecast = size / interval.</summary>
    Classic,

    /// <summary>Syntetos–Boylan approximation: Croston × (1 − α/2), removing its positive bias.</summary>
    Sba,
}

/// <summary>
/// Croston's method for intermittent demand: demand sizes and inter-demand intervals are smoothed separately
/// (with the same alpha), updated only in periods with demand. Initial size = first demand, initial interval =
/// periods up to and including the first demand. Alpha is fixed or picked from a small grid by in-sample
/// squared one-step error.
/// </summary>
public sealed class CrostonMethod : IForecastMethod
{
    private static readonly double[] AlphaGrid = [0.02, 0.05, 0.1, 0.15, 0.2, 0.3];
    private readonly double? _alpha;
    private readonly CrostonVariant _variant;

    /// <summary>Creates the method; <paramref name="alpha"/> null means fitted from the grid.</summary>
    public CrostonMethod(CrostonVariant variant = CrostonVariant.Classic, double? alpha = null)
    {
        if (alpha is { } a) ArgumentOutOfRangeException.ThrowIfNotEqual(a is > 0 and <= 1, true, nameof(alpha));
        _variant = variant;
        _alpha = alpha;
    }

    /// <inheritdoc />
    public string Name => _variant == CrostonVariant.Sba ? "SBA" : "Croston";

    /// <inheritdoc />
    public void FitForecast(ReadOnlySpan<double> history, int seasonLength, Span<double> forecast, Span<double> fitted)
    {
        double alpha;
        if (_alpha is { } fixedAlpha) alpha = fixedAlpha;
        else
        {
            alpha = AlphaGrid[0];
            var best = double.PositiveInfinity;
            foreach (var candidate in AlphaGrid)
            {
                var sse = Run(history, candidate, []);
                if (sse < best - 1e-12)
                {
                    best = sse;
                    alpha = candidate;
                }
            }
        }
        var sizeOverInterval = Run(history, alpha, fitted, final: true);
        forecast.Fill(sizeOverInterval);
    }

    // Returns the SSE of one-step errors after the first demand, or (final) the last forecast.
    private double Run(ReadOnlySpan<double> y, double alpha, Span<double> fitted, bool final = false)
    {
        if (!fitted.IsEmpty) fitted.Fill(double.NaN);
        var factor = _variant == CrostonVariant.Sba ? 1 - alpha / 2 : 1;
        double size = 0, interval = 0, sse = 0;
        var started = false;
        var sinceLast = 0;
        for (var t = 0; t < y.Length; t++)
        {
            sinceLast++;
            if (started)
            {
                var f = factor * size / interval;
                if (!fitted.IsEmpty) fitted[t] = f;
                sse += (y[t] - f) * (y[t] - f);
            }
            if (y[t] <= 0) continue;
            if (!started)
            {
                size = y[t];
                interval = sinceLast;
                started = true;
            }
            else
            {
                size += alpha * (y[t] - size);
                interval += alpha * (sinceLast - interval);
            }
            sinceLast = 0;
        }
        if (final) return started ? factor * size / interval : 0;
        return sse;
    }
}
