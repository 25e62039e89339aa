using Microchain.Planning.Forecasting;

namespace Microchain.Planning.Replenishment;

/// <summary>
/// The (s, S) levels of one node × SKU under periodic review. Demand over the protection period P = lead
/// time + review period has mean μP and standard deviation σ√P (independent days). Safety stock is k σ√P:
/// for a cycle-service target k = Φ⁻¹(level); for a fill-rate target k solves σ√P · G(k) = (1 − β) μR,
/// the expected shortage per review cycle against the demand of one cycle (G = standard normal loss).
/// k is kept ≥ 0 so safety stock is never negative. With <see cref="DemandModel.Count"/> the protection-period
/// demand is negative binomial instead (variance at least the mean) and s is the smallest whole stock meeting
/// the same quantile or expected-shortage condition; safety stock is then s − μP, again never negative.
/// </summary>
/// <param name="SafetyStockUnits">k σ √P.</param>
/// <param name="ReorderPointUnits">s = μP + safety stock: order when the inventory position is below it.</param>
/// <param name="OrderUpToUnits">S = safety stock + μ · max(P, target cover days).</param>
/// <param name="SafetyFactor">k.</param>
public readonly record struct ReplenishmentLevels(double SafetyStockUnits, double ReorderPointUnits, double OrderUpToUnits, double SafetyFactor)
{
    private const double MaxSafetyFactor = 6;

    /// <summary>Levels for a regular review of <paramref name="item"/>.</summary>
    public static ReplenishmentLevels For(ReplenishmentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var protectionDays = item.LeadTimeDays + item.ReviewPeriodDays;
        var sdProtection = item.DemandSdPerDay * Math.Sqrt(protectionDays);
        double k, safety;
        if (item.DemandModel == DemandModel.Count)
        {
            var mean = item.DemandMeanPerDay * protectionDays;
            var variance = sdProtection * sdProtection;
            var stock = item.Service.Measure == ServiceMeasure.CycleService
                ? CountDistribution.Quantile(mean, variance, item.Service.Level)
                : CountDistribution.StockForShortage(mean, variance, (1 - item.Service.Level) * item.DemandMeanPerDay * item.ReviewPeriodDays);
            safety = Math.Max(0, stock - mean);
            k = sdProtection > 0 ? safety / sdProtection : 0;
        }
        else
        {
            k = SafetyFactorFor(item.Service, sdProtection, item.DemandMeanPerDay * item.ReviewPeriodDays);
            safety = k * sdProtection;
        }
        var reorder = safety + item.DemandMeanPerDay * protectionDays;
        var orderUpTo = safety + item.DemandMeanPerDay * Math.Max(protectionDays, item.TargetCoverDays);
        return new ReplenishmentLevels(safety, reorder, orderUpTo, k);
    }

    /// <summary>Safety factor k for a target, given the protection-period sd and the demand of one review cycle.</summary>
    public static double SafetyFactorFor(ServiceTarget target, double sdProtection, double cycleDemand)
    {
        if (sdProtection <= 0) return 0;
        if (target.Measure == ServiceMeasure.CycleService) return Math.Clamp(Normal.InverseCdf(target.Level), 0, MaxSafetyFactor);
        // No expected demand: nothing to fill, so no safety stock for a fill-rate target.
        if (cycleDemand <= 0) return 0;
        var allowedLoss = (1 - target.Level) * cycleDemand / sdProtection;
        if (allowedLoss >= Normal.Loss(0)) return 0;
        double lo = 0, hi = MaxSafetyFactor;
        for (var i = 0; i < 60; i++)
        {
            var mid = (lo + hi) / 2;
            if (Normal.Loss(mid) > allowedLoss) lo = mid;
            else hi = mid;
        }
        return hi;
    }
}
