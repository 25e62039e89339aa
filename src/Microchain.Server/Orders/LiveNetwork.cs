using System.Collections.Concurrent;
using Microchain.Domain.Network;
using Microchain.Planning.Promise;
using Microchain.Planning.Sourcing;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Nodes;

namespace Microchain.Server.Orders;

/// <summary>
/// Reads live availability from the node grains for the SKUs of one basket: the input of promise and sourcing.
/// Only open fulfilment nodes are asked, all at once; concurrent reads of one node share a call (see
/// <see cref="CoalescedNodeReads"/>).
/// </summary>
public sealed class LiveNetwork(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, CoalescedNodeReads> _readers = new(StringComparer.Ordinal);

    /// <summary>ATP of <paramref name="skuIds"/> and pick load at every open fulfilment node of the tenant's network.</summary>
    public async Task<IReadOnlyList<NodeAvailability>> ReadAsync(string tenant, NetworkModel network, IReadOnlyList<string> skuIds, CancellationToken cancellationToken)
    {
        var nodes = Domain.Validation.ValidationContext.For(network).FulfilmentNodes;
        var skus = skuIds.Distinct(StringComparer.Ordinal).ToArray();
        var calls = new Task<NodeAvailability>[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
            calls[i] = _readers.GetOrAdd(GrainKey.Compose(tenant, nodes[i].Id), key => new CoalescedNodeReads(grains.GetGrain<INodeGrain>(key)))
                .ReadAsync(skus, cancellationToken);
        return await Task.WhenAll(calls);
    }

    /// <summary>Sourcing candidates from live availability (nodes without pick capacity are kept: strategies explain why they skip them).</summary>
    public static IReadOnlyList<NodeCandidate> Candidates(NetworkModel network, IReadOnlyList<NodeAvailability> live)
    {
        var context = Domain.Validation.ValidationContext.For(network);
        var candidates = new List<NodeCandidate>(live.Count);
        foreach (var a in live)
        {
            if (!context.Nodes.TryGetValue(a.NodeId, out var node)) continue;
            candidates.Add(new NodeCandidate(node.Id, node.Location, a.Atp, node.Costs.PickCostCentsPerUnit, node.PickCapacityPerHour, a.ReservedUnits));
        }
        return candidates;
    }

    /// <summary>The promise calculator's view of live availability.</summary>
    public static NetworkState State(IReadOnlyList<NodeAvailability> live) => new(
        live.ToDictionary(a => a.NodeId, a => a.Atp, StringComparer.Ordinal),
        live.ToDictionary(a => a.NodeId, a => a.ReservedUnits, StringComparer.Ordinal));
}
