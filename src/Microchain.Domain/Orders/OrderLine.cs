namespace Microchain.Domain.Orders;

public readonly record struct OrderLine(string SkuId, int Quantity);

/// <summary>The delivery window a customer asked for.</summary>
public readonly record struct DeliveryWindow(DateTimeOffset Start, DateTimeOffset End);

/// <summary>Units of a SKU to be taken from a node.</summary>
public readonly record struct Allocation(string NodeId, string SkuId, int Quantity);

/// <summary>
/// One node's share of an allocated order: the units its reservation holds and, once the node confirmed its pick,
/// the units picked (null while open). An order has at most one part per node.
/// </summary>
public sealed record OrderPart(string NodeId, string ReservationId, IReadOnlyList<OrderLine> Lines, IReadOnlyList<OrderLine>? Picked)
{
    public bool IsOpen => Picked is null;
}
