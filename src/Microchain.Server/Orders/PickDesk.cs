using Microchain.Domain;
using Microchain.Domain.Orders;
using Microchain.Planning.Picking;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Orders;
using Microchain.Server.Networks;

namespace Microchain.Server.Orders;

/// <summary>
/// Pick confirmation: works out what the node would be missing, asks live availability where else those units are
/// (<see cref="ShortfallSourcing"/>), then lets the order grain pick at the node, reserve elsewhere and record.
/// </summary>
public sealed class PickDesk(NetworkCatalog catalog, LiveNetwork live, IGrainFactory grains, TimeProvider time)
{
    public async Task<PickOutcome> ConfirmAsync(string tenant, string orderId, string nodeId, IReadOnlyList<OrderLine> picked, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<IOrderGrain>(GrainKey.Compose(tenant, orderId));
        var view = await grain.Get(cancellationToken);
        if (view is null) return new PickOutcome(PickStatus.NotFound, null, "order.not_found", "no such order");
        var suggestions = await SuggestAsync(tenant, view, nodeId, picked, cancellationToken);
        return await grain.ConfirmPick(new PickConfirmation(nodeId, picked, suggestions), cancellationToken);
    }

    /// <summary>Where the units this pick would leave unresolved can come from; empty when nothing would be missing.</summary>
    private async Task<IReadOnlyList<Allocation>> SuggestAsync(string tenant, OrderView view, string nodeId, IReadOnlyList<OrderLine> picked, CancellationToken cancellationToken)
    {
        var network = catalog.Get(tenant);
        if (network is null) return [];
        var draft = Order.Replay(view.History);
        try
        {
            if (draft.OpenPartAt(nodeId) is null) return [];
            draft.PickPart(nodeId, picked, time.GetUtcNow());
        }
        catch (DomainException)
        {
            return []; // the grain refuses it with the reason
        }
        var shortfall = draft.Unresolved();
        if (shortfall.Count == 0) return [];
        var availability = await live.ReadAsync(tenant, network, shortfall.Select(l => l.SkuId).ToArray(), cancellationToken);
        var excluded = draft.Parts.Select(p => p.NodeId).ToHashSet(StringComparer.Ordinal);
        return ShortfallSourcing.Plan(shortfall, LiveNetwork.Candidates(network, availability), view.DeliverTo, excluded);
    }
}
