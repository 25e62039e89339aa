using Microchain.Domain.Geo;

namespace Microchain.Domain.Orders;

/// <summary>
/// An order and its lifecycle. Each method checks the move against <see cref="OrderStateMachine"/>, raises one
/// event and applies it; <see cref="Replay"/> rebuilds an order from its journal.
/// </summary>
public sealed partial class Order
{
    private readonly List<IOrderEvent> _history = [];

    private Order() { }

    public string Id { get; private set; } = "";
    public string CustomerId { get; private set; } = "";
    public string? SegmentId { get; private set; }
    public string? IdempotencyKey { get; private set; }
    /// <summary>Hash of the request that captured the order: a replay with another body is told apart.</summary>
    public string? RequestHash { get; private set; }
    public DateTimeOffset CapturedAt { get; private set; }
    public IReadOnlyList<OrderLine> Lines { get; private set; } = [];
    public GeoPoint DeliverTo { get; private set; }
    public string? LockerId { get; private set; }
    public DeliveryWindow? RequestedWindow { get; private set; }
    public OrderStatus Status { get; private set; }
    public OrderPromised? Promise { get; private set; }
    public IReadOnlyList<Allocation> Allocations { get; private set; } = [];
    public IReadOnlyList<OrderLine> ShortLines { get; private set; } = [];
    public IReadOnlyList<string> RejectionCodes { get; private set; } = [];
    public IReadOnlyList<IOrderEvent> History => _history;

    public static Order Capture(string orderId, string customerId, IReadOnlyList<OrderLine> lines, GeoPoint deliverTo,
        string? lockerId, DeliveryWindow? window, DateTimeOffset now, string? segmentId = null, string? idempotencyKey = null, string? requestHash = null)
    {
        Guard.Id(orderId, "order");
        Guard.Id(customerId, "customer");
        Guard.That(lines.Count is > 0 and <= Limits.MaxLinesPerOrder, "order.lines", $"an order needs 1..{Limits.MaxLinesPerOrder} lines");
        foreach (var line in lines)
        {
            Guard.Id(line.SkuId, "sku");
            Guard.That(line.Quantity is > 0 and <= Limits.MaxQuantityPerLine, "order.quantity", $"quantity {line.Quantity} of {line.SkuId} is outside 1..{Limits.MaxQuantityPerLine}");
        }
        Guard.That(window is null || window.Value.End > window.Value.Start, "order.window", "a delivery window must end after it starts");
        var order = new Order();
        order.Raise(new OrderCaptured(orderId, customerId, lines.ToArray(), deliverTo, lockerId, window, now, segmentId, idempotencyKey, requestHash));
        return order;
    }

    public static Order Replay(IEnumerable<IOrderEvent> history)
    {
        var order = new Order();
        foreach (var e in history) order.Apply(e);
        Guard.That(order._history.Count > 0 && order._history[0] is OrderCaptured, "order.history", "an order's history starts with its capture");
        return order;
    }

    public IOrderEvent Validate(DateTimeOffset now) => Move(OrderStatus.Validated, new OrderValidated(now));

    public IOrderEvent PromiseDelivery(string mode, DeliveryWindow window, IReadOnlyList<string> nodeIds, long costCents, DateTimeOffset now) =>
        Move(OrderStatus.Promised, new OrderPromised(mode, window, nodeIds, costCents, now));

