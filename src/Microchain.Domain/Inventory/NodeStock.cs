namespace Microchain.Domain.Inventory;

/// <summary>
/// All stock of one node: positions per SKU and open reservations. Event-sourced: each command checks the
/// invariants, then raises events and applies them; <see cref="Apply"/> replays a journal.
/// </summary>
public sealed partial class NodeStock
{
    private readonly Dictionary<string, InventoryPosition> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Reservation> _reservations = new(StringComparer.Ordinal);
    private HashSet<string>? _changed;

    public NodeStock(string nodeId) => NodeId = Guard.Id(nodeId, "node");

    public string NodeId { get; }
    public IReadOnlyDictionary<string, InventoryPosition> Positions => _positions;
    public IReadOnlyDictionary<string, Reservation> Reservations => _reservations;

    /// <summary>Units reserved over all SKUs (the pick load), kept as events apply.</summary>
    public long ReservedUnits { get; private set; }

    /// <summary>
    /// SKUs whose position changed since <see cref="ForgetChanges"/> was last called, once <see cref="TrackChanges"/>
    /// turned tracking on: what a read model that mirrors availability (a silo's ATP board) must refresh. At most one
    /// entry per SKU. Off by default, so that replays and simulations do not pay for it.
    /// </summary>
    public IReadOnlyCollection<string> ChangedSkus => (IReadOnlyCollection<string>?)_changed ?? [];

    public void TrackChanges() => _changed ??= new HashSet<string>(StringComparer.Ordinal);

    public void ForgetChanges() => _changed?.Clear();

    private void SetPosition(string skuId, InventoryPosition position)
    {
        _positions[skuId] = position;
        _changed?.Add(skuId);
    }

    public InventoryPosition PositionOf(string skuId) =>
        _positions.TryGetValue(skuId, out var p) ? p : InventoryPosition.Empty(0);

    public static NodeStock Replay(string nodeId, IEnumerable<INodeStockEvent> history)
    {
        var stock = new NodeStock(nodeId);
        foreach (var e in history) stock.Apply(e);
        return stock;
    }

    public IReadOnlyList<INodeStockEvent> SetCapacity(string skuId, int capacity, DateTimeOffset now)
    {
        Guard.Id(skuId, "sku");
        Guard.That(capacity is >= 0 and <= Limits.MaxStockUnits, "stock.capacity", $"capacity {capacity} is outside 0..{Limits.MaxStockUnits}");
        Guard.That(capacity >= PositionOf(skuId).OnHand, "stock.capacity", $"capacity {capacity} for {skuId} is below the {PositionOf(skuId).OnHand} units on hand");
        return Raise(new StockCapacitySet(skuId, capacity, now));
    }

    public IReadOnlyList<INodeStockEvent> Receive(string skuId, int quantity, string reference, DateTimeOffset now)
    {
        Guard.Id(skuId, "sku");
        var position = PositionOf(skuId);
        Guard.That(quantity > 0, "stock.quantity", $"receipt of {quantity} units must be positive");
        Guard.That((long)position.OnHand + quantity <= position.Capacity, "stock.over_capacity",
            $"receiving {quantity} of {skuId} would exceed capacity {position.Capacity} (on hand {position.OnHand})");
        return Raise(new StockReceived(skuId, quantity, reference, now));
    }

    public IReadOnlyList<INodeStockEvent> Adjust(string skuId, int delta, string reasonCode, DateTimeOffset now)
    {
        Guard.Id(skuId, "sku");
        Guard.That(delta != 0, "stock.quantity", "an adjustment must change the quantity");
        Guard.That(!string.IsNullOrWhiteSpace(reasonCode), "stock.reason", "an adjustment needs a reason code");
        var position = PositionOf(skuId);
        _ = position.Adjust(delta); // throws if it breaks an invariant
        Guard.That((long)position.OnHand + delta <= position.Capacity, "stock.over_capacity", $"adjustment would exceed capacity of {skuId}");
        return Raise(new StockAdjusted(skuId, delta, reasonCode, now));
    }

