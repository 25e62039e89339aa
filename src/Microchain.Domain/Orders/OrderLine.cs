namespace Microchain.Domain.Orders;

public readonly record struct OrderLine(string SkuId, int Quantity);

/// <summary>The delivery window a customer asked for.</summary>
public readonly record struct DeliveryWindow(DateTimeOffset Start, DateTimeOffset End);

/// <summary>Units of a SKU to be taken from a node.</summary>
public readonly record struct Allocation(string NodeId, string SkuId, int Quantity);
