using System.Text.Json.Serialization;
using Microchain.Domain.Geo;

namespace Microchain.Domain.Orders;

/// <summary>Every step of an order is one of these; the order's journal is their sequence.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(OrderCaptured), "order-captured")]
[JsonDerivedType(typeof(OrderValidated), "order-validated")]
[JsonDerivedType(typeof(OrderPromised), "order-promised")]
[JsonDerivedType(typeof(OrderAllocated), "order-allocated")]
[JsonDerivedType(typeof(OrderPicked), "order-picked")]
[JsonDerivedType(typeof(OrderDispatched), "order-dispatched")]
[JsonDerivedType(typeof(OrderDelivered), "order-delivered")]
[JsonDerivedType(typeof(OrderRejected), "order-rejected")]
[JsonDerivedType(typeof(OrderCancelled), "order-cancelled")]
[JsonDerivedType(typeof(OrderFailed), "order-failed")]
[JsonDerivedType(typeof(OrderVoided), "order-voided")]
[JsonDerivedType(typeof(OrderPartPicked), "order-part-picked")]
[JsonDerivedType(typeof(OrderReallocated), "order-reallocated")]
[JsonDerivedType(typeof(OrderLinesShorted), "order-lines-shorted")]
[JsonDerivedType(typeof(OrderRedirected), "order-redirected")]
public interface IOrderEvent
{
    DateTimeOffset At { get; }
}

public sealed record OrderCaptured(
    string OrderId,
    string CustomerId,
    IReadOnlyList<OrderLine> Lines,
    GeoPoint DeliverTo,
    string? LockerId,
    DeliveryWindow? RequestedWindow,
    DateTimeOffset At,
    string? SegmentId = null,
    string? IdempotencyKey = null,
    string? RequestHash = null) : IOrderEvent;

public sealed record OrderValidated(DateTimeOffset At) : IOrderEvent;

public sealed record OrderPromised(string Mode, DeliveryWindow Window, IReadOnlyList<string> NodeIds, long EstimatedCostCents, DateTimeOffset At) : IOrderEvent;

public sealed record OrderAllocated(IReadOnlyList<Allocation> Allocations, DateTimeOffset At) : IOrderEvent;

public sealed record OrderPicked(IReadOnlyList<Allocation> Picked, IReadOnlyList<OrderLine> ShortLines, DateTimeOffset At) : IOrderEvent;

/// <summary>The order left on a route; <paramref name="Wave"/> says which wave, vehicle and stop when a dispatch wave sent it.</summary>
public sealed record OrderDispatched(string RouteId, DateTimeOffset EstimatedArrival, DateTimeOffset At, WaveStop? Wave = null) : IOrderEvent;

/// <summary>Where a dispatch wave put an order: node, wave, vehicle, stop number on the route and the ETA window.</summary>
public sealed record WaveStop(string NodeId, string WaveId, string VehicleId, int Stop, DeliveryWindow EtaWindow);

/// <summary>A home delivery failed; the order goes to a locker instead and waits, picked, for the next wave.</summary>
public sealed record OrderRedirected(string LockerId, GeoPoint LockerLocation, string Reason, DateTimeOffset At) : IOrderEvent;

public sealed record OrderDelivered(DateTimeOffset At) : IOrderEvent;

public sealed record OrderRejected(IReadOnlyList<string> ReasonCodes, DateTimeOffset At) : IOrderEvent;

public sealed record OrderCancelled(string Reason, DateTimeOffset At) : IOrderEvent;

public sealed record OrderFailed(string Reason, DateTimeOffset At) : IOrderEvent;

/// <summary>
/// The first and only event of an order id that was abandoned before its capture committed (its reservations
/// expired): it claims the id so that a late capture conflicts instead of allocating released stock.
/// </summary>
public sealed record OrderVoided(string Reason, DateTimeOffset At) : IOrderEvent;

/// <summary>
/// One node's part of an allocated order was picked: the units picked and the units it was missing. The order
/// stays allocated until every part is picked and every short unit is re-sourced or marked short.
/// </summary>
public sealed record OrderPartPicked(string NodeId, string ReservationId, IReadOnlyList<OrderLine> Picked, IReadOnlyList<OrderLine> Missing, DateTimeOffset At) : IOrderEvent;

/// <summary>Units a node was short of, reserved at another node under a reservation id of their own: a new part to pick.</summary>
public sealed record OrderReallocated(string NodeId, string ReservationId, IReadOnlyList<OrderLine> Lines, DateTimeOffset At) : IOrderEvent;

/// <summary>Units that no node could supply: the customer will not get them.</summary>
public sealed record OrderLinesShorted(IReadOnlyList<OrderLine> Lines, DateTimeOffset At) : IOrderEvent;
