using Microchain.Planning.Forecasting;
using Microchain.Planning.Replenishment;

namespace Microchain.Bench.Inventory;

/// <summary>Settings of one replay.</summary>
internal sealed record ReplaySettings(int LeadTimeDays, int ReviewPeriodDays, int PackSizeUnits, DemandModel DemandModel);

/// <summary>Totals of a replay over one or more series.</summary>
internal sealed class ReplayTotals
{
    public double DemandUnits { get; private set; }
    public double ServedUnits { get; private set; }
    public double OnHandUnitDays { get; private set; }
    public int Days { get; private set; }
    public int Orders { get; private set; }

    public double FillRate => DemandUnits > 0 ? ServedUnits / DemandUnits : 1;

    /// <summary>Average stock divided by average daily demand (pooled over series).</summary>
    public double DaysOfCover => DemandUnits > 0 ? OnHandUnitDays / DemandUnits : 0;

    public void Add(double demand, double served, double onHand, bool ordered)
    {
        DemandUnits += demand;
        ServedUnits += served;
        OnHandUnitDays += onHand;
        Days++;
        if (ordered) Orders++;
    }
}

/// <summary>
/// Replays daily demand of one node × SKU through the nightly replenishment policy with lost sales: each
/// day receives due transfers, serves demand from stock, then runs <see cref="ReplenishmentPlanner"/>
/// with the current forecast; a proposal arrives after the lead time.
/// </summary>
internal static class ServiceReplay
{
    /// <summary>Replays days <paramref name="start"/>.. of <paramref name="daily"/>; <paramref name="forecasts"/>[i] is the per-day mean and sd known on the night of day start + i.</summary>
    public static void Run(double[] daily, int start, (double Mean, double Sd)[] forecasts, ServiceTarget target, ReplaySettings settings, ReplayTotals totals)
    {
        var end = Math.Min(daily.Length, start + forecasts.Length);
        var arrivals = new int[end + settings.LeadTimeDays + 2];
        var (firstMean, _) = forecasts[0];
        // Start with the order-up-to level of the first forecast, as a node that has been running would.
        var onHand = (int)Math.Ceiling(firstMean * (settings.LeadTimeDays + settings.ReviewPeriodDays));
        var onOrder = 0;
        for (var d = start; d < end; d++)
        {
            onHand += arrivals[d];
            onOrder -= arrivals[d];
            var served = Math.Min(onHand, daily[d]);
            onHand -= (int)served;
            var (mean, sd) = forecasts[d - start];
            var ordered = false;
            if ((d - start) % settings.ReviewPeriodDays == 0)
            {
                var item = new ReplenishmentItem
                {
                    NodeId = "M1",
                    Sku = "part",
                    OnHandUnits = onHand,
                    OnOrderUnits = onOrder,
                    DemandMeanPerDay = mean,
                    DemandSdPerDay = sd,
                    LeadTimeDays = settings.LeadTimeDays,
                    ReviewPeriodDays = settings.ReviewPeriodDays,
                    Service = target,
                    PackSizeUnits = settings.PackSizeUnits,
                    DemandModel = settings.DemandModel,
                };
                var plan = ReplenishmentPlanner.Plan(new ReplenishmentRequest { SourceNodeId = "DC", Items = [item] });
                if (plan.Orders.Count > 0)
                {
                    var quantity = plan.Orders[0].QuantityUnits;
                    // Placed after day d's sales, usable from the start of day d + L + 1: L full days of demand pass first.
                    arrivals[d + settings.LeadTimeDays + 1] += quantity;
                    onOrder += quantity;
                    ordered = true;
                }
            }
            totals.Add(daily[d], served, onHand, ordered);
        }
    }
}
