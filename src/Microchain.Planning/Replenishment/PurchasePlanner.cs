using Microchain.Domain.Supply;
using System.Globalization;

namespace Microchain.Planning.Replenishment;

/// <summary>
/// Proposes purchase orders for the DC. The need date is the day the current position (on hand + on order)
/// is projected to run out at mean demand. Usable contracts are those for the SKU that are active on the
/// order date and not disrupted; a usable supplier meets the need date when today + its lead time ≤ the need
/// date. The cheapest supplier meeting it (ties: shorter lead time, then id) sets the (s, S) levels with its
/// lead time; if none meets it, the fastest usable one is used and the reason says it is late. A quantity
/// above a supplier's capacity spills to the next supplier in the same order.
/// </summary>
public static class PurchasePlanner
{
    /// <summary>
    /// Plans purchase orders placed on <paramref name="today"/> from the network's supplier contracts; contracts of
    /// <paramref name="disruptedSuppliers"/> (suppliers marked unavailable) are skipped, and the reason says so.
    /// A contract's weekly capacity caps one order (orders are placed at most once per review, a week or less).
    /// </summary>
    public static PurchasePlan Plan(DateOnly today, IReadOnlyList<DcItem> items, IReadOnlyList<SupplierContract> contracts,
        IReadOnlySet<string>? disruptedSuppliers = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(contracts);
        foreach (var item in items) AsNodeItem(item, 0).Validate();
        foreach (var k in contracts) k.Validate();
        var disrupted = disruptedSuppliers ?? new HashSet<string>();
        bool Usable(SupplierContract k) => k.IsActiveOn(today) && !disrupted.Contains(k.SupplierId);
        var c = CultureInfo.InvariantCulture;
        var orders = new List<PurchaseOrderProposal>();
        var unplaced = new List<string>();
        foreach (var item in items)
        {
            var forSku = contracts.Where(k => k.SkuId == item.Sku).ToList();
            var usable = forSku.Where(Usable).ToList();
            var position = item.OnHandUnits + item.OnOrderUnits;
            var mean = item.DemandMeanPerDay;
            var coverDays = mean > 0 ? position / mean : double.PositiveInfinity;
            var needDate = mean > 0 ? today.AddDays((int)Math.Min(3650, Math.Floor(coverDays))) : DateOnly.MaxValue;
            var skipped = forSku.Where(k => !Usable(k)).Select(k => $"{k.SupplierId} {(disrupted.Contains(k.SupplierId) ? "disrupted" : "outside contract dates")}").ToList();
            var skippedText = skipped.Count > 0 ? $"; not used: {string.Join(", ", skipped)}" : "";
            if (usable.Count == 0)
            {
                var levels0 = ReplenishmentLevels.For(AsNodeItem(item, 0));
                if (position < levels0.ReorderPointUnits)
                    unplaced.Add(string.Create(c, $"{item.Sku}: position {position} below reorder point {levels0.ReorderPointUnits:F1} but no usable supplier{skippedText}"));
                continue;
            }
            var meeting = usable.Where(k => today.AddDays(k.LeadTimeDays) <= needDate)
                .OrderBy(k => k.UnitCostCents).ThenBy(k => k.LeadTimeDays).ThenBy(k => k.SupplierId, StringComparer.Ordinal).ToList();
            var late = meeting.Count == 0;
            var ranked = late
                ? [.. usable.OrderBy(k => k.LeadTimeDays).ThenBy(k => k.UnitCostCents).ThenBy(k => k.SupplierId, StringComparer.Ordinal)]
                : meeting;
            var lead = ranked[0];
            var levels = ReplenishmentLevels.For(AsNodeItem(item, lead.LeadTimeDays));
            if (!(position < levels.ReorderPointUnits)) continue;

            var remaining = (int)Math.Ceiling(levels.OrderUpToUnits - position - 1e-9);
            var why = string.Create(c, $"DC position {position} ({coverDays:F1} d cover) < reorder point {levels.ReorderPointUnits:F1} (lead {lead.LeadTimeDays} d + review {item.ReviewPeriodDays} d, safety stock {levels.SafetyStockUnits:F1}); need by {needDate:yyyy-MM-dd}");
            why += late
                ? $"; no supplier arrives by then, fastest used"
                : $"; cheapest supplier arriving by then";
            foreach (var k in ranked)
            {
                if (remaining <= 0) break;
                var quantity = ReplenishmentPlanner.RoundToPack(remaining, k.PackSizeUnits, k.MinimumOrderUnits);
                var capped = quantity > k.CapacityUnitsPerWeek;
                if (capped) quantity = k.CapacityUnitsPerWeek / k.PackSizeUnits * k.PackSizeUnits;
                if (quantity <= 0 || quantity < k.MinimumOrderUnits) continue;
                var arrival = today.AddDays(k.LeadTimeDays);
                var reason = string.Create(c, $"{why}: {k.SupplierId} at {k.UnitCostCents} c/unit, arrives {arrival:yyyy-MM-dd}{(late ? string.Create(c, $" ({arrival.DayNumber - needDate.DayNumber} d late)") : "")}; up to {levels.OrderUpToUnits:F1} → {quantity}{(capped ? $" (capped at capacity {k.CapacityUnitsPerWeek})" : "")}{skippedText}");
                orders.Add(new PurchaseOrderProposal(k.SupplierId, item.DcNodeId, item.Sku, quantity, arrival, checked(quantity * k.UnitCostCents), reason));
                remaining -= quantity;
            }
            if (remaining > 0) unplaced.Add($"{item.Sku}: {remaining} units beyond the capacity of usable suppliers{skippedText}");
        }
        return new PurchasePlan(orders, unplaced);
    }

    private static ReplenishmentItem AsNodeItem(DcItem item, int leadTimeDays) => new()
    {
        NodeId = item.DcNodeId,
        Sku = item.Sku,
        OnHandUnits = item.OnHandUnits,
        OnOrderUnits = item.OnOrderUnits,
        DemandMeanPerDay = item.DemandMeanPerDay,
        DemandSdPerDay = item.DemandSdPerDay,
        LeadTimeDays = leadTimeDays,
        ReviewPeriodDays = item.ReviewPeriodDays,
        Service = item.Service,
        TargetCoverDays = item.TargetCoverDays,
    };
}
