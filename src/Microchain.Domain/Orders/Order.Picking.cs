namespace Microchain.Domain.Orders;

/// <summary>
/// Picking of an allocated order, one node's part at a time. Per SKU the units always add up:
/// ordered = picked + held by open parts + unresolved + shorted; the order moves to Picked only when no part is open
/// and nothing is unresolved (every unit the nodes were short of was re-sourced or marked short).
/// </summary>
public sealed partial class Order
{
    private readonly List<OrderPart> _parts = [];

    /// <summary>The parts of the order, one per node, in the order they were allocated.</summary>
    public IReadOnlyList<OrderPart> Parts => _parts;

    /// <summary>The open part at <paramref name="nodeId"/>, or null.</summary>
    public OrderPart? OpenPartAt(string nodeId) => _parts.FirstOrDefault(p => p.NodeId == nodeId && p.IsOpen);

    /// <summary>Whether every part is picked and every short unit resolved: <see cref="CompletePick"/> may move the order.</summary>
    public bool IsPickComplete => Status == OrderStatus.Allocated && _parts.Count > 0 && _parts.All(p => !p.IsOpen) && Unresolved().Count == 0;

    /// <summary>Records what a node picked of its part; units it did not pick become unresolved.</summary>
    /// <param name="picked">Units picked per SKU (repeated SKUs add up; zero quantities mean nothing picked).</param>
    public IOrderEvent PickPart(string nodeId, IReadOnlyList<OrderLine> picked, DateTimeOffset now)
    {
        Guard.Id(nodeId, "node");
        var part = OpenPartAt(nodeId) ?? throw new DomainException("order.no_open_part", $"order {Id} has no open part at node {nodeId}");
        var merged = Merge(picked, allowZero: true);
        foreach (var line in merged)
        {
            var held = QuantityOf(part.Lines, line.SkuId);
            Guard.That(line.Quantity <= held, "order.over_pick", $"picked {line.Quantity} of {line.SkuId} at {nodeId} but the part holds {held}");
        }
        var shortLines = part.Lines.Select(l => new OrderLine(l.SkuId, l.Quantity - QuantityOf(merged, l.SkuId))).Where(l => l.Quantity > 0).ToArray();
        return Step(new OrderPartPicked(nodeId, part.ReservationId, merged, shortLines, now));
    }

    /// <summary>Records unresolved units reserved at another node, as a new part there.</summary>
    public IOrderEvent Reallocate(string nodeId, string reservationId, IReadOnlyList<OrderLine> lines, DateTimeOffset now)
    {
        Guard.Id(nodeId, "node");
        Guard.Id(reservationId, "reservation");
        Guard.That(_parts.TrueForAll(p => p.NodeId != nodeId), "order.node_has_part", $"order {Id} already has a part at node {nodeId}");
        Guard.That(_parts.TrueForAll(p => p.ReservationId != reservationId), "order.reservation_reused", $"reservation {reservationId} already holds a part of order {Id}");
        var merged = Merge(lines, allowZero: false);
        Guard.That(merged.Length > 0, "order.lines", "a reallocation needs at least one line");
        CheckWithinUnresolved(merged);
        return Step(new OrderReallocated(nodeId, reservationId, merged, now));
    }

    /// <summary>Marks unresolved units short: no node can supply them.</summary>
    public IOrderEvent MarkShort(IReadOnlyList<OrderLine> lines, DateTimeOffset now)
    {
        var merged = Merge(lines, allowZero: false);
        Guard.That(merged.Length > 0, "order.lines", "marking short needs at least one line");
        CheckWithinUnresolved(merged);
        return Step(new OrderLinesShorted(merged, now));
    }

    /// <summary>Moves a fully picked order to Picked, with what every node picked and the lines marked short.</summary>
    public IOrderEvent CompletePick(DateTimeOffset now)
    {
        Guard.That(OrderStateMachine.CanMove(Status, OrderStatus.Picked), "order.illegal_transition", $"order {Id} cannot move from {Status} to {OrderStatus.Picked}");
        Guard.That(IsPickComplete, "order.pick_incomplete", $"order {Id} still has open parts or unresolved units");
        var picked = _parts.SelectMany(p => p.Picked!.Where(l => l.Quantity > 0).Select(l => new Allocation(p.NodeId, l.SkuId, l.Quantity))).ToArray();
        return ConfirmPick(picked, ShortLines, now);
    }

    /// <summary>Units per SKU that a node was short of and that are neither re-sourced nor marked short yet.</summary>
    public IReadOnlyList<OrderLine> Unresolved()
    {
        var result = new List<OrderLine>();
        foreach (var line in Merge(Lines, allowZero: false))
        {
            var accounted = QuantityOf(ShortLines, line.SkuId);
            foreach (var part in _parts) accounted += QuantityOf(part.Picked ?? part.Lines, line.SkuId);
            if (line.Quantity > accounted) result.Add(new OrderLine(line.SkuId, line.Quantity - accounted));
        }
        return result;
    }

