using Microchain.Domain.Geo;
using Microchain.Domain.Orders;
using Microchain.Planning.Sourcing;

namespace Microchain.Planning.Picking;

/// <summary>
/// Where to re-source the units a node was short of at pick time. Each short SKU goes whole to one node that can pick
/// and has the units available: nodes covering more of the short SKUs first (fewer new parts to pick), then the
/// nearest to the customer. SKUs no node covers are left out: the caller marks them short.
/// </summary>
public static class ShortfallSourcing
{
    public static IReadOnlyList<Allocation> Plan(IReadOnlyList<OrderLine> shortfall, IReadOnlyList<NodeCandidate> candidates, GeoPoint destination, IReadOnlySet<string> excludedNodeIds)
    {
        var eligible = candidates.Where(c => c.CanPick && !excludedNodeIds.Contains(c.NodeId))
            .Select(c => (Node: c, Covers: shortfall.Count(l => c.AtpOf(l.SkuId) >= l.Quantity), Meters: c.Location.HaversineMetersTo(destination)))
            .Where(x => x.Covers > 0)
            .OrderByDescending(x => x.Covers).ThenBy(x => x.Meters).ThenBy(x => x.Node.NodeId, StringComparer.Ordinal)
            .Select(x => x.Node).ToArray();
        var plan = new List<Allocation>();
        foreach (var line in shortfall)
            if (eligible.FirstOrDefault(c => c.AtpOf(line.SkuId) >= line.Quantity) is { } node)
                plan.Add(new Allocation(node.NodeId, line.SkuId, line.Quantity));
        return plan;
    }
}
