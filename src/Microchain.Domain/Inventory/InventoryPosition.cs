namespace Microchain.Domain.Inventory;

/// <summary>
/// Stock of one SKU at one node. Invariant: 0 ≤ Reserved ≤ OnHand ≤ Capacity, InTransit ≥ 0.
/// Every change goes through a method that keeps it; a broken invariant throws, in release builds too.
/// </summary>
public readonly record struct InventoryPosition
{
    public InventoryPosition(int onHand, int reserved, int inTransit, int capacity, int safetyStock = 0)
    {
        Guard.That(capacity is >= 0 and <= Limits.MaxStockUnits, "stock.capacity", $"capacity {capacity} is outside 0..{Limits.MaxStockUnits}");
        Guard.That(onHand >= 0 && onHand <= capacity, "stock.on_hand", $"on hand {onHand} is outside 0..capacity {capacity}");
        Guard.That(reserved >= 0 && reserved <= onHand, "stock.reserved", $"reserved {reserved} is outside 0..on hand {onHand}");
        Guard.That(inTransit is >= 0 and <= Limits.MaxStockUnits, "stock.in_transit", $"in transit {inTransit} is outside 0..{Limits.MaxStockUnits}");
        Guard.That(safetyStock >= 0, "stock.safety", $"safety stock {safetyStock} must not be negative");
        OnHand = onHand;
        Reserved = reserved;
        InTransit = inTransit;
        Capacity = capacity;
        SafetyStock = safetyStock;
    }

    public static InventoryPosition Empty(int capacity) => new(0, 0, 0, capacity);

    public int OnHand { get; }
    public int Reserved { get; }
    public int InTransit { get; }
    public int Capacity { get; }
    public int SafetyStock { get; }

    /// <summary>Available to promise now: on hand less reserved.</summary>
    public int Available => OnHand - Reserved;

    /// <summary>Room left for receipts, counting what is already on its way.</summary>
    public int FreeCapacity => Math.Max(0, Capacity - OnHand - InTransit);

    public InventoryPosition Receive(int units)
    {
        CheckReceipt(units);
        return new(OnHand + units, Reserved, InTransit, Capacity, SafetyStock);
    }

    /// <summary>Receives units that were in transit; any shortfall of in-transit is treated as a direct receipt.</summary>
    public InventoryPosition ReceiveInbound(int units)
    {
        CheckReceipt(units);
        return new(OnHand + units, Reserved, Math.Max(0, InTransit - units), Capacity, SafetyStock);
    }

    public InventoryPosition Ship(int units)
    {
        Guard.That(units > 0, "stock.quantity", $"inbound of {units} units must be positive");
        // Compared before adding: an int sum could overflow, and overflow is not a domain answer.
        Guard.That(units <= Limits.MaxStockUnits - InTransit, "stock.in_transit", $"inbound of {units} would put more than {Limits.MaxStockUnits} in transit");
        return new(OnHand, Reserved, InTransit + units, Capacity, SafetyStock);
    }

    private void CheckReceipt(int units)
    {
        Guard.That(units > 0, "stock.quantity", $"receipt of {units} units must be positive");
        Guard.That(units <= Capacity - OnHand, "stock.over_capacity", $"receiving {units} would exceed capacity {Capacity} (on hand {OnHand})");
    }

    public bool CanReserve(int units) => units > 0 && units <= Available;

    public InventoryPosition Reserve(int units)
    {
        Guard.That(units > 0, "stock.quantity", $"reservation of {units} units must be positive");
        Guard.That(units <= Available, "stock.insufficient", $"cannot reserve {units}: only {Available} available");
        return new(OnHand, Reserved + units, InTransit, Capacity, SafetyStock);
    }

    public InventoryPosition Release(int units)
    {
        Guard.That(units > 0 && units <= Reserved, "stock.release", $"cannot release {units}: {Reserved} reserved");
        return new(OnHand, Reserved - units, InTransit, Capacity, SafetyStock);
    }

    /// <summary>Takes reserved units off the shelf: they leave on hand and reserved together.</summary>
    public InventoryPosition Pick(int units)
    {
        Guard.That(units > 0 && units <= Reserved, "stock.pick", $"cannot pick {units}: {Reserved} reserved");
        return new(OnHand - units, Reserved - units, InTransit, Capacity, SafetyStock);
    }

    /// <summary>Corrects on hand by a signed delta; cannot go below what is reserved.</summary>
    public InventoryPosition Adjust(int delta)
    {
        var next = (long)OnHand + delta;
        Guard.That(next >= Reserved, "stock.adjust_below_reserved", $"adjustment {delta} would leave {next} on hand below {Reserved} reserved");
        Guard.That(next <= Capacity, "stock.over_capacity", $"adjustment {delta} would leave {next} on hand above capacity {Capacity}");
        return new((int)next, Reserved, InTransit, Capacity, SafetyStock);
    }

    public InventoryPosition WithCapacity(int capacity) => new(OnHand, Reserved, InTransit, capacity, SafetyStock);

    public InventoryPosition WithSafetyStock(int units) => new(OnHand, Reserved, InTransit, Capacity, units);
}
