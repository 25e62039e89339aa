using Microchain.Domain.Geo;
using Microchain.Domain.Orders;

namespace Microchain.Runtime.Orders;

public sealed record CaptureOrder(string CustomerId, IReadOnlyList<OrderLine> Lines, GeoPoint DeliverTo, string? LockerId, DeliveryWindow? Window);

/// <summary>An order as the API shows it, with its full event history.</summary>
public sealed record OrderView(
    string OrderId,
    OrderStatus Status,
    string CustomerId,
    IReadOnlyList<OrderLine> Lines,
    GeoPoint DeliverTo,
    string? LockerId,
    DeliveryWindow? RequestedWindow,
    OrderPromised? Promise,
    IReadOnlyList<Allocation> Allocations,
    IReadOnlyList<OrderLine> ShortLines,
    IReadOnlyList<string> RejectionCodes,
    IReadOnlyList<IOrderEvent> History);
