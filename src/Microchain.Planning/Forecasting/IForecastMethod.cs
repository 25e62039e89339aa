namespace Microchain.Planning.Forecasting;

/// <summary>
/// A point-forecast method. Implementations are pure and deterministic; parameters are fitted on the
/// history passed in each call, so one instance serves any number of series (and threads).
/// </summary>
public interface IForecastMethod
{
    /// <summary>Short stable name (e.g. <c>SBA</c>), used in reports and selection results.</summary>
    string Name { get; }

    /// <summary>
    /// Fits on <paramref name="history"/> and writes <c>forecast.Length</c> point forecasts (per period, ≥ 0).
    /// <paramref name="fitted"/> (same length as the history) receives the one-step-ahead in-sample forecast
    /// of each period, or NaN where the method has none yet (e.g. before the first demand for Croston).
    /// </summary>
    void FitForecast(ReadOnlySpan<double> history, int seasonLength, Span<double> forecast, Span<double> fitted);
}

/// <summary>Convenience calls over <see cref="IForecastMethod"/>.</summary>
public static class ForecastMethodExtensions
{
    /// <summary>
    /// Point forecasts and a predictive distribution for the next <paramref name="horizon"/> periods. For
    /// <see cref="AutoForecastMethod"/> the forecast is named <c>Auto:CHOSEN</c>.
    /// </summary>
    public static Forecast Forecast(this IForecastMethod method, DemandSeries series, int horizon)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(horizon, DemandSeries.MaxLength);
        var name = method.Name;
        if (method is AutoForecastMethod auto)
        {
            method = auto.Select(series.Values, series.SeasonLength).Chosen;
            name = $"{name}:{method.Name}";
        }
        var mean = new double[horizon];
        var fitted = new double[series.Length];
        method.FitForecast(series.Values, series.SeasonLength, mean, fitted);
        var dispersion = Dispersion.FromFitted(series.Values, fitted);
        return Forecasting.Forecast.FromDispersion(name, mean, dispersion);
    }

    /// <summary>Point forecasts only (no allocation for the distribution).</summary>
    public static double[] PointForecast(this IForecastMethod method, ReadOnlySpan<double> history, int seasonLength, int horizon)
    {
        ArgumentNullException.ThrowIfNull(method);
        var mean = new double[horizon];
        method.FitForecast(history, seasonLength, mean, new double[history.Length]);
        return mean;
    }
}
