namespace Microchain.Domain.Orders;

/// <summary>Where an order is in its lifecycle; Delivered, Rejected, Cancelled and Failed are final.</summary>
public enum OrderStatus
{
    Captured,
    Validated,
    Promised,
    Allocated,
    Picked,
    Dispatched,
    Delivered,
    Rejected,
    Cancelled,
    Failed,
}
