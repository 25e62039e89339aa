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
