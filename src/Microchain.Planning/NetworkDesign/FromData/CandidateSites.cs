using Microchain.Domain.Geo;
using Microchain.Domain.Network;

namespace Microchain.Planning.NetworkDesign.FromData;

/// <summary>A place an MFC could be: an existing node, or a new site at a busy demand cell.</summary>
public sealed record CandidateSite(string Id, GeoPoint Location, bool Existing, bool CurrentlyOpen, double CapacityOrdersPerWeek, long OpeningCostCents);

public static class CandidateSites
{
    private static readonly NodeKind[] Kinds = [NodeKind.Mfc, NodeKind.DarkStore, NodeKind.Store];

    /// <summary>The network's MFCs, dark stores and stores that are not closed, then the busiest cells as new sites (costed like a typical MFC).</summary>
    public static IReadOnlyList<CandidateSite> From(NetworkModel network, IReadOnlyList<DemandPoint> points, DesignRequest request)
    {
        var nodes = network.Nodes.Where(n => Kinds.Contains(n.Kind) && n.Lifecycle != NodeLifecycle.Closed).ToArray();
        if (nodes.Length == 0 && request.ExtraCandidates == 0)
            throw new ArgumentException("the network has no MFC, dark store or store to design with; ask for extra candidates");
        var sites = nodes.Select(n => new CandidateSite(n.Id, n.Location, true, n.IsOpen, Capacity(n, request),
            Opening(n.Costs, n.IsOpen, request))).ToList();
        if (request.ExtraCandidates > 0)
        {
            var template = nodes.Where(n => n.Kind == NodeKind.Mfc).OrderBy(n => n.PickCapacityPerHour).ThenBy(n => n.Id, StringComparer.Ordinal).ToArray();
            var typical = template.Length > 0 ? template[template.Length / 2] : null;
            var capacity = typical is null ? 2_000 : Capacity(typical, request);
            var opening = typical is null ? 50_000L * 7 * request.HorizonWeeks : Opening(typical.Costs, false, request);
            var busiest = points.GroupBy(p => p.Id[..p.Id.LastIndexOf('_')], StringComparer.Ordinal)
                .Select(g => (Location: g.OrderByDescending(p => p.OrdersPerWeek).First().Location, Weight: g.Sum(p => p.OrdersPerWeek), Key: g.Key))
                .OrderByDescending(c => c.Weight).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Take(request.ExtraCandidates).ToArray();
            for (var i = 0; i < busiest.Length; i++)
                sites.Add(new CandidateSite($"NEW-{i + 1:D2}", busiest[i].Location, false, false, capacity, opening));
        }
        return sites;
    }

    /// <summary>Orders a week a node can pick: units per hour × open hours × 7 ÷ units per order.</summary>
    private static double Capacity(Node node, DesignRequest request)
    {
        var hours = node.Hours.Open == node.Hours.Close ? 24 : ((node.Hours.Close - node.Hours.Open).TotalHours + 24) % 24;
        return node.PickCapacityPerHour * hours * 7 / request.UnitsPerOrder;
    }

    private static long Opening(NodeCosts costs, bool open, DesignRequest request) =>
        checked((costs.FixedCostCentsPerDay * 7 * request.HorizonWeeks) + (open ? 0 : costs.OpeningCostCents));
}
