using Microchain.Domain.Geo;
using Microchain.Domain.Network;
using Microchain.Domain.Validation;
using Microchain.Planning.Sourcing;
using Microchain.Runtime.Nodes;

namespace Microchain.Server.Orders;

/// <summary>
/// Turns an order draft and live availability into a sourcing decision: the segment and its promise from the
/// customer, zones and volumes from the catalog, the strategy and cost weights from the network's sourcing policy.
/// Shared by the sourcing nanoservice and order capture. Pure: the caller reads live availability.
/// </summary>
public static class OrderSourcing
{
    /// <summary>The order id given to a draft that has none yet.</summary>
    public const string DraftOrderId = "draft";

    /// <summary>Road distances and times used by sourcing, promise and validation on the server.</summary>
    public static ITravelModel Travel { get; } = new HaversineTravelModel();

    /// <summary>Decides where the draft's units come from; <paramref name="strategy"/> null = the network's policy.</summary>
    /// <exception cref="ArgumentException">The draft names an unknown customer, segment or SKU, or has no destination; or the strategy is unknown.</exception>
    public static SourcingDecision Decide(NetworkModel network, OrderDraft draft, IReadOnlyList<NodeAvailability> live, string? strategy) =>
        Decide(network, draft, live, strategy, DraftOrderId, null);

    /// <summary>As <see cref="Decide(NetworkModel, OrderDraft, IReadOnlyList{NodeAvailability}, string?)"/>, with the order id and an optional segment override.</summary>
    public static SourcingDecision Decide(NetworkModel network, OrderDraft draft, IReadOnlyList<NodeAvailability> live, string? strategy, string orderId, string? segmentId)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(live);
        var chosen = Strategy(strategy ?? network.SourcingPolicy.Strategy);
        return chosen.Decide(Request(network, draft, orderId, segmentId), Context(network, live));
    }

    /// <summary>The planner's view of the draft.</summary>
    public static SourcingRequest Request(NetworkModel network, OrderDraft draft, string orderId, string? segmentId)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(draft);
        var context = ValidationContext.For(network);
        var segmentOf = segmentId;
        if (segmentOf is null)
        {
            if (draft.CustomerId is null || !context.Customers.TryGetValue(draft.CustomerId, out var customer))
                throw new ArgumentException($"customer '{draft.CustomerId}' does not exist", nameof(draft));
            segmentOf = customer.SegmentId;
        }
        var segment = network.Segments.FirstOrDefault(s => s.Id == segmentOf)
            ?? throw new ArgumentException($"segment '{segmentOf}' does not exist", nameof(segmentId));
        var lines = new SourcingLine[(draft.Lines ?? []).Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = draft.Lines![i];
            if (line.SkuId is null || !context.Skus.TryGetValue(line.SkuId, out var sku))
                throw new ArgumentException($"SKU '{line.SkuId}' does not exist", nameof(draft));
            lines[i] = new SourcingLine(sku.Id, line.Quantity, sku.Zone, sku.VolumeMilliliters);
        }
        return new SourcingRequest(orderId, lines, Destination(network, draft), segment.Id, segment.Promise);
    }

    /// <summary>Candidates from live availability, with the network's cost weights.</summary>
    public static SourcingContext Context(NetworkModel network, IReadOnlyList<NodeAvailability> live)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new SourcingContext(LiveNetwork.Candidates(network, live), Travel, Settings(network.SourcingPolicy));
    }

    /// <summary>The planner's cost-to-serve settings for a policy.</summary>
    public static CostToServeSettings Settings(SourcingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new CostToServeSettings(Weights(policy.Weights),
            policy.WeightsBySegment.ToDictionary(p => p.Key, p => Weights(p.Value), StringComparer.Ordinal));
    }

    /// <summary>The strategy of that name (see <see cref="SourcingPolicy.Strategies"/>).</summary>
    /// <exception cref="ArgumentException">No strategy has that name.</exception>
    public static ISourcingStrategy Strategy(string name) => name switch
    {
        "min-cost-to-serve" => new MinimumCostToServeStrategy(),
        "closest-node" => new ClosestNodeStrategy(),
        "fewest-splits" => new FewestSplitsStrategy(),
        _ => throw new ArgumentException($"strategy '{name}' is not one of {string.Join(", ", SourcingPolicy.Strategies)}", nameof(name)),
    };

    /// <summary>Where the order goes: the delivery point, else the locker's location.</summary>
    public static GeoPoint Destination(NetworkModel network, OrderDraft draft)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.DeliverTo is { } point) return point;
        if (draft.LockerId is not null && network.FindNode(draft.LockerId) is { Kind: NodeKind.Locker } locker) return locker.Location;
        throw new ArgumentException("the order needs a delivery point or a known locker", nameof(draft));
    }

    private static CostToServeWeights Weights(SourcingWeights w) => new(
        w.LastMileCentsPerKm, w.LastMileCentsPerStop, w.SplitPenaltyCents, w.LoadPenaltyCentsPerUnit,
        w.StockBalancePenaltyCentsPerUnit, w.TargetDaysOfCover, w.MaxNodesPerOrder);
}
