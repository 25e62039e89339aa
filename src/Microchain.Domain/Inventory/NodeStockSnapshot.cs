namespace Microchain.Domain.Inventory;

/// <summary>One SKU's position as a snapshot row.</summary>
public sealed record PositionSnapshot(string SkuId, int OnHand, int Reserved, int InTransit, int Capacity, int SafetyStock);

/// <summary>A node's stock folded to a point in its journal, so that activation need not replay every event.</summary>
/// <remarks>Transfers, returns and assembly are optional so that snapshots written before them still load.</remarks>
public sealed record NodeStockSnapshot(string NodeId, IReadOnlyList<PositionSnapshot> Positions, IReadOnlyList<Reservation> Reservations,
    IReadOnlyList<OutboundTransfer>? Outbound = null, IReadOnlyList<InboundTransfer>? Inbound = null, IReadOnlyList<string>? ReturnIds = null)
{
    public AssemblySetup? Assembly { get; init; }
    public IReadOnlyList<StockLine>? Assembled { get; init; }
}

public sealed partial class NodeStock
{
    public NodeStockSnapshot ToSnapshot() => new(
        NodeId,
        _positions.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new PositionSnapshot(p.Key, p.Value.OnHand, p.Value.Reserved, p.Value.InTransit, p.Value.Capacity, p.Value.SafetyStock))
            .ToArray(),
        _reservations.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray(),
        OutboundSnapshot(),
        InboundSnapshot(),
        _returnOrder.ToArray())
    {
        Assembly = _assembly,
        Assembled = _assembled.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new StockLine(a.Key, (int)Math.Min(int.MaxValue, a.Value))).ToArray(),
    };

    /// <summary>Rebuilds a node's stock from a snapshot, checking every invariant on the way in.</summary>
    public static NodeStock FromSnapshot(NodeStockSnapshot snapshot)
    {
        var stock = new NodeStock(snapshot.NodeId);
        snapshot.Assembly?.Validate();
        stock._assembly = snapshot.Assembly;
        foreach (var a in snapshot.Assembled ?? []) stock._assembled[a.SkuId] = a.Quantity;
        foreach (var p in snapshot.Positions)
            stock._positions[p.SkuId] = new InventoryPosition(p.OnHand, p.Reserved, p.InTransit, p.Capacity, p.SafetyStock);
        foreach (var returnId in snapshot.ReturnIds ?? []) stock.RememberReturn(returnId);
        var reservedBySku = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var r in snapshot.Reservations)
        {
            stock._reservations[r.Id] = r;
            stock.ReservedUnits += UnitsOf(r.Lines);
            foreach (var line in r.Lines) reservedBySku[line.SkuId] = reservedBySku.GetValueOrDefault(line.SkuId) + line.Quantity;
        }
        foreach (var (skuId, position) in stock._positions)
        {
            var reserved = reservedBySku.GetValueOrDefault(skuId);
            Guard.That(reserved == position.Reserved, "stock.snapshot", $"snapshot of {snapshot.NodeId}: {skuId} reserved {position.Reserved} but reservations hold {reserved}");
        }
        stock.RestoreTransfers(snapshot);
        Guard.That(reservedBySku.Keys.All(stock._positions.ContainsKey), "stock.snapshot", $"snapshot of {snapshot.NodeId}: a reservation holds a SKU without a position");
        return stock;
    }
}
