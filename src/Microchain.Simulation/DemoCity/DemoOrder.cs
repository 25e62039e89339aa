using Microchain.Domain.Geo;
using Microchain.Domain.Orders;

namespace Microchain.Simulation.DemoCity;

/// <summary>An order drawn from a demo city, ready to capture. Pickup orders go to the customer's locker.</summary>
public sealed record DemoOrder(
    string? OrderId,
    string CustomerId,
    IReadOnlyList<OrderLine> Lines,
    GeoPoint DeliverTo,
    string? LockerId,
    DeliveryWindow Window);
