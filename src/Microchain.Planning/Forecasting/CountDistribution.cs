namespace Microchain.Planning.Forecasting;

/// <summary>
/// Quantiles of demand counts from a mean and a variance: negative binomial when the variance exceeds the
/// mean (over-dispersed, the usual case for intermittent demand), Poisson otherwise. Above
/// <see cref="NormalAboveMean"/> a normal approximation is used instead of summing the probability mass,
/// which keeps the cost bounded and avoids underflow of the first term.
/// </summary>
public static class CountDistribution
{
    /// <summary>Means above this use the normal approximation.</summary>
    public const double NormalAboveMean = 200;

    /// <summary>
    /// The smallest whole stock S whose expected shortage E[(X − S)+] is at most <paramref name="allowedShortage"/>
    /// (the fill-rate counterpart of a quantile). Uses the normal loss function above <see cref="NormalAboveMean"/>.
    /// </summary>
    public static double StockForShortage(double mean, double variance, double allowedShortage)
    {
        if (!(mean > 0) || allowedShortage >= mean) return 0;
        variance = Math.Max(variance, mean);
        var sd = Math.Sqrt(variance);
        if (mean > NormalAboveMean)
        {
            double lo = -6, hi = 6;
            for (var i = 0; i < 60; i++)
            {
                var mid = (lo + hi) / 2;
                if (sd * Normal.Loss(mid) > allowedShortage) lo = mid;
                else hi = mid;
            }
            return Math.Max(0, Math.Ceiling(mean + hi * sd));
        }
        var overdispersed = variance > mean * (1 + 1e-9);
        var successP = overdispersed ? mean / variance : 0;
        var size = overdispersed ? mean * mean / (variance - mean) : 0;
        var pmf = overdispersed ? Math.Exp(size * Math.Log(successP)) : Math.Exp(-mean);
        var cdf = pmf;
        // E[(X − S)+] = mean − Σ_{k<S} P(X > k): each extra unit of stock removes P(X > S) of shortage.
        var shortage = mean;
        var limit = (int)Math.Ceiling(mean + 40 * sd + 50);
        for (var stock = 0; stock < limit; stock++)
        {
            if (shortage <= allowedShortage) return stock;
            shortage -= Math.Max(0, 1 - cdf);
            pmf *= overdispersed ? (stock + size) / (stock + 1) * (1 - successP) : mean / (stock + 1);
            cdf += pmf;
        }
        return limit;
    }

    /// <summary>The smallest count k with P(X ≤ k) ≥ <paramref name="level"/>.</summary>
    public static double Quantile(double mean, double variance, double level)
    {
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), "level must be in (0, 1)");
        if (!(mean > 0)) return 0;
        variance = Math.Max(variance, mean);
        if (mean > NormalAboveMean)
            return Math.Max(0, Math.Ceiling(mean + Normal.InverseCdf(level) * Math.Sqrt(variance) - 0.5));

        var overdispersed = variance > mean * (1 + 1e-9);
        double pmf, successP = 0, size = 0;
        if (overdispersed)
        {
            successP = mean / variance;
            size = mean * mean / (variance - mean);
            pmf = Math.Exp(size * Math.Log(successP));
        }
        else
        {
            pmf = Math.Exp(-mean);
        }
        var cdf = pmf;
        // Bounded walk: far beyond any sensible quantile the normal tail is used instead.
        var limit = (int)Math.Ceiling(mean + 40 * Math.Sqrt(variance) + 50);
        for (var k = 0; k < limit; k++)
        {
            if (cdf >= level) return k;
            pmf *= overdispersed ? (k + size) / (k + 1) * (1 - successP) : mean / (k + 1);
            cdf += pmf;
        }
        return limit;
    }
}
