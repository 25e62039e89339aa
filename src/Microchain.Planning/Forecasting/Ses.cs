namespace Microchain.Planning.Forecasting;

/// <summary>
/// Simple exponential smoothing core shared by SES, ADIDA and IMAPA. For a given alpha the initial level
/// that minimises the in-sample squared one-step error has a closed form (the fitted values are linear in
/// it), so only alpha is searched — the same fit R's <c>ets(y, "ANN")</c> reaches by numerical optimisation.
/// </summary>
internal static class Ses
{
    // Dense near zero where long-memory smoothing of intermittent series lives.
    private static readonly double[] AlphaGrid = BuildGrid();

    private static double[] BuildGrid()
    {
        var grid = new List<double> { 0.001, 0.003, 0.005, 0.0075 };
        for (var i = 1; i <= 99; i++) grid.Add(i / 100.0);
        return [.. grid];
    }

    /// <summary>Fits alpha (or uses <paramref name="fixedAlpha"/>); returns the final level and fills <paramref name="fitted"/> when not empty.</summary>
    public static double Fit(ReadOnlySpan<double> y, double? fixedAlpha, Span<double> fitted, out double alpha)
    {
        var n = y.Length;
        if (n == 0)
        {
            alpha = fixedAlpha ?? 0.1;
            return 0;
        }
        if (fixedAlpha is { } a) alpha = a;
        else
        {
            alpha = AlphaGrid[0];
            var best = double.PositiveInfinity;
            foreach (var candidate in AlphaGrid)
            {
                var sse = Evaluate(y, candidate, out _, out _);
                if (sse < best - 1e-12)
                {
                    best = sse;
                    alpha = candidate;
                }
            }
        }
        Evaluate(y, alpha, out var l0, out _);
        var level = l0;
        for (var t = 0; t < n; t++)
        {
            if (!fitted.IsEmpty) fitted[t] = level;
            level += alpha * (y[t] - level);
        }
        return Math.Max(0, level);
    }

    // SSE of the one-step errors with the optimal non-negative initial level.
    private static double Evaluate(ReadOnlySpan<double> y, double alpha, out double l0, out double finalLevel)
    {
        double a = 0, w = 1, sumWr = 0, sumWw = 0, sumRr = 0;
        for (var t = 0; t < y.Length; t++)
        {
            var r = y[t] - a;
            sumWr += w * r;
            sumWw += w * w;
            sumRr += r * r;
            a += alpha * (y[t] - a);
            w *= 1 - alpha;
        }
        l0 = sumWw > 0 ? Math.Max(0, sumWr / sumWw) : 0;
        finalLevel = a + w * l0;
        return sumRr - 2 * l0 * sumWr + l0 * l0 * sumWw;
    }
}

/// <summary>Simple exponential smoothing with alpha (and initial level) fitted by in-sample squared one-step error.</summary>
public sealed class SesMethod : IForecastMethod
{
    private readonly double? _alpha;

    /// <summary>Creates SES; <paramref name="alpha"/> fixes the smoothing constant, null fits it.</summary>
    public SesMethod(double? alpha = null)
    {
        if (alpha is { } a) ArgumentOutOfRangeException.ThrowIfNotEqual(a is > 0 and <= 1, true, nameof(alpha));
        _alpha = alpha;
    }

    /// <inheritdoc />
    public string Name => "SES";

    /// <inheritdoc />
    public void FitForecast(ReadOnlySpan<double> history, int seasonLength, Span<double> forecast, Span<double> fitted) =>
        forecast.Fill(Ses.Fit(history, _alpha, fitted, out _));
}
