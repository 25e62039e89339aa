namespace Microchain.Planning.Forecasting;

/// <summary>Equal-weight combination: the mean of its members' forecasts (and of their fitted values).</summary>
public sealed class CombinationMethod : IForecastMethod
{
    private readonly IForecastMethod[] _members;

    /// <summary>Combines <paramref name="members"/> (at least one).</summary>
    public CombinationMethod(string name, IReadOnlyList<IForecastMethod> members)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0) throw new ArgumentException("at least one member is required", nameof(members));
        Name = name;
        _members = [.. members];
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public void FitForecast(ReadOnlySpan<double> history, int seasonLength, Span<double> forecast, Span<double> fitted)
    {
        var f = new double[forecast.Length];
        var fit = new double[history.Length];
        forecast.Clear();
        fitted.Clear();
        foreach (var m in _members)
        {
            m.FitForecast(history, seasonLength, f, fit);
            for (var h = 0; h < forecast.Length; h++) forecast[h] += f[h] / _members.Length;
            // A period without a fitted value in any member has none in the combination.
            for (var t = 0; t < fitted.Length; t++) fitted[t] += fit[t] / _members.Length;
        }
    }
}

/// <summary>
/// The median of another method's predictive distribution (<see cref="CountDistribution"/> with the
/// in-sample dispersion) as point forecast: the forecast that minimises expected absolute error, which is
/// what MASE scores. For intermittent demand it is often zero, so it suits accuracy reporting and
/// absolute-error selection, not replenishment (which uses the mean and variance).
/// </summary>
public sealed class MedianForecastMethod : IForecastMethod
{
    private readonly IForecastMethod _inner;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public MedianForecastMethod(IForecastMethod inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <inheritdoc />
    public string Name => _inner.Name + "-median";

    /// <inheritdoc />
    public void FitForecast(ReadOnlySpan<double> history, int seasonLength, Span<double> forecast, Span<double> fitted)
    {
        _inner.FitForecast(history, seasonLength, forecast, fitted);
        var dispersion = Dispersion.FromFitted(history, fitted);
        for (var h = 0; h < forecast.Length; h++) forecast[h] = CountDistribution.Quantile(forecast[h], dispersion * forecast[h], 0.5);
        for (var t = 0; t < fitted.Length; t++)
        {
            if (!double.IsNaN(fitted[t])) fitted[t] = CountDistribution.Quantile(fitted[t], dispersion * fitted[t], 0.5);
        }
    }
}
