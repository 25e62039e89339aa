using System.Text.Json.Serialization;

namespace Microchain.Domain.Inventory;

/// <summary>Everything that happens to a node's stock; the node's journal is a sequence of these.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(StockReceived), "stock-received")]
[JsonDerivedType(typeof(StockAdjusted), "stock-adjusted")]
[JsonDerivedType(typeof(StockCounted), "stock-counted")]
[JsonDerivedType(typeof(StockCapacitySet), "stock-capacity-set")]
[JsonDerivedType(typeof(StockReserved), "stock-reserved")]
[JsonDerivedType(typeof(ReservationReleased), "reservation-released")]
[JsonDerivedType(typeof(StockPicked), "stock-picked")]
[JsonDerivedType(typeof(ReservationExtended), "reservation-extended")]
[JsonDerivedType(typeof(TransferShippedOut), "transfer-shipped-out")]
[JsonDerivedType(typeof(TransferInboundRegistered), "transfer-inbound-registered")]
[JsonDerivedType(typeof(TransferStockReceived), "transfer-stock-received")]
[JsonDerivedType(typeof(TransferInboundClosed), "transfer-inbound-closed")]
[JsonDerivedType(typeof(AssemblyConfigured), "assembly-configured")]
[JsonDerivedType(typeof(StockReturned), "stock-returned")]
public interface INodeStockEvent
{
    DateTimeOffset At { get; }
}

public sealed record StockReceived(string SkuId, int Quantity, string Reference, DateTimeOffset At) : INodeStockEvent;

public sealed record StockAdjusted(string SkuId, int Delta, string ReasonCode, DateTimeOffset At) : INodeStockEvent;

public sealed record StockCounted(string SkuId, int CountedQuantity, int PreviousOnHand, DateTimeOffset At) : INodeStockEvent;

public sealed record StockCapacitySet(string SkuId, int Capacity, DateTimeOffset At) : INodeStockEvent;

public sealed record StockReserved(string ReservationId, IReadOnlyList<StockLine> Lines, DateTimeOffset ExpiresAt, DateTimeOffset At) : INodeStockEvent
{
    /// <summary>Modular lines and the finished units and components their <see cref="Lines"/> hold for them; null = none.</summary>
    public IReadOnlyList<AssemblyHold>? Assemblies { get; init; }
}

public sealed record ReservationReleased(string ReservationId, string Reason, DateTimeOffset At) : INodeStockEvent;

public sealed record StockPicked(string ReservationId, IReadOnlyList<StockLine> Picked, DateTimeOffset At) : INodeStockEvent
{
    /// <summary>Modular units assembled from picked components; null = none.</summary>
    public IReadOnlyList<StockLine>? Assembled { get; init; }
}

/// <summary>A reservation still wanted by its order holds on until a later expiry.</summary>
public sealed record ReservationExtended(string ReservationId, DateTimeOffset ExpiresAt, DateTimeOffset At) : INodeStockEvent;

/// <summary>Picked units came back (a failed delivery); <paramref name="ReturnId"/> makes the receipt happen once.</summary>
public sealed record StockReturned(string ReturnId, IReadOnlyList<StockLine> Lines, DateTimeOffset At) : INodeStockEvent;
