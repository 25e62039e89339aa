namespace Microchain.Planning.Forecasting;

/// <summary>
/// Aggregation across nodes (e.g. all MFCs drawing one SKU from the DC): means add, and variances add
/// (variance pooling under independence between nodes); quantiles of the aggregate then come from the
/// negative binomial with the pooled mean and variance. Independence understates the spread when nodes
/// share shocks (weather, promotions); pass a correlation to widen it.
/// </summary>
public static class ForecastAggregation
{
    /// <summary>Sums forecasts of equal horizon period by period.</summary>
    /// <param name="forecasts">One forecast per node.</param>
    /// <param name="correlation">Assumed common pairwise correlation of node errors, in [0, 1].</param>
    public static Forecast Sum(IReadOnlyList<Forecast> forecasts, double correlation = 0)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        if (forecasts.Count == 0) throw new ArgumentException("nothing to aggregate", nameof(forecasts));
        if (!(correlation is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(correlation));
        var horizon = forecasts[0].Horizon;
        if (forecasts.Any(f => f.Horizon != horizon)) throw new ArgumentException("horizons differ", nameof(forecasts));
        var mean = new double[horizon];
        var variance = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            double sd = 0;
            foreach (var f in forecasts)
            {
                mean[h] += f.Mean[h];
                variance[h] += f.Variance[h];
                sd += f.StdDev(h);
            }
            // Var(Σ) = Σσ² + ρ Σ_{i≠j} σiσj = (1 − ρ) Σσ² + ρ (Σσ)².
            variance[h] = (1 - correlation) * variance[h] + correlation * sd * sd;
        }
        return new Forecast("Aggregate", mean, variance);
    }
}
