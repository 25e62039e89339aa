using System.Collections.Concurrent;
using Microchain.Domain.Inventory;
using Microchain.Domain.Orders;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;
using Microchain.Runtime.Nodes;

namespace Microchain.Runtime.Orders;

/// <summary>
/// Places new orders: reserves at the node grains first, then records the order in one append that creates its
/// stream (expected version 0), so an acknowledged order always holds its stock. The stream's version check decides between racing
/// placements of one key (in this process the caller's idempotency gate keeps them apart; across processes the
/// journal does): the loser releases what it reserved and answers as the winner recorded. Reservations of an attempt
/// that never got recorded expire and are released by the node's sweep, which voids the order id first (see
/// <see cref="ReservationSweep"/>). After placement the order belongs to its <see cref="OrderGrain"/>.
/// <para>
/// Nodes on this journal's writer answer as soon as their reservation is queued (<see cref="INodeGrain.ReserveQueued"/>),
/// and the order's append follows their tickets: it is written only if the reservations were, so acknowledging it
/// acknowledges them, one writer cycle after the reservations instead of two. If one of them failed, the append
/// fails with <see cref="JournalDependencyException"/> and the attempt releases what it reserved.
/// </para>
/// <para>
/// Not a grain on purpose: placement runs at the order rate, and an order grain activated for it (then deactivated)
/// cost about a tenth of the pipeline's CPU, measured; the order grain reads the stream when it is next called.
/// </para>
/// </summary>
public sealed class OrderIntake(IGrainFactory grains, IEventJournal journal, TimeProvider time, ReservationTiming timing)
{
    /// <summary>
    /// Node grain references by tenant and node, made once: resolving one walks Orleans' type metadata by reflection,
    /// which was about 2% of the pipeline's allocated bytes when done per order (measured).
    /// </summary>
    private readonly ConcurrentDictionary<(string Tenant, string NodeId), INodeGrain> _nodes = new();

