namespace Microchain.Domain.Inventory;

/// <summary>Returns of picked units (failed deliveries), received once per return id.</summary>
public sealed partial class NodeStock
{
    /// <summary>Return ids remembered for de-duplication; a retry older than this many returns would be received again.</summary>
    public const int MaxRememberedReturns = 10_000;

    private readonly HashSet<string> _returnIds = new(StringComparer.Ordinal);
    private readonly Queue<string> _returnOrder = new();

    /// <summary>Return ids received, oldest first (kept in snapshots).</summary>
    public IReadOnlyCollection<string> ReturnIds => _returnOrder;

    /// <summary>Whether the return was received already.</summary>
    public bool HasReturn(string returnId) => _returnIds.Contains(returnId);

    /// <summary>
    /// Puts picked units back on hand. The same return id again raises nothing, so a retried failure never
    /// counts its units twice. A return may exceed the position's capacity only if it was refilled meanwhile: refused.
    /// </summary>
    public IReadOnlyList<INodeStockEvent> Return(string returnId, IReadOnlyList<StockLine> lines, DateTimeOffset now)
    {
        Guard.Id(returnId, "return");
        if (HasReturn(returnId)) return [];
        Guard.That(lines.Count is > 0 and <= Limits.MaxLinesPerOrder, "stock.lines", $"a return needs 1..{Limits.MaxLinesPerOrder} lines");
        foreach (var line in lines)
        {
            Guard.Id(line.SkuId, "sku");
            Guard.That(line.Quantity > 0, "stock.quantity", $"return of {line.Quantity} units must be positive");
            var position = PositionOf(line.SkuId);
            Guard.That((long)position.OnHand + line.Quantity <= position.Capacity, "stock.over_capacity",
                $"returning {line.Quantity} of {line.SkuId} would exceed capacity {position.Capacity} (on hand {position.OnHand})");
        }
        return Raise(new StockReturned(returnId, lines.ToArray(), now));
    }

    private void RememberReturn(string returnId)
    {
        if (!_returnIds.Add(returnId)) return;
        _returnOrder.Enqueue(returnId);
        if (_returnOrder.Count > MaxRememberedReturns) _returnIds.Remove(_returnOrder.Dequeue());
    }
}
