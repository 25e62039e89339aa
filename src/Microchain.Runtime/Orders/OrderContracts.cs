using Microchain.Domain.Geo;
using Microchain.Domain.Inventory;
using Microchain.Domain.Orders;

namespace Microchain.Runtime.Orders;

// [Immutable]: built for one call and never changed after (domain lists are replaced, not mutated), so grain calls
// in the silo pass them by reference instead of deep-copying them through JSON.

/// <summary>The promise that goes with a placement: mode, window and estimated cost.</summary>
[Immutable]
public sealed record PromiseTerms(string Mode, DeliveryWindow Window, long EstimatedCostCents);

/// <summary>
/// Places a validated, sourced order: reserve the plan's units at every node, then record the order — allocated, or
/// rejected with <see cref="RejectCodes"/>. The request hash tells a replay of the same request from a reuse of its
/// idempotency key with another body.
/// </summary>
/// <param name="Plan">Node × SKU × units to reserve; empty when the order is to be rejected.</param>
/// <param name="RejectCodes">Non-empty: record the order as rejected with these codes, reserve nothing.</param>
/// <param name="RejectOnShortage">If a node cannot reserve its part: true records a rejection, false answers
/// <see cref="PlacementStatus.Shortage"/> with nothing recorded so that the caller may source again.</param>
[Immutable]
public sealed record PlaceOrder(
    string CustomerId,
    string? SegmentId,
    IReadOnlyList<OrderLine> Lines,
    GeoPoint DeliverTo,
    string? LockerId,
    DeliveryWindow? Window,
    string IdempotencyKey,
    string RequestHash,
    IReadOnlyList<Allocation> Plan,
    PromiseTerms? Promise,
    IReadOnlyList<string> RejectCodes,
    bool RejectOnShortage);

public enum PlacementStatus
{
    /// <summary>Recorded now: allocated or rejected (see the order's status).</summary>
    Placed,
    /// <summary>The key was used before with the same request: the order as it is now.</summary>
    Replayed,
    /// <summary>The key was used before with another request: nothing done.</summary>
    KeyReused,
    /// <summary>A node could not reserve its part; every reservation was released and nothing recorded.</summary>
    Shortage,
    /// <summary>The id was voided (an earlier attempt was abandoned and its reservations expired).</summary>
    Voided,
}

[Immutable]
public sealed record PlaceOutcome(PlacementStatus Status, OrderView? Order, IReadOnlyList<Shortage> Shortages);

/// <summary>An order as the API shows it, with its full event history.</summary>
[Immutable]
public sealed record OrderView(
    string OrderId,
    OrderStatus Status,
    string CustomerId,
    string? SegmentId,
    IReadOnlyList<OrderLine> Lines,
    GeoPoint DeliverTo,
    string? LockerId,
    DeliveryWindow? RequestedWindow,
    DateTimeOffset CapturedAt,
    OrderPromised? Promise,
    IReadOnlyList<Allocation> Allocations,
    IReadOnlyList<OrderLine> ShortLines,
    IReadOnlyList<string> RejectionCodes,
    IReadOnlyList<IOrderEvent> History,
    OrderDispatched? Dispatch = null)
{
    public static OrderView Of(Order o) => new(o.Id, o.Status, o.CustomerId, o.SegmentId, o.Lines, o.DeliverTo, o.LockerId, o.RequestedWindow,
        o.CapturedAt, o.Promise, o.Allocations, o.ShortLines, o.RejectionCodes, o.History.ToArray(), o.LastDispatch);
}