    public async Task<PlaceOutcome> PlaceAsync(string tenant, string orderId, PlaceOrder command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        // No read first: almost every placement is of a new id, and the append at version 0 finds out otherwise.
        // A replay then re-reserves under the same reservation id (a node answers an identical reservation as
        // already held), loses the append, and releases only what the recorded order does not hold.
        var stream = Stream(tenant, orderId);
        var now = time.GetUtcNow();
        var order = Order.Capture(orderId, command.CustomerId, command.Lines, command.DeliverTo, command.LockerId, command.Window, now,
            command.SegmentId, command.IdempotencyKey, command.RequestHash);
        order.Validate(now);
        if (command.RejectCodes.Count > 0)
        {
            order.Reject(command.RejectCodes, now);
            return await RecordAsync(tenant, stream, order, [], [], cancellationToken);
        }

        var parts = command.Plan.GroupBy(a => a.NodeId, StringComparer.Ordinal)
            .Select(g => (NodeId: g.Key, Lines: g.Select(a => new StockLine(a.SkuId, a.Quantity)).ToArray()))
            .OrderBy(p => p.NodeId, StringComparer.Ordinal).ToArray();
        var calls = new Task<ReserveOutcome>[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            calls[i] = Node(tenant, parts[i].NodeId).ReserveQueued(orderId, parts[i].Lines, now + timing.Ttl, journal.WriterId, cancellationToken);
        try
        {
            await Task.WhenAll(calls);
        }
        catch
        {
            await CompensateAsync(tenant, orderId, stream, parts.Where((_, i) => calls[i].IsCompletedSuccessfully && calls[i].Result.Succeeded).Select(p => p.NodeId), "placement failed");
            throw;
        }
        var reserved = parts.Where((_, i) => calls[i].Result.Succeeded).Select(p => p.NodeId).ToArray();
        if (reserved.Length < parts.Length)
        {
            if (Known(await CompensateAsync(tenant, orderId, stream, reserved, "another node was short"), command.RequestHash) is { } known) return known;
            if (!command.RejectOnShortage) return new PlaceOutcome(PlacementStatus.Shortage, null, calls.SelectMany(c => c.Result.Shortages).ToArray());
            order.Reject(["stock.insufficient"], now);
            return await RecordAsync(tenant, stream, order, [], [], cancellationToken);
        }
        if (command.Promise is { } p) order.PromiseDelivery(p.Mode, p.Window, reserved, p.EstimatedCostCents, now);
        order.Allocate(command.Plan, now);
        var tickets = new List<JournalTicket>(calls.Length);
        foreach (var call in calls)
            if (call.Result.Ticket is { } ticket) tickets.Add(ticket);
        return await RecordAsync(tenant, stream, order, reserved, tickets, cancellationToken);
    }

    /// <summary>The order as recorded, or null when the id has no order (never placed, or voided).</summary>
    public async Task<OrderView?> FindAsync(string tenant, string orderId, CancellationToken cancellationToken)
    {
        return Recorded(await Stream(tenant, orderId).ReadNewAsync(0, cancellationToken)) is { } order ? OrderView.Of(order) : null;
    }

    /// <summary>The order a stream records; null when it has none (never placed, or voided).</summary>
    internal static Order? Recorded(IReadOnlyList<IOrderEvent> history) =>
        history.Count > 0 && history[0] is not OrderVoided ? Order.Replay(history) : null;

    private INodeGrain Node(string tenant, string nodeId) =>
        _nodes.GetOrAdd((tenant, nodeId), static (key, factory) => factory.GetGrain<INodeGrain>(GrainKey.Compose(key.Tenant, key.NodeId)), grains);

    private GrainJournal<IOrderEvent> Stream(string tenant, string orderId) => new(journal, "order/" + GrainKey.Compose(tenant, orderId));

    /// <summary>The answer for an id already used, or null when this is the first placement.</summary>
    private static PlaceOutcome? Known(IReadOnlyList<IOrderEvent> history, string requestHash)
    {
        if (history.Count == 0) return null;
        if (Recorded(history) is not { } order) return new PlaceOutcome(PlacementStatus.Voided, null, []);
        return new PlaceOutcome(order.RequestHash == requestHash ? PlacementStatus.Replayed : PlacementStatus.KeyReused, OrderView.Of(order), []);
    }

    /// <summary>
    /// Appends the capture and every move after it, with their notifications, in one transaction that creates the
    /// stream, after the reservations' queued appends (<paramref name="after"/>).
    /// </summary>
    private async Task<PlaceOutcome> RecordAsync(string tenant, GrainJournal<IOrderEvent> stream, Order order, IReadOnlyList<string> reservedAt, IReadOnlyList<JournalTicket> after, CancellationToken cancellationToken)
    {
        try
        {
            await stream.AppendAsync(order.History, OrderNotification.OutboxOf(tenant, order.Id, order.History, 0), after, cancellationToken);
            return new PlaceOutcome(PlacementStatus.Placed, OrderView.Of(order), []);
        }
        catch (Exception ex)
        {
            // A conflict (the id was voided, or another placement recorded it first), a reservation that was not written
            // (nothing of the order was either), or an unknown outcome: the journal decides.
            var history = await CompensateAsync(tenant, order.Id, stream, reservedAt, "order not recorded");
            if (ex is not JournalConcurrencyException && Known(history, order.RequestHash!) is { Status: PlacementStatus.Replayed, Order: { } mine })
                return new PlaceOutcome(PlacementStatus.Placed, mine, []);
            if (ex is JournalConcurrencyException && Known(history, order.RequestHash!) is { } known) return known;
            throw;
        }
    }

    /// <summary>
    /// Releases what this attempt reserved, except what the order as recorded holds: a replay re-reserves under the
    /// order's own reservation id, and a node answers an identical open reservation as already held, so releasing it
    /// would take the recorded order's stock. The recorded order holds its open first parts (reservation id = order
    /// id); a part already picked holds nothing, so a reservation made again there is this attempt's to release. If
    /// the append of this very attempt landed after all, its parts are all open: nothing is released. Returns the
    /// stream as recorded.
    /// </summary>
    private async Task<IReadOnlyList<IOrderEvent>> CompensateAsync(string tenant, string orderId, GrainJournal<IOrderEvent> stream, IEnumerable<string> reservedAt, string reason)
    {
        stream.Reset();
        var history = await stream.ReadNewAsync(0, CancellationToken.None);
        var recorded = Recorded(history);
        var held = recorded is { Status: OrderStatus.Allocated }
            ? recorded.Parts.Where(p => p.IsOpen && p.ReservationId == recorded.Id).Select(p => p.NodeId).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        await ReleaseAsync(tenant, orderId, reservedAt.Where(n => !held.Contains(n)), reason);
        return history;
    }

    private Task ReleaseAsync(string tenant, string orderId, IEnumerable<string> nodeIds, string reason) =>
        NodeReleases.ReleaseQuietlyAsync(grains, tenant, nodeIds.Select(n => (n, orderId)), reason);
}
