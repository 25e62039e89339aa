using Microchain.Domain.Geo;
using Microchain.Domain.Orders;
using Microchain.Domain.Validation;

namespace Microchain.Server.Orders;

/// <summary>One line of an order as a client sends it.</summary>
public sealed record OrderLineRequest(string SkuId, int Quantity);

/// <summary>A delivery window as a client sends it (ISO 8601 instants).</summary>
public sealed record WindowRequest(DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// An order as a client sends it to capture, validate, source or promise. Either <see cref="DeliverTo"/> (home
/// delivery) or <see cref="LockerId"/> (pickup) is set; the validator says which rule a request breaks.
/// </summary>
public sealed record OrderRequest(
    string CustomerId,
    IReadOnlyList<OrderLineRequest> Lines,
    GeoPoint? DeliverTo = null,
    string? LockerId = null,
    WindowRequest? Window = null)
{
    /// <summary>The domain's draft of this request (null members become empty, the validator reports them).</summary>
    public OrderDraft ToDraft() => new(
        CustomerId,
        (Lines ?? []).Select(l => new OrderLine(l?.SkuId!, l?.Quantity ?? 0)).ToArray(),
        DeliverTo,
        LockerId,
        Window is null ? null : new DeliveryWindow(Window.Start, Window.End));
}
