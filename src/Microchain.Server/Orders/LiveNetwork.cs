using System.Collections.Concurrent;
using Microchain.Domain.Network;
using Microchain.Planning.Promise;
using Microchain.Planning.Sourcing;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Nodes;

namespace Microchain.Server.Orders;

/// <summary>
/// Reads live availability from the node grains for the SKUs of one basket: the input of promise and sourcing.
/// Only open fulfilment nodes are read: from this silo's <see cref="AtpBoard"/> when the node's grain is active here,
/// else from the grain, all at once, where concurrent reads of one node share a call (see <see cref="CoalescedNodeReads"/>).
/// </summary>
public sealed class LiveNetwork(IGrainFactory grains, AtpBoard board)
{
    private readonly ConcurrentDictionary<string, CoalescedNodeReads> _readers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (NetworkModel Network, string[] Keys)> _keys = new(StringComparer.Ordinal);

    /// <summary>ATP of <paramref name="skuIds"/> and pick load at every open fulfilment node of the tenant's network.</summary>
    public async Task<IReadOnlyList<NodeAvailability>> ReadAsync(string tenant, NetworkModel network, IReadOnlyList<string> skuIds, CancellationToken cancellationToken)
    {
        var nodes = Domain.Validation.ValidationContext.For(network).FulfilmentNodes;
        var keys = KeysOf(tenant, network);
        var skus = skuIds.Distinct(StringComparer.Ordinal).ToArray();
        var slots = board.SlotsOf(skus);
        var answers = new NodeAvailability[nodes.Count];
        List<(int Index, Task<NodeAvailability> Call)>? calls = null;
        for (var i = 0; i < nodes.Count; i++)
        {
            var key = keys[i];
            if (board.TryRead(key, nodes[i].Id, skus, slots) is { } posted)
            {
                answers[i] = posted;
                continue;
            }
            (calls ??= []).Add((i, _readers.GetOrAdd(key, k => new CoalescedNodeReads(grains.GetGrain<INodeGrain>(k))).ReadAsync(skus, cancellationToken)));
        }
        if (calls is null) return answers;
        foreach (var (index, call) in calls) answers[index] = await call;
        return answers;
    }

    /// <summary>The grain keys of the network's fulfilment nodes, composed once per tenant and network.</summary>
    private string[] KeysOf(string tenant, NetworkModel network)
    {
        if (_keys.TryGetValue(tenant, out var known) && ReferenceEquals(known.Network, network)) return known.Keys;
        var keys = Domain.Validation.ValidationContext.For(network).FulfilmentNodes.Select(n => GrainKey.Compose(tenant, n.Id)).ToArray();
        _keys[tenant] = (network, keys);
        return keys;
    }

    /// <summary>Sourcing candidates from live availability (nodes without pick capacity are kept: strategies explain why they skip them).</summary>
    public static IReadOnlyList<NodeCandidate> Candidates(NetworkModel network, IReadOnlyList<NodeAvailability> live)
    {
        var context = Domain.Validation.ValidationContext.For(network);
        var candidates = new List<NodeCandidate>(live.Count);
        foreach (var a in live)
        {
            if (!context.Nodes.TryGetValue(a.NodeId, out var node)) continue;
            var (atp, notStocked) = Stocked(network, a);
            candidates.Add(new NodeCandidate(node.Id, node.Location, atp, node.Costs.PickCostCentsPerUnit, node.PickCapacityPerHour, a.ReservedUnits, NotStocked: notStocked));
        }
        return candidates;
    }

    /// <summary>The promise calculator's view of live availability (SKUs a node's assortment excludes count as none).</summary>
    public static NetworkState State(NetworkModel network, IReadOnlyList<NodeAvailability> live) => new(
        live.ToDictionary(a => a.NodeId, a => Stocked(network, a).Atp, StringComparer.Ordinal),
        live.ToDictionary(a => a.NodeId, a => a.ReservedUnits, StringComparer.Ordinal));

    /// <summary>The node's ATP without the SKUs its assortment excludes, and those SKUs (null when none is excluded).</summary>
    private static (IReadOnlyDictionary<string, int> Atp, IReadOnlyList<string>? NotStocked) Stocked(NetworkModel network, NodeAvailability a)
    {
        if (!network.Assortments.TryGetValue(a.NodeId, out var stocked) || a.Atp.Keys.All(stocked.Contains)) return (a.Atp, null);
        var atp = a.Atp.Where(p => stocked.Contains(p.Key)).ToDictionary(StringComparer.Ordinal);
        return (atp, a.Atp.Keys.Where(k => !stocked.Contains(k)).Order(StringComparer.Ordinal).ToArray());
    }
}
