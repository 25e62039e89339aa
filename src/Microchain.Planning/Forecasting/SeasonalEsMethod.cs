namespace Microchain.Planning.Forecasting;

/// <summary>
/// Exponential smoothing with additive seasonality and no trend (ETS(A,N,A)-style): a level and one index
/// per season position. Initial level = mean of the whole seasons in the history, initial indices = mean of
/// each position minus that level. Alpha and gamma are picked from a grid by in-sample squared one-step
/// error. Forecasts are clipped at zero. Needs two full seasons; with less history it falls back to SES.
/// </summary>
public sealed class SeasonalEsMethod : IForecastMethod
{
    private static readonly double[] AlphaGrid = [0.01, 0.05, 0.1, 0.2, 0.3, 0.5];
    private static readonly double[] GammaGrid = [0.01, 0.05, 0.1, 0.2, 0.3];

    /// <inheritdoc />
    public string Name => "SeasonalES";

    /// <inheritdoc />
    public void FitForecast(ReadOnlySpan<double> history, int seasonLength, Span<double> forecast, Span<double> fitted)
    {
        var n = history.Length;
        var m = seasonLength;
        if (m < 2 || n < 2 * m)
        {
            new SesMethod().FitForecast(history, seasonLength, forecast, fitted);
            return;
        }
        var cycles = n / m;
        Span<double> initial = m <= 64 ? stackalloc double[m] : new double[m];
        double level0 = 0;
        for (var i = 0; i < cycles * m; i++)
        {
            initial[i % m] += history[i] / cycles;
            level0 += history[i];
        }
        level0 /= cycles * m;
        for (var i = 0; i < m; i++) initial[i] -= level0;

        Span<double> season = m <= 64 ? stackalloc double[m] : new double[m];
        double bestAlpha = AlphaGrid[0], bestGamma = GammaGrid[0], best = double.PositiveInfinity;
        foreach (var a in AlphaGrid)
        {
            foreach (var g in GammaGrid)
            {
                initial.CopyTo(season);
                var sse = Run(history, a, g, level0, season, [], out _);
                if (sse < best - 1e-12)
                {
                    best = sse;
                    bestAlpha = a;
                    bestGamma = g;
                }
            }
        }
        initial.CopyTo(season);
        Run(history, bestAlpha, bestGamma, level0, season, fitted, out var level);
        for (var h = 0; h < forecast.Length; h++) forecast[h] = Math.Max(0, level + season[(n + h) % m]);
    }

    private static double Run(ReadOnlySpan<double> y, double alpha, double gamma, double level, Span<double> season, Span<double> fitted, out double finalLevel)
    {
        var m = season.Length;
        double sse = 0;
        for (var t = 0; t < y.Length; t++)
        {
            var f = level + season[t % m];
            if (!fitted.IsEmpty) fitted[t] = Math.Max(0, f);
            var e = y[t] - f;
            sse += e * e;
            level += alpha * e;
            season[t % m] += gamma * (1 - alpha) * e;
        }
        finalLevel = level;
        return sse;
    }
}
