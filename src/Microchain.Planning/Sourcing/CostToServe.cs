using Microchain.Domain.Orders;

namespace Microchain.Planning.Sourcing;

/// <summary>Prices an allocation with the cost-to-serve model shared by every strategy and the batch re-optimiser.</summary>
public static class CostToServe
{
    /// <summary>
    /// Cost of serving <paramref name="allocations"/>: pick cost, one last-mile leg per node used (distance ×
    /// cents/km + cents/stop), split penalty per extra node, load penalty and stock-balancing penalty.
    /// </summary>
    /// <param name="allocations">Node × SKU × quantity; every node must be a candidate of <paramref name="context"/>.</param>
    /// <param name="request">The order (its segment selects the weights; its address the distances).</param>
    /// <param name="context">Candidates, travel model and weights.</param>
    public static CostBreakdown Price(IReadOnlyList<Allocation> allocations, SourcingRequest request, SourcingContext context)
    {
        ArgumentNullException.ThrowIfNull(allocations);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var byId = new Dictionary<string, NodeCandidate>(StringComparer.Ordinal);
        foreach (var c in context.Candidates) byId.TryAdd(c.NodeId, c);
        var weights = context.Settings.For(request.SegmentId);
        long pick = 0, lastMile = 0, load = 0, balance = 0;
        var nodes = 0;
        foreach (var group in allocations.GroupBy(a => a.NodeId, StringComparer.Ordinal))
        {
            if (!byId.TryGetValue(group.Key, out var node))
                throw new ArgumentException($"node {group.Key} is not a candidate", nameof(allocations));
            nodes++;
            var units = 0;
            foreach (var a in group)
            {
                units = checked(units + a.Quantity);
                balance = checked(balance + BalancePenalty(node, a.SkuId, a.Quantity, weights));
            }
            pick = checked(pick + units * node.PickCostCentsPerUnit);
            var meters = context.Travel.Travel(node.Location, request.DeliverTo, Domain.Geo.VehicleKind.Van).DistanceMeters;
            lastMile = checked(lastMile + LastMile(meters, weights));
            load = checked(load + LoadPenalty(node, units, weights));
        }
        var split = Math.Max(0, nodes - 1) * weights.SplitPenaltyCents;
        return new CostBreakdown(pick, lastMile, split, load, balance);
    }

    /// <summary>One delivery leg of <paramref name="meters"/>.</summary>
    public static long LastMile(double meters, CostToServeWeights weights) =>
        checked(Cents(meters / 1000 * weights.LastMileCentsPerKm) + weights.LastMileCentsPerStop);

    /// <summary>Penalty for adding <paramref name="units"/> to the node's pick queue; rises with utilisation squared.</summary>
    public static long LoadPenalty(NodeCandidate node, int units, CostToServeWeights weights)
    {
        if (units <= 0 || weights.LoadPenaltyCentsPerUnit == 0) return 0;
        if (node.PickCapacityPerHour <= 0) return checked(units * weights.LoadPenaltyCentsPerUnit * 16);
        var utilisation = Math.Min(CostToServeWeights.MaxUtilisation, (double)(Math.Max(0, node.QueuedUnits) + units) / node.PickCapacityPerHour);
        return Cents(units * weights.LoadPenaltyCentsPerUnit * utilisation * utilisation);
    }

    /// <summary>
    /// Penalty for the units of a take that eat into the stock the days-of-cover target protects. Daily demand is
    /// derived as ATP / days of cover; the protected stock is target days × daily demand.
    /// </summary>
    public static long BalancePenalty(NodeCandidate node, string skuId, int quantity, CostToServeWeights weights)
    {
        if (quantity <= 0 || node.DaysOfCover is null || !node.DaysOfCover.TryGetValue(skuId, out var days) || !(days > 0)) return 0;
        var atp = node.AtpOf(skuId);
        if (atp <= 0) return 0;
        var protectedUnits = weights.TargetDaysOfCover * atp / days;
        var below = Math.Min(quantity, protectedUnits - (atp - quantity));
        return below <= 0 ? 0 : Cents(below * weights.StockBalancePenaltyCentsPerUnit);
    }

    private static long Cents(double value) => checked((long)Math.Round(value, MidpointRounding.AwayFromZero));
}
