using Microchain.Domain.Network;

namespace Microchain.Planning.Replenishment;

/// <summary>
/// One service level per node from the levels of the segments it serves. A node's stock is one pile: a stock-out
/// hits every segment drawing on it at once, so under <see cref="SegmentServiceRule.Strictest"/> (the default) the
/// node holds what its most demanding segment with demand there needs, and every segment's target is met.
/// <see cref="SegmentServiceRule.DemandWeighted"/> takes the demand-weighted mean instead: less stock, and exact
/// for a fill-rate target (the node's fill rate is the demand-weighted mean of its segments'), but the strict
/// segment's own target is then missed. A node without segment demand uses the network's mix (customers ×
/// orders per week); a network without segments uses <see cref="FallbackLevel"/>.
/// </summary>
public static class SegmentServiceLevels
{
    /// <summary>Level used when nothing says otherwise.</summary>
    public const double FallbackLevel = 0.95;

    /// <summary>The level of every node that has segment demand, plus the network mix under the key "".</summary>
    public static IReadOnlyDictionary<string, double> ForNodes(NetworkModel network, IReadOnlyList<SegmentDemand> demand, SegmentServiceRule rule)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(demand);
        var levels = network.Segments.ToDictionary(s => s.Id, s => s.ServiceLevel, StringComparer.Ordinal);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var node in demand.Where(d => d.Units > 0 && levels.ContainsKey(d.SegmentId)).GroupBy(d => d.NodeId, StringComparer.Ordinal))
            result[node.Key] = Combine(node.GroupBy(d => d.SegmentId, StringComparer.Ordinal).Select(g => (levels[g.Key], g.Sum(d => d.Units))), rule);

        var customers = network.Customers.GroupBy(c => c.SegmentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var mix = network.Segments.Select(s => (s.ServiceLevel, customers.GetValueOrDefault(s.Id) * s.OrdersPerCustomerPerWeek)).ToList();
        if (mix.All(m => m.Item2 <= 0)) mix = [.. network.Segments.Select(s => (s.ServiceLevel, 1.0))];
        result[""] = mix.Count == 0 ? FallbackLevel : Combine(mix, rule);
        return result;
    }

    /// <summary>Combines (level, demand) pairs by <paramref name="rule"/>; pairs without demand do not count.</summary>
    public static double Combine(IEnumerable<(double Level, double Units)> segments, SegmentServiceRule rule)
    {
        var withDemand = segments.Where(s => s.Units > 0).ToList();
        if (withDemand.Count == 0) return FallbackLevel;
        return rule == SegmentServiceRule.Strictest
            ? withDemand.Max(s => s.Level)
            : withDemand.Sum(s => s.Level * s.Units) / withDemand.Sum(s => s.Units);
    }
}