    private static bool IsStep(IOrderEvent e) => e is OrderPartPicked or OrderReallocated or OrderLinesShorted;

    private IOrderEvent Step(IOrderEvent e)
    {
        Guard.That(OrderStateMachine.TakesSteps(Status), "order.illegal_transition", $"order {Id} takes no pick steps while {Status}");
        Raise(e);
        return e;
    }

    private void CheckWithinUnresolved(IReadOnlyList<OrderLine> lines)
    {
        var unresolved = Unresolved();
        foreach (var line in lines)
        {
            var open = QuantityOf(unresolved, line.SkuId);
            Guard.That(line.Quantity <= open, "order.over_allocation", $"{line.Quantity} of {line.SkuId} exceeds the {open} unresolved units of order {Id}");
        }
    }

    /// <summary>Keeps the parts in step with the journal: placement makes one part per node under the order's id.</summary>
    private void ApplyPicking(IOrderEvent e)
    {
        switch (e)
        {
            case OrderAllocated a:
                _parts.Clear();
                // One part per node, in the order the nodes first appear.
                var lines = new List<OrderLine>(a.Allocations.Count);
                for (var i = 0; i < a.Allocations.Count; i++)
                {
                    var nodeId = a.Allocations[i].NodeId;
                    if (HasPartAt(nodeId)) continue;
                    lines.Clear();
                    for (var j = i; j < a.Allocations.Count; j++)
                        if (a.Allocations[j].NodeId == nodeId) lines.Add(new OrderLine(a.Allocations[j].SkuId, a.Allocations[j].Quantity));
                    _parts.Add(new OrderPart(nodeId, Id, Merge(lines, allowZero: false), null));
                }
                break;
            case OrderPartPicked p:
                var index = _parts.FindIndex(x => x.NodeId == p.NodeId && x.IsOpen);
                Guard.That(index >= 0 && _parts[index].ReservationId == p.ReservationId, "order.history", $"no open part {p.ReservationId} at node {p.NodeId}");
                _parts[index] = _parts[index] with { Picked = p.Picked };
                break;
            case OrderReallocated r:
                _parts.Add(new OrderPart(r.NodeId, r.ReservationId, r.Lines, null));
                Allocations = [.. Allocations, .. r.Lines.Select(l => new Allocation(r.NodeId, l.SkuId, l.Quantity))];
                break;
            case OrderLinesShorted s:
                ShortLines = Merge([.. ShortLines, .. s.Lines], allowZero: false);
                break;
        }
    }

    private bool HasPartAt(string nodeId)
    {
        for (var i = 0; i < _parts.Count; i++)
            if (_parts[i].NodeId == nodeId) return true;
        return false;
    }

    private static int QuantityOf(IReadOnlyList<OrderLine> lines, string skuId)
    {
        var units = 0;
        for (var i = 0; i < lines.Count; i++)
            if (lines[i].SkuId == skuId) units += lines[i].Quantity;
        return units;
    }

    /// <summary>One line per SKU, in SKU order, so that equal picks compare equal.</summary>
    public static OrderLine[] Merge(IReadOnlyList<OrderLine> lines, bool allowZero)
    {
        Guard.That(lines.Count <= Limits.MaxLinesPerOrder, "order.lines", $"at most {Limits.MaxLinesPerOrder} lines");
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            Guard.Id(line.SkuId, "sku");
            Guard.That(line.Quantity >= (allowZero ? 0 : 1) && line.Quantity <= Limits.MaxQuantityPerLine, "order.quantity",
                $"quantity {line.Quantity} of {line.SkuId} is outside {(allowZero ? 0 : 1)}..{Limits.MaxQuantityPerLine}");
        }
        // Sort by SKU, then add up runs of one SKU; loops, not LINQ, because every placement merges its parts.
        var sorted = new OrderLine[lines.Count];
        for (var i = 0; i < sorted.Length; i++) sorted[i] = lines[i];
        Array.Sort(sorted, static (x, y) => string.CompareOrdinal(x.SkuId, y.SkuId));
        var merged = new List<OrderLine>(sorted.Length);
        for (var i = 0; i < sorted.Length;)
        {
            var skuId = sorted[i].SkuId;
            var units = 0;
            for (; i < sorted.Length && sorted[i].SkuId == skuId; i++) units = checked(units + sorted[i].Quantity);
            if (units > 0) merged.Add(new OrderLine(skuId, units));
        }
        return [.. merged];
    }
}