    public IReadOnlyList<INodeStockEvent> Count(string skuId, int counted, DateTimeOffset now)
    {
        Guard.Id(skuId, "sku"); // a count of a blank SKU would otherwise journal an event no one can read back
        var position = PositionOf(skuId);
        Guard.That(counted >= position.Reserved, "stock.count_below_reserved",
            $"count {counted} of {skuId} is below the {position.Reserved} units reserved; release reservations first");
        Guard.That(counted <= position.Capacity, "stock.over_capacity", $"count {counted} of {skuId} exceeds capacity {position.Capacity}");
        return Raise(new StockCounted(skuId, counted, position.OnHand, now));
    }

    /// <summary>Reserves every line or none. Re-reserving an existing id with the same lines is a no-op.</summary>
    public ReservationResult TryReserve(string reservationId, IReadOnlyList<StockLine> lines, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        Guard.Id(reservationId, "reservation");
        Guard.That(lines.Count is > 0 and <= Limits.MaxLinesPerOrder, "stock.lines", $"a reservation needs 1..{Limits.MaxLinesPerOrder} lines");
        Guard.That(expiresAt > now, "stock.expiry", "a reservation must expire in the future");
        var merged = Merge(lines);
        if (UsesAssembly(reservationId, merged)) return TryReserveAssembled(reservationId, merged, expiresAt, now);
        if (_reservations.TryGetValue(reservationId, out var existing))
        {
            Guard.That(existing.Lines.SequenceEqual(merged), "stock.reservation_conflict", $"reservation {reservationId} exists with other lines");
            return new ReservationResult(true, [], []);
        }
        var shortages = new List<Shortage>();
        foreach (var line in merged)
        {
            var available = PositionOf(line.SkuId).Available;
            if (line.Quantity > available) shortages.Add(new Shortage(line.SkuId, line.Quantity, available));
        }
        if (shortages.Count > 0) return ReservationResult.Refused(shortages);
        return new ReservationResult(true, [], Raise(new StockReserved(reservationId, merged, expiresAt, now)));
    }

    /// <summary>Releases a reservation; releasing an unknown or already released one is a no-op.</summary>
    public IReadOnlyList<INodeStockEvent> Release(string reservationId, string reason, DateTimeOffset now) =>
        _reservations.ContainsKey(reservationId) ? Raise(new ReservationReleased(reservationId, reason, now)) : [];

    /// <summary>Moves a reservation's expiry later; unknown reservations and earlier expiries are no-ops.</summary>
    public IReadOnlyList<INodeStockEvent> Extend(string reservationId, DateTimeOffset expiresAt, DateTimeOffset now) =>
        _reservations.TryGetValue(reservationId, out var r) && expiresAt > r.ExpiresAt && expiresAt > now
            ? Raise(new ReservationExtended(reservationId, expiresAt, now))
            : [];

    /// <summary>Ids of the reservations that have expired by <paramref name="now"/>, at most <paramref name="max"/>, oldest expiry first.</summary>
    public IReadOnlyList<string> DueReservations(DateTimeOffset now, int max) =>
        _reservations.Values.Where(r => r.ExpiresAt <= now).OrderBy(r => r.ExpiresAt).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Take(max).Select(r => r.Id).ToArray();

    /// <summary>Releases every reservation that has expired by <paramref name="now"/>.</summary>
    public IReadOnlyList<INodeStockEvent> ExpireDue(DateTimeOffset now)
    {
        var due = _reservations.Values.Where(r => r.ExpiresAt <= now).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        var events = new List<INodeStockEvent>();
        foreach (var id in due) events.AddRange(Raise(new ReservationReleased(id, "expired", now)));
        return events;
    }

    /// <summary>Picks a reservation; lines picked short release the remainder.</summary>
    public IReadOnlyList<INodeStockEvent> Pick(string reservationId, IReadOnlyList<StockLine> picked, DateTimeOffset now)
    {
        Guard.That(_reservations.TryGetValue(reservationId, out var reservation), "stock.unknown_reservation", $"no open reservation {reservationId}");
        if (reservation!.Assemblies.Count > 0) return PickAssembled(reservation, picked, now);
        var mergedPicked = Merge(picked);
        foreach (var line in mergedPicked)
        {
            var reserved = reservation!.Lines.FirstOrDefault(l => l.SkuId == line.SkuId).Quantity;
            Guard.That(line.Quantity <= reserved, "stock.over_pick", $"picked {line.Quantity} of {line.SkuId} but {reserved} were reserved");
        }
        return Raise(new StockPicked(reservationId, mergedPicked, now));
    }

