namespace Microchain.Planning.Forecasting;

/// <summary>
/// A forecast for the next periods: a mean and a variance per period, with quantiles from
/// <see cref="CountDistribution"/> (negative binomial / Poisson). Periods are treated as independent, so the
/// demand over several periods (e.g. a lead time) has the summed mean and summed variance.
/// </summary>
public sealed class Forecast
{
    private readonly double[] _mean;
    private readonly double[] _variance;

    /// <summary>Creates a forecast from per-period means and variances (same length, finite, ≥ 0).</summary>
    public Forecast(string method, IReadOnlyList<double> mean, IReadOnlyList<double> variance)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(variance);
        if (mean.Count != variance.Count) throw new ArgumentException("mean and variance lengths differ", nameof(variance));
        _mean = [.. mean];
        _variance = [.. variance];
        for (var i = 0; i < _mean.Length; i++)
        {
            if (!(double.IsFinite(_mean[i]) && _mean[i] >= 0 && double.IsFinite(_variance[i]) && _variance[i] >= 0))
                throw new ArgumentOutOfRangeException(nameof(mean), "means and variances must be finite and non-negative");
        }
        Method = method;
    }

    /// <summary>Builds the variance of each period as <paramref name="dispersion"/> × mean.</summary>
    public static Forecast FromDispersion(string method, IReadOnlyList<double> mean, double dispersion)
    {
        ArgumentNullException.ThrowIfNull(mean);
        return new Forecast(method, mean, mean.Select(m => Math.Max(1, dispersion) * m).ToArray());
    }

    /// <summary>The method (or aggregation) that produced this forecast.</summary>
    public string Method { get; }

    /// <summary>Number of periods forecast.</summary>
    public int Horizon => _mean.Length;

    /// <summary>Point forecast (mean demand) of each period.</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>Predictive variance of each period.</summary>
    public IReadOnlyList<double> Variance => _variance;

    /// <summary>Predictive standard deviation of period <paramref name="step"/> (0-based).</summary>
    public double StdDev(int step) => Math.Sqrt(_variance[step]);

    /// <summary>The <paramref name="level"/> quantile of period <paramref name="step"/> (0-based).</summary>
    public double Quantile(int step, double level) => CountDistribution.Quantile(_mean[step], _variance[step], level);

    /// <summary>Central interval holding <paramref name="coverage"/> of the predictive mass of one period.</summary>
    public (double Lower, double Upper) Interval(int step, double coverage)
    {
        if (!(coverage > 0 && coverage < 1)) throw new ArgumentOutOfRangeException(nameof(coverage));
        var tail = (1 - coverage) / 2;
        return (Quantile(step, tail), Quantile(step, 1 - tail));
    }

    /// <summary>Mean total demand over periods <paramref name="first"/> .. <paramref name="first"/> + <paramref name="periods"/> − 1.</summary>
    public double TotalMean(int periods, int first = 0) => Sum(_mean, first, periods);

    /// <summary>Variance of total demand over the same periods (independent periods).</summary>
    public double TotalVariance(int periods, int first = 0) => Sum(_variance, first, periods);

    /// <summary>The <paramref name="level"/> quantile of total demand over the first <paramref name="periods"/> periods.</summary>
    public double TotalQuantile(int periods, double level) =>
        CountDistribution.Quantile(TotalMean(periods), TotalVariance(periods), level);

    /// <summary>
    /// Mean and standard deviation per period over a window (e.g. the protection period of a replenishment
    /// order): the inputs <c>DemandMeanPerDay</c> and <c>DemandSdPerDay</c> of a replenishment line.
    /// </summary>
    public (double MeanPerPeriod, double SdPerPeriod) PerPeriod(int periods, int first = 0) =>
        (TotalMean(periods, first) / periods, Math.Sqrt(TotalVariance(periods, first) / periods));

    private static double Sum(double[] values, int first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        double s = 0;
        foreach (var v in values.AsSpan(first, count)) s += v;
        return s;
    }
}
