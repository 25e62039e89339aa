namespace Microchain.Planning.Forecasting;

/// <summary>Naive: every future period equals the last observed one.</summary>
public sealed class NaiveMethod : IForecastMethod
{
    /// <inheritdoc />
    public string Name => "Naive";

    /// <inheritdoc />
    public void FitForecast(ReadOnlySpan<double> history, int seasonLength, Span<double> forecast, Span<double> fitted)
    {
        fitted.Fill(double.NaN);
        for (var t = 1; t < history.Length; t++) fitted[t] = history[t - 1];
        forecast.Fill(history.Length == 0 ? 0 : history[^1]);
    }
}

/// <summary>Seasonal naive: each future period equals the same period one season earlier (naive when the history is shorter than a season).</summary>
public sealed class SeasonalNaiveMethod : IForecastMethod
{
    /// <inheritdoc />
    public string Name => "SNaive";

    /// <inheritdoc />
    public void FitForecast(ReadOnlySpan<double> history, int seasonLength, Span<double> forecast, Span<double> fitted)
    {
        var n = history.Length;
        if (n < seasonLength)
        {
            new NaiveMethod().FitForecast(history, seasonLength, forecast, fitted);
            return;
        }
        fitted.Fill(double.NaN);
        for (var t = seasonLength; t < n; t++) fitted[t] = history[t - seasonLength];
        for (var h = 0; h < forecast.Length; h++) forecast[h] = history[n - seasonLength + h % seasonLength];
    }
}

/// <summary>Historical mean: every future period equals the average of the whole history.</summary>
public sealed class MeanMethod : IForecastMethod
{
    /// <inheritdoc />
    public string Name => "Mean";

    /// <inheritdoc />
    public void FitForecast(ReadOnlySpan<double> history, int seasonLength, Span<double> forecast, Span<double> fitted)
    {
        fitted.Fill(double.NaN);
        double sum = 0;
        for (var t = 0; t < history.Length; t++)
        {
            if (t > 0) fitted[t] = sum / t;
            sum += history[t];
        }
        forecast.Fill(history.Length == 0 ? 0 : sum / history.Length);
    }
}