    public void Apply(INodeStockEvent e)
    {
        switch (e)
        {
            case StockCapacitySet c: SetPosition(c.SkuId, PositionOf(c.SkuId).WithCapacity(c.Capacity)); break;
            case StockReceived r: SetPosition(r.SkuId, PositionOf(r.SkuId).Receive(r.Quantity)); break;
            case StockAdjusted a: SetPosition(a.SkuId, PositionOf(a.SkuId).Adjust(a.Delta)); break;
            case StockCounted c:
                var delta = c.CountedQuantity - PositionOf(c.SkuId).OnHand;
                if (delta != 0) SetPosition(c.SkuId, PositionOf(c.SkuId).Adjust(delta));
                break;
            case StockReserved r:
                foreach (var line in r.Lines) SetPosition(line.SkuId, PositionOf(line.SkuId).Reserve(line.Quantity));
                _reservations[r.ReservationId] = new Reservation(r.ReservationId, r.Lines, r.ExpiresAt) { Assemblies = r.Assemblies ?? [] };
                ReservedUnits += UnitsOf(r.Lines);
                break;
            case ReservationReleased r:
                foreach (var line in _reservations[r.ReservationId].Lines) SetPosition(line.SkuId, PositionOf(line.SkuId).Release(line.Quantity));
                ReservedUnits -= UnitsOf(_reservations[r.ReservationId].Lines);
                _reservations.Remove(r.ReservationId);
                break;
            case ReservationExtended x:
                _reservations[x.ReservationId] = _reservations[x.ReservationId] with { ExpiresAt = x.ExpiresAt };
                break;
            case StockPicked p:
                foreach (var line in _reservations[p.ReservationId].Lines)
                {
                    var pickedUnits = p.Picked.FirstOrDefault(l => l.SkuId == line.SkuId).Quantity;
                    var position = PositionOf(line.SkuId);
                    if (pickedUnits > 0) position = position.Pick(pickedUnits);
                    if (line.Quantity > pickedUnits) position = position.Release(line.Quantity - pickedUnits);
                    SetPosition(line.SkuId, position);
                }
                ReservedUnits -= UnitsOf(_reservations[p.ReservationId].Lines);
                _reservations.Remove(p.ReservationId);
                RecordAssembled(p.Assembled);
                break;
            case AssemblyConfigured c: _assembly = c.Setup; break;
            case StockReturned r:
                foreach (var line in r.Lines) SetPosition(line.SkuId, PositionOf(line.SkuId).Receive(line.Quantity));
                RememberReturn(r.ReturnId);
                break;
            default:
                if (!ApplyTransfer(e)) throw new DomainException("stock.unknown_event", $"unknown stock event {e.GetType().Name}");
                break;
        }
    }

    private static long UnitsOf(IReadOnlyList<StockLine> lines)
    {
        long units = 0;
        foreach (var line in lines) units += line.Quantity;
        return units;
    }

    private INodeStockEvent[] Raise(INodeStockEvent e)
    {
        Apply(e);
        return [e];
    }

    private static StockLine[] Merge(IReadOnlyList<StockLine> lines)
    {
        foreach (var line in lines)
        {
            Guard.Id(line.SkuId, "sku");
            Guard.That(line.Quantity is > 0 and <= Limits.MaxQuantityPerLine, "stock.quantity", $"quantity {line.Quantity} of {line.SkuId} is outside 1..{Limits.MaxQuantityPerLine}");
        }
        return lines.GroupBy(l => l.SkuId, StringComparer.Ordinal)
            .Select(g => new StockLine(g.Key, g.Sum(l => l.Quantity)))
            .OrderBy(l => l.SkuId, StringComparer.Ordinal)
            .ToArray();
    }
}
