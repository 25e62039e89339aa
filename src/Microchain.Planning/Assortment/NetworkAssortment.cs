using Microchain.Domain.Geo;
using Microchain.Domain.Network;
using Microchain.Domain.Validation;

namespace Microchain.Planning.Assortment;

/// <summary>How a network's data becomes assortment candidates.</summary>
/// <param name="UnitsPerDrop">Units one extra delivery from another node carries on average: spreads its stop, split and distance cost over units.</param>
/// <param name="DefaultMarginShare">Share of a SKU's value taken as margin when no supplier contract gives its unit cost.</param>
public sealed record NetworkAssortmentOptions(double UnitsPerDrop = 3, double DefaultMarginShare = 0.3)
{
    public static NetworkAssortmentOptions Default { get; } = new();

    public void Check()
    {
        if (!double.IsFinite(UnitsPerDrop) || UnitsPerDrop < 1) throw new ArgumentException("units per drop must be at least 1");
        if (!double.IsFinite(DefaultMarginShare) || DefaultMarginShare is < 0 or > 1) throw new ArgumentException("default margin share must be within 0..1");
    }
}

/// <summary>
/// Builds each small node's assortment request from the network: space from its storage capacity, margin from
/// the SKU's value less its cheapest contract's unit cost, pack size from the SKU's contracts, and the fallback
/// for demand it does not stock: the nearest other open fulfilment node that stocks the SKU now (a node without
/// an assortment stocks everything), at the extra stop, split and road cost of the sourcing policy, per unit.
/// Nodes are planned against the others' current assortments, one pass (no iteration between nodes).
/// </summary>
public static class NetworkAssortment
{
    /// <summary>The nodes planned by default: open fulfilment nodes other than central DCs (those stock everything).</summary>
    public static IReadOnlyList<Node> SmallNodes(NetworkModel network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return ValidationContext.For(network).FulfilmentNodes.Where(n => n.Kind != NodeKind.CentralDc).ToArray();
    }

    /// <summary>
    /// The open fulfilment node nearest a delivery point: the node whose area the demand belongs to, whichever node
    /// the current assortment sent it to. Null when the network has no open fulfilment node.
    /// </summary>
    public static string? AreaOf(NetworkModel network, GeoPoint point)
    {
        ArgumentNullException.ThrowIfNull(network);
        return ValidationContext.For(network).FulfilmentNodes.MinBy(n => n.Location.HaversineMetersTo(point))?.Id;
    }

    /// <param name="dailyDemand">Units per day per node id, then SKU id, of the node's area.</param>
    /// <param name="current">Current assortment per node id; a node missing here has none (stocks everything it holds).</param>
    /// <param name="nodeIds">Nodes to plan; null = <see cref="SmallNodes"/>.</param>
    public static IReadOnlyList<NodeAssortmentRequest> Requests(
        NetworkModel network,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> dailyDemand,
        IReadOnlyDictionary<string, IReadOnlySet<string>> current,
        IReadOnlyList<string>? nodeIds,
        NetworkAssortmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(dailyDemand);
        ArgumentNullException.ThrowIfNull(current);
        options ??= NetworkAssortmentOptions.Default;
        options.Check();
        var context = ValidationContext.For(network);
        var fulfilment = context.FulfilmentNodes;
        var nodes = nodeIds is null ? SmallNodes(network)
            : nodeIds.Select(id => fulfilment.FirstOrDefault(n => n.Id == id) ?? throw new ArgumentException($"node '{id}' is not an open fulfilment node")).ToArray();
        var weights = network.SourcingPolicy.Weights;
        var perUnit = (weights.LastMileCentsPerStop + weights.SplitPenaltyCents) / options.UnitsPerDrop;
        var perUnitKm = weights.LastMileCentsPerKm / options.UnitsPerDrop;
        var unitCost = network.Contracts.GroupBy(k => k.SkuId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(k => k.UnitCostCents), StringComparer.Ordinal);
        var pack = network.Contracts.GroupBy(k => k.SkuId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(k => k.PackSizeUnits), StringComparer.Ordinal);
        var skus = network.Skus.Where(s => s.Active && !s.IsModular).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var requests = new List<NodeAssortmentRequest>(nodes.Count);
        foreach (var node in nodes)
        {
            var demand = dailyDemand.GetValueOrDefault(node.Id) ?? new Dictionary<string, double>();
            var now = current.GetValueOrDefault(node.Id);
            var ids = demand.Where(p => p.Value > 0).Select(p => p.Key).Concat(now ?? Enumerable.Empty<string>())
                .Where(skus.ContainsKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            var others = fulfilment.Where(n => n.Id != node.Id)
                .Select(n => (Node: n, Km: node.Location.HaversineMetersTo(n.Location) * HaversineTravelModel.DefaultCircuityFactor / 1000))
                .OrderBy(o => o.Km).ThenBy(o => o.Node.Id, StringComparer.Ordinal).ToArray();
            var candidates = new List<AssortmentCandidate>();
            foreach (var id in ids)
            {
                var sku = skus[id];
                var margin = unitCost.TryGetValue(id, out var cost) ? sku.ValueCents - cost : (long)Math.Round(sku.ValueCents * options.DefaultMarginShare);
                var fallback = others.FirstOrDefault(o => o.Node.Kind == NodeKind.CentralDc || !current.TryGetValue(o.Node.Id, out var set) || set.Contains(id));
                long? extra = fallback.Node is null ? null : (long)Math.Round(perUnit + perUnitKm * fallback.Km);
                candidates.Add(new AssortmentCandidate(id, sku.Zone, demand.GetValueOrDefault(id), margin, extra, fallback.Node?.Id,
                    sku.VolumeMilliliters, pack.GetValueOrDefault(id, 1), sku.ShelfLifeDays));
            }
            if (candidates.Count > AssortmentSettings.MaxCandidatesPerNode)
                throw new ArgumentException($"node {node.Id}: more than {AssortmentSettings.MaxCandidatesPerNode} candidate SKUs");
            requests.Add(new NodeAssortmentRequest(node.Id, NodeSpace.Of(node.Storage), candidates, now));
        }
        return requests;
    }
}
