namespace Microchain.Planning.Forecasting;

/// <summary>
/// Teunter–Syntetos–Babai: smooths the demand probability every period (so the forecast decays through
/// long runs of zeros — obsolescence) and the demand size only when demand occurs. Forecast = probability ×
/// size. Initial probability = share of periods with demand, initial size = mean non-zero demand. Alpha and
/// beta are fixed or picked from a grid by in-sample squared one-step error.
/// </summary>
public sealed class TsbMethod : IForecastMethod
{
    private static readonly double[] AlphaGrid = [0.02, 0.05, 0.1, 0.2, 0.3];
    private static readonly double[] BetaGrid = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3];
    private readonly double? _alpha;
    private readonly double? _beta;

    /// <summary>Creates TSB; null parameters are fitted from the grid.</summary>
    public TsbMethod(double? alpha = null, double? beta = null)
    {
        if (alpha is { } a) ArgumentOutOfRangeException.ThrowIfNotEqual(a is > 0 and <= 1, true, nameof(alpha));
        if (beta is { } b) ArgumentOutOfRangeException.ThrowIfNotEqual(b is > 0 and <= 1, true, nameof(beta));
        _alpha = alpha;
        _beta = beta;
    }

    /// <inheritdoc />
    public string Name => "TSB";

    /// <inheritdoc />
    public void FitForecast(ReadOnlySpan<double> history, int seasonLength, Span<double> forecast, Span<double> fitted)
    {
        double nonZero = 0, sizeSum = 0;
        foreach (var v in history)
        {
            if (v <= 0) continue;
            nonZero++;
            sizeSum += v;
        }
        if (nonZero == 0)
        {
            fitted.Fill(history.Length == 0 ? double.NaN : 0);
            forecast.Clear();
            return;
        }
        var p0 = nonZero / history.Length;
        var z0 = sizeSum / nonZero;
        double bestAlpha = _alpha ?? AlphaGrid[0], bestBeta = _beta ?? BetaGrid[0];
        if (_alpha is null || _beta is null)
        {
            var best = double.PositiveInfinity;
            foreach (var a in _alpha is { } fa ? [fa] : AlphaGrid)
            {
                foreach (var b in _beta is { } fb ? [fb] : BetaGrid)
                {
                    var sse = Run(history, a, b, p0, z0, [], out _);
                    if (sse < best - 1e-12)
                    {
                        best = sse;
                        bestAlpha = a;
                        bestBeta = b;
                    }
                }
            }
        }
        Run(history, bestAlpha, bestBeta, p0, z0, fitted, out var last);
        forecast.Fill(last);
    }

    private static double Run(ReadOnlySpan<double> y, double alpha, double beta, double p, double z, Span<double> fitted, out double last)
    {
        double sse = 0;
        for (var t = 0; t < y.Length; t++)
        {
            var f = p * z;
            if (!fitted.IsEmpty) fitted[t] = f;
            sse += (y[t] - f) * (y[t] - f);
            if (y[t] > 0)
            {
                p += beta * (1 - p);
                z += alpha * (y[t] - z);
            }
            else
            {
                p -= beta * p;
            }
        }
        last = p * z;
        return sse;
    }
}
