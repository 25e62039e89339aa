using Microchain.Domain;
using Microchain.Domain.Inventory;
using Microchain.Domain.Orders;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;
using Microchain.Runtime.Nodes;

namespace Microchain.Runtime.Orders;

/// <summary>
/// A thin shell over <see cref="Order"/>: the order's journal stream is its only state. Placement reserves first and
/// records the order in one append afterwards, so an acknowledged order always holds its stock; reservations of an
/// attempt that never got recorded expire and are released by the node's sweep (see <see cref="ReservationSweep"/>).
/// </summary>
public sealed partial class OrderGrain(IEventJournal journal, TimeProvider time, ReservationTiming timing) : Grain, IOrderGrain
{
    /// <summary>How long a reservation waits for its order to be recorded before the node's sweep looks at it (by default).</summary>
    public static readonly TimeSpan ReservationTtl = ReservationTiming.Default.Ttl;

    private GrainJournal<IOrderEvent> _stream = null!;
    private Order? _order;
    private bool _voided;
    private string _tenant = "";
    private string _orderId = "";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenant, _orderId) = GrainKey.Split(this.GetPrimaryKeyString());
        _stream = new GrainJournal<IOrderEvent>(journal, "order/" + this.GetPrimaryKeyString());
        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        _stream.Reset();
        var history = await _stream.ReadNewAsync(0, cancellationToken);
        _voided = history.Count > 0 && history[0] is OrderVoided;
        _order = history.Count == 0 || _voided ? null : Order.Replay(history);
    }

    public async Task<PlaceOutcome> Place(PlaceOrder command, CancellationToken cancellationToken)
    {
        // Orders are placed at a high rate and touched again only minutes later (pick, dispatch): an activation kept
        // for the default collection age would hold every recent order in memory and make each garbage collection
        // copy it. The next call re-reads the short stream instead.
        DeactivateOnIdle();
        if (Known(command.RequestHash) is { } known) return known;
        var now = time.GetUtcNow();
        var order = Order.Capture(_orderId, command.CustomerId, command.Lines, command.DeliverTo, command.LockerId, command.Window, now,
            command.SegmentId, command.IdempotencyKey, command.RequestHash);
        order.Validate(now);
        if (command.RejectCodes.Count > 0)
        {
            order.Reject(command.RejectCodes, now);
            return await RecordAsync(order, [], cancellationToken);
        }

        var parts = command.Plan.GroupBy(a => a.NodeId, StringComparer.Ordinal)
            .Select(g => (NodeId: g.Key, Lines: g.Select(a => new StockLine(a.SkuId, a.Quantity)).ToArray()))
            .OrderBy(p => p.NodeId, StringComparer.Ordinal).ToArray();
        var calls = parts.Select(p => Node(p.NodeId).Reserve(_orderId, p.Lines, now + timing.Ttl, cancellationToken)).ToArray();
        try
        {
            await Task.WhenAll(calls);
        }
        catch
        {
            await ReleaseAsync(parts.Where((_, i) => calls[i].IsCompletedSuccessfully && calls[i].Result.Succeeded).Select(p => p.NodeId), "placement failed");
            throw;
        }
        var reserved = parts.Where((_, i) => calls[i].Result.Succeeded).Select(p => p.NodeId).ToArray();
        if (reserved.Length < parts.Length)
        {
            await ReleaseAsync(reserved, "another node was short");
            if (!command.RejectOnShortage) return new PlaceOutcome(PlacementStatus.Shortage, null, calls.SelectMany(c => c.Result.Shortages).ToArray());
            order.Reject(["stock.insufficient"], now);
            return await RecordAsync(order, [], cancellationToken);
        }
        if (command.Promise is { } p) order.PromiseDelivery(p.Mode, p.Window, reserved, p.EstimatedCostCents, now);
        order.Allocate(command.Plan, now);
        return await RecordAsync(order, reserved, cancellationToken);
    }

    /// <summary>The answer for a key already used, or null when this is the first placement.</summary>
    private PlaceOutcome? Known(string requestHash)
    {
        if (_voided) return new PlaceOutcome(PlacementStatus.Voided, null, []);
        if (_order is null) return null;
        return new PlaceOutcome(_order.RequestHash == requestHash ? PlacementStatus.Replayed : PlacementStatus.KeyReused, OrderView.Of(_order), []);
    }

    /// <summary>Appends the capture and every move after it, with their notifications, in one transaction.</summary>
    private async Task<PlaceOutcome> RecordAsync(Order order, IReadOnlyList<string> reservedAt, CancellationToken cancellationToken)
    {
        try
        {
            await AppendAsync(order, order.History, cancellationToken);
            _order = order;
            return new PlaceOutcome(PlacementStatus.Placed, OrderView.Of(order), []);
        }
        catch (Exception ex)
        {
            // A conflict (the id was voided, or another activation recorded it first) or an unknown outcome: the journal decides.
            await LoadAsync(CancellationToken.None);
            if (ex is not JournalConcurrencyException && _order is not null && _order.RequestHash == order.RequestHash)
                return new PlaceOutcome(PlacementStatus.Placed, OrderView.Of(_order), []);
            var held = _order is { Status: OrderStatus.Allocated } ? _order.Allocations.Select(a => a.NodeId).ToHashSet(StringComparer.Ordinal) : [];
            await ReleaseAsync(reservedAt.Where(n => !held.Contains(n)), "order not recorded");
            if (ex is JournalConcurrencyException && Known(order.RequestHash!) is { } known) return known;
            throw;
        }
    }

    public Task<OrderView?> Get(CancellationToken cancellationToken) => Task.FromResult(_order is null ? null : OrderView.Of(_order));

    public async Task<CommandOutcome> Cancel(string reason, CancellationToken cancellationToken)
    {
        if (_order is null) return CommandOutcome.Refused("order.not_found", "no such order");
        // The first allocation is held under the order id, each re-sourced part under its own reservation id.
        var held = _order.Allocations.Select(a => (a.NodeId, ReservationId: _orderId))
            .Concat(_order.Parts.Select(p => (p.NodeId, p.ReservationId)))
            .Distinct().ToArray();
        try
        {
            var e = _order.Cancel(reason, time.GetUtcNow());
            await AppendAsync(_order, [e], cancellationToken);
        }
        catch (DomainException ex)
        {
            return CommandOutcome.Refused(ex.Code, ex.Message);
        }
        catch
        {
            await LoadAsync(CancellationToken.None);
            throw;
        }
        // After the cancellation is durable; a release lost here is done by the node's sweep at expiry.
        await ReleaseAsync(held, "order cancelled");
        return CommandOutcome.Done;
    }

    private async Task AppendAsync(Order order, IReadOnlyList<IOrderEvent> events, CancellationToken cancellationToken)
    {
        var outbox = new OutboxMessage[events.Count];
        for (var i = 0; i < events.Count; i++)
            outbox[i] = new OrderNotification(_tenant, _orderId, OrderNotification.TopicOf(events[i]),
                Order.StatusAfter(events[i]), _stream.Version + i + 1, events[i].At).ToOutbox();
        await _stream.AppendAsync(events, outbox, cancellationToken);
    }

    private Task ReleaseAsync(IEnumerable<string> nodeIds, string reason) => ReleaseAsync(nodeIds.Select(n => (n, _orderId)), reason);

    private async Task ReleaseAsync(IEnumerable<(string NodeId, string ReservationId)> held, string reason)
    {
        try
        {
            await Task.WhenAll(held.Select(h => Node(h.NodeId).Release(h.ReservationId, reason, CancellationToken.None)));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Compensation is best effort: what is not released now expires and is swept.
        }
    }

    private INodeGrain Node(string nodeId) => GrainFactory.GetGrain<INodeGrain>(GrainKey.Compose(_tenant, nodeId));
}
