namespace Microchain.Planning.Replenishment;

/// <summary>Cost and service of one purchase plan.</summary>
/// <param name="CostCents">Sum of the proposals' cost.</param>
/// <param name="Units">Units ordered.</param>
/// <param name="SkusNeeding">SKUs below their reorder point (ordered or not placeable).</param>
/// <param name="SkusOnTime">SKUs whose first order arrives by the day their stock runs out.</param>
/// <param name="SkusUnplaced">SKUs with need that no usable supplier takes in full.</param>
/// <param name="LateDays">Days late summed over the SKUs whose first order arrives after they run out.</param>
public sealed record PurchaseSummary(long CostCents, int Units, int SkusNeeding, int SkusOnTime, int SkusUnplaced, int LateDays)
{
    /// <summary>Share of SKUs needing stock that get it on time (1 when none needs any).</summary>
    public double OnTimeShare => SkusNeeding == 0 ? 1 : (double)SkusOnTime / SkusNeeding;
}

/// <summary>One SKU whose supplier changed because of the disruption.</summary>
public sealed record SupplierSwitch(string DcNodeId, string Sku, string From, string To, long CostDeltaCents, int DelayDays);

/// <summary>What marking suppliers unavailable did to the purchase plan, against the plan without that, in the same run.</summary>
/// <param name="DisruptedSuppliers">Suppliers marked unavailable for the run.</param>
/// <param name="Before">The plan with them available.</param>
/// <param name="After">The plan without them.</param>
/// <param name="Switches">SKUs moved to another supplier (or to none: <c>To</c> is "none").</param>
public sealed record SupplierSwitchImpact(IReadOnlyList<string> DisruptedSuppliers, PurchaseSummary Before, PurchaseSummary After, IReadOnlyList<SupplierSwitch> Switches)
{
    /// <summary>Extra cost of the disrupted plan.</summary>
    public long CostDeltaCents => After.CostCents - Before.CostCents;

    /// <summary>One line for people: cost and on-time share before and after.</summary>
    public string Summary() => FormattableString.Invariant(
        $"disrupted {string.Join(", ", DisruptedSuppliers)}: purchase cost {Before.CostCents / 100.0:N2} → {After.CostCents / 100.0:N2} ({(CostDeltaCents >= 0 ? "+" : "")}{CostDeltaCents / 100.0:N2}); SKUs on time {Before.SkusOnTime}/{Before.SkusNeeding} → {After.SkusOnTime}/{After.SkusNeeding} ({Before.OnTimeShare:P1} → {After.OnTimeShare:P1}); unplaced {Before.SkusUnplaced} → {After.SkusUnplaced}; {Switches.Count} SKUs switched supplier");

    internal static PurchaseSummary Summarize(PurchasePlan plan, IReadOnlyDictionary<(string Dc, string Sku), DateOnly> needDates)
    {
        var first = plan.Orders.GroupBy(o => (o.DcNodeId, o.Sku)).ToDictionary(g => g.Key, g => g.Min(o => o.ArrivalDate));
        var unplaced = plan.Unplaced.Count;
        int onTime = 0, lateDays = 0;
        foreach (var (key, arrival) in first)
        {
            var need = needDates.TryGetValue(key, out var n) ? n : DateOnly.MaxValue;
            if (arrival <= need) onTime++;
            else lateDays += arrival.DayNumber - need.DayNumber;
        }
        var needing = first.Count + plan.Unplaced.Count(u => !first.Keys.Any(k => u.StartsWith(k.Sku + ":", StringComparison.Ordinal)));
        return new PurchaseSummary(plan.Orders.Sum(o => o.CostCents), plan.Orders.Sum(o => o.QuantityUnits), needing, onTime, unplaced, lateDays);
    }

    internal static IReadOnlyList<SupplierSwitch> Compare(PurchasePlan before, PurchasePlan after)
    {
        static Dictionary<(string, string), (string Supplier, long Cost, DateOnly Arrival)> Main(PurchasePlan p) =>
            p.Orders.GroupBy(o => (o.DcNodeId, o.Sku)).ToDictionary(g => g.Key, g => (g.First().SupplierId, g.Sum(o => o.CostCents), g.Min(o => o.ArrivalDate)));
        var a = Main(before);
        var b = Main(after);
        var switches = new List<SupplierSwitch>();
        foreach (var (key, was) in a)
        {
            if (b.TryGetValue(key, out var now))
            {
                if (now.Supplier != was.Supplier)
                    switches.Add(new SupplierSwitch(key.Item1, key.Item2, was.Supplier, now.Supplier, now.Cost - was.Cost, now.Arrival.DayNumber - was.Arrival.DayNumber));
            }
            else switches.Add(new SupplierSwitch(key.Item1, key.Item2, was.Supplier, "none", -was.Cost, 0));
        }
        return switches;
    }
}