    public IOrderEvent Allocate(IReadOnlyList<Allocation> allocations, DateTimeOffset now)
    {
        // Loops, not LINQ: this runs once per placed order (measured: the LINQ form was a tenth of the pipeline's bytes).
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            var allocated = 0;
            for (var j = 0; j < allocations.Count; j++)
                if (allocations[j].SkuId == line.SkuId) allocated = checked(allocated + allocations[j].Quantity);
            Guard.That(allocated == QuantityOf(Lines, line.SkuId), "order.allocation",
                $"allocation of {line.SkuId} ({allocated}) does not match the ordered quantity");
        }
        for (var j = 0; j < allocations.Count; j++)
            Guard.That(allocations[j].Quantity > 0 && QuantityOf(Lines, allocations[j].SkuId) > 0, "order.allocation",
                "allocations must cover only ordered SKUs with positive quantities");
        return Move(OrderStatus.Allocated, new OrderAllocated(allocations.ToArray(), now));
    }

    public IOrderEvent ConfirmPick(IReadOnlyList<Allocation> picked, IReadOnlyList<OrderLine> shortLines, DateTimeOffset now) =>
        Move(OrderStatus.Picked, new OrderPicked(picked.ToArray(), shortLines.ToArray(), now));

    public IOrderEvent Dispatch(string routeId, DateTimeOffset eta, DateTimeOffset now) =>
        Move(OrderStatus.Dispatched, new OrderDispatched(routeId, eta, now));

    public IOrderEvent Deliver(DateTimeOffset now) => Move(OrderStatus.Delivered, new OrderDelivered(now));

    public IOrderEvent Reject(IReadOnlyList<string> reasonCodes, DateTimeOffset now) =>
        Move(OrderStatus.Rejected, new OrderRejected(reasonCodes.ToArray(), now));

    public IOrderEvent Cancel(string reason, DateTimeOffset now) => Move(OrderStatus.Cancelled, new OrderCancelled(reason, now));

    public IOrderEvent Fail(string reason, DateTimeOffset now) => Move(OrderStatus.Failed, new OrderFailed(reason, now));

    private IOrderEvent Move(OrderStatus to, IOrderEvent e)
    {
        Guard.That(OrderStateMachine.CanMove(Status, to), "order.illegal_transition", $"order {Id} cannot move from {Status} to {to}");
        Raise(e);
        return e;
    }

    private void Raise(IOrderEvent e) => Apply(e);

    /// <summary>Applies one event of the journal; an event that is not a legal move is refused.</summary>
    public void Apply(IOrderEvent e)
    {
        if (e is OrderCaptured c)
        {
            Guard.That(_history.Count == 0, "order.history", "an order is captured once");
            (Id, CustomerId, Lines, DeliverTo, LockerId, RequestedWindow, Status) =
                (c.OrderId, c.CustomerId, c.Lines, c.DeliverTo, c.LockerId, c.RequestedWindow, OrderStatus.Captured);
            (SegmentId, IdempotencyKey, RequestHash, CapturedAt) = (c.SegmentId, c.IdempotencyKey, c.RequestHash, c.At);
            _history.Add(e);
            return;
        }
        Guard.That(_history.Count > 0, "order.history", "an order's history starts with its capture");
        var to = StatusAfter(e);
        if (IsStep(e)) Guard.That(OrderStateMachine.TakesSteps(Status), "order.illegal_transition", $"order {Id} takes no pick steps while {Status}");
        else Guard.That(OrderStateMachine.CanMove(Status, to), "order.illegal_transition", $"order {Id} cannot move from {Status} to {to}");
        switch (e)
        {
            case OrderPromised p: Promise = p; break;
            case OrderAllocated a: Allocations = a.Allocations; break;
            case OrderPicked p: ShortLines = p.ShortLines; break;
            case OrderRejected r: RejectionCodes = r.ReasonCodes; break;
        }
        ApplyPicking(e);
        ApplyDispatch(e);
        Status = to;
        _history.Add(e);
    }

    /// <summary>The status an event moves an order to.</summary>
    public static OrderStatus StatusAfter(IOrderEvent e) => e switch
    {
        OrderCaptured => OrderStatus.Captured,
        OrderValidated => OrderStatus.Validated,
        OrderPromised => OrderStatus.Promised,
        OrderAllocated => OrderStatus.Allocated,
        OrderPicked => OrderStatus.Picked,
        OrderDispatched => OrderStatus.Dispatched,
        OrderDelivered => OrderStatus.Delivered,
        OrderRejected => OrderStatus.Rejected,
        OrderCancelled => OrderStatus.Cancelled,
        OrderFailed => OrderStatus.Failed,
        OrderPartPicked or OrderReallocated or OrderLinesShorted => OrderStatus.Allocated,
        OrderRedirected => OrderStatus.Picked,
        _ => throw new DomainException("order.unknown_event", $"unknown order event {e.GetType().Name}"),
    };
}
