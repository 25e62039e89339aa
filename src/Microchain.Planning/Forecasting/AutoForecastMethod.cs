namespace Microchain.Planning.Forecasting;

/// <summary>
/// Automatic selection per series: every candidate is scored by rolling-origin cross-validation on the
/// history alone (see <see cref="SelectionOptions"/>), and the best one is refitted on the whole history.
/// </summary>
public sealed class AutoForecastMethod : IForecastMethod
{
    /// <summary>The name reported for automatic selection.</summary>
    public const string AutoName = "Auto";

    private readonly SelectionOptions _options;

    /// <summary>Creates the selector; null options mean the defaults.</summary>
    public AutoForecastMethod(SelectionOptions? options = null)
    {
        _options = options ?? new SelectionOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => AutoName;

    /// <inheritdoc />
    public void FitForecast(ReadOnlySpan<double> history, int seasonLength, Span<double> forecast, Span<double> fitted) =>
        Select(history, seasonLength).Chosen.FitForecast(history, seasonLength, forecast, fitted);

    /// <summary>Scores every candidate on <paramref name="history"/> and returns the best.</summary>
    public SelectionResult Select(ReadOnlySpan<double> history, int seasonLength)
    {
        var n = history.Length;
        var horizon = _options.Horizon ?? Math.Max(1, seasonLength);
        if (n - _options.MinTrainPeriods < horizon) horizon = n - _options.MinTrainPeriods;
        if (horizon < 1) return new SelectionResult(_options.Fallback, []);

        var candidates = _options.IntermittentCandidates is { } sparse && IsIntermittent(history) ? sparse : _options.Candidates;
        var scores = new double[candidates.Count];
        var forecast = new double[horizon];
        var fitted = new double[n];
        var origins = 0;
        for (var i = 0; i < _options.Origins; i++)
        {
            var origin = n - horizon - i * _options.OriginStep;
            if (origin < _options.MinTrainPeriods) break;
            origins++;
            var train = history[..origin];
            var actual = history.Slice(origin, horizon);
            for (var c = 0; c < candidates.Count; c++)
            {
                candidates[c].FitForecast(train, seasonLength, forecast, fitted.AsSpan(0, origin));
                double loss = 0;
                for (var h = 0; h < horizon; h++)
                {
                    var e = actual[h] - forecast[h];
                    loss += _options.Metric == SelectionMetric.Mase ? Math.Abs(e) : e * e;
                }
                scores[c] += loss;
            }
        }
        var best = 0;
        for (var c = 0; c < candidates.Count; c++)
        {
            scores[c] /= origins * horizon;
            if (scores[c] < scores[best] - 1e-12) best = c;
        }
        return new SelectionResult(candidates[best], scores);
    }

    private bool IsIntermittent(ReadOnlySpan<double> history)
    {
        var nonZero = 0;
        foreach (var v in history)
        {
            if (v > 0) nonZero++;
        }
        return nonZero == 0 || history.Length / (double)nonZero > _options.IntermittentAdi;
    }
}
