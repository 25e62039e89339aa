namespace Microchain.Domain.Inventory;

/// <summary>Stock held for an order at one node until it is picked, released or expires.</summary>
public sealed record Reservation(string Id, IReadOnlyList<StockLine> Lines, DateTimeOffset ExpiresAt)
{
    /// <summary>Modular lines whose finished units and components <see cref="Lines"/> hold (see <see cref="AssemblyHold"/>).</summary>
    public IReadOnlyList<AssemblyHold> Assemblies { get; init; } = [];
}

/// <summary>A SKU that could not be reserved in full.</summary>
public readonly record struct Shortage(string SkuId, int Requested, int Available);

/// <summary>The outcome of a reservation attempt: all lines reserved, or none and the shortages.</summary>
public sealed record ReservationResult(bool Succeeded, IReadOnlyList<Shortage> Shortages, IReadOnlyList<INodeStockEvent> Events)
{
    public static ReservationResult Refused(IReadOnlyList<Shortage> shortages) => new(false, shortages, []);
}
