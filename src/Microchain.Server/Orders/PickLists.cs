using Microchain.Domain.Catalog;
using Microchain.Domain.Orders;
using Microchain.Planning.Picking;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Orders;
using Microchain.Server.Networks;

namespace Microchain.Server.Orders;

/// <summary>A node's pick lists: waves of zone batches, and whether orders were left out by the limit.</summary>
public sealed record PickListView(string NodeId, int Orders, bool Truncated, int PickLeadMinutes, int WaveMinutes, int MaxLinesPerBatch, IReadOnlyList<PickWave> Waves);

/// <summary>
/// Builds a node's pick lists: the order index names the allocated orders touching the node, their grains say what
/// is still open there (the index trails writes; the grains do not), and <see cref="WavePlanner"/> cuts the waves.
/// </summary>
public sealed class PickLists(NetworkCatalog catalog, OrderIndex index, IGrainFactory grains)
{
    /// <summary>Orders looked at per request: a bound on the fan-out to order grains.</summary>
    public const int MaxOrders = 1_000;

    /// <summary>The node's pick lists, or null when the tenant has no such node.</summary>
    public async Task<PickListView?> BuildAsync(string tenant, string nodeId, WaveOptions options, CancellationToken cancellationToken)
    {
        var network = catalog.Get(tenant);
        if (network?.FindNode(nodeId) is null) return null;
        var (summaries, total) = index.List(tenant, new OrderFilter(OrderStatus.Allocated, nodeId), 0, MaxOrders);
        var views = await Task.WhenAll(summaries.Select(s => grains.GetGrain<IOrderGrain>(GrainKey.Compose(tenant, s.OrderId)).Get(cancellationToken)));
        var zones = network.Skus.ToDictionary(s => s.Id, s => s.Zone, StringComparer.Ordinal);
        var orders = new List<PickOrder>(views.Length);
        foreach (var view in views)
        {
            if (view is not { Status: OrderStatus.Allocated }) continue;
            if (Order.Replay(view.History).OpenPartAt(nodeId) is not { } part) continue;
            var windowStart = view.Promise?.Window.Start ?? view.RequestedWindow?.Start ?? view.CapturedAt;
            orders.Add(new PickOrder(view.OrderId, windowStart,
                part.Lines.Select(l => new PickItem(l.SkuId, l.Quantity, zones.GetValueOrDefault(l.SkuId, TemperatureZone.Ambient))).ToArray()));
        }
        return new PickListView(nodeId, orders.Count, total > MaxOrders, (int)options.PickLead.TotalMinutes, (int)options.WaveLength.TotalMinutes,
            options.MaxLinesPerBatch, WavePlanner.Plan(orders, options));
    }
}
