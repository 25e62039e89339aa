using Microchain.Planning.Forecasting;

namespace Microchain.Server.Forecasting;

/// <summary>One history to forecast: demand per period, oldest first.</summary>
public sealed record ForecastSeriesInput(string Id, IReadOnlyList<double> History, int SeasonLength = 7, string Method = "Auto");

/// <summary>A forecasting request: series (e.g. node × SKU), horizon, quantile levels, and whether to sum them.</summary>
public sealed record ForecastRequest(IReadOnlyList<ForecastSeriesInput> Series, int Horizon = 7, IReadOnlyList<double>? Quantiles = null, bool Aggregate = false);

public sealed record ForecastSeriesOutput(string Id, string Method, IReadOnlyList<double> Mean, IReadOnlyDictionary<string, IReadOnlyList<double>> Quantiles);

public sealed record ForecastResponse(IReadOnlyList<ForecastSeriesOutput> Series, ForecastSeriesOutput? Aggregate);

/// <summary>The forecasting nanoservice: method per series (automatic selection by default), means and quantiles.</summary>
public static class ForecastService
{
    public const int MaxSeries = 5_000, MaxHorizon = 366, MaxQuantiles = 9;

    public static ForecastResponse Run(ForecastRequest request, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (request.Series is null || request.Series.Count is < 1 or > MaxSeries) throw new ArgumentException($"series: between 1 and {MaxSeries} are needed");
        if (request.Horizon is < 1 or > MaxHorizon) throw new ArgumentException($"horizon must be within 1..{MaxHorizon}");
        var levels = request.Quantiles ?? [0.5, 0.9, 0.95];
        if (levels.Count > MaxQuantiles || levels.Any(q => !(q > 0 && q < 1))) throw new ArgumentException($"quantiles: at most {MaxQuantiles} levels, each in (0, 1)");
        var outputs = new List<ForecastSeriesOutput>(request.Series.Count);
        var forecasts = new List<Forecast>(request.Series.Count);
        for (var i = 0; i < request.Series.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var input = request.Series[i];
            var path = $"series[{i}]";
            if (string.IsNullOrWhiteSpace(input.Id) || input.Id.Length > 200) throw new ArgumentException($"{path}.id must be 1..200 characters");
            if (input.History is null || input.History.Count < 2) throw new ArgumentException($"{path}.history needs at least 2 periods");
            DemandSeries series;
            IForecastMethod method;
            try
            {
                series = new DemandSeries(input.History, input.SeasonLength);
                method = ForecastMethods.ByName(input.Method ?? "Auto");
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"{path}: {ex.Message}");
            }
            if (method is AutoForecastMethod auto) method = auto.Select(series.Values, series.SeasonLength).Chosen;
            var forecast = method.Forecast(series, request.Horizon);
            forecasts.Add(forecast);
            outputs.Add(Output(input.Id, forecast, levels));
            progress?.Report(i + 1);
        }
        var aggregate = request.Aggregate ? Output("aggregate", ForecastAggregation.Sum(forecasts), levels) : null;
        return new ForecastResponse(outputs, aggregate);
    }

    private static ForecastSeriesOutput Output(string id, Forecast forecast, IReadOnlyList<double> levels) =>
        new(id, forecast.Method, forecast.Mean.Select(Round).ToArray(),
            levels.ToDictionary(q => q.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
                q => (IReadOnlyList<double>)Enumerable.Range(0, forecast.Horizon).Select(t => Round(forecast.Quantile(t, q))).ToArray()));

    private static double Round(double value) => Math.Round(value, 4);
}
