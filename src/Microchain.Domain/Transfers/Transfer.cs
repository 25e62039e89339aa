using Microchain.Domain.Inventory;

namespace Microchain.Domain.Transfers;

/// <summary>
/// Stock moving from one node to another. Event-sourced like the node's stock, but decisions do not apply
/// themselves: the runtime decides, has the nodes carry the move out, records the events and only then applies
/// them, so that a refusal at a node leaves the transfer as it was.
/// Invariant per line: received + written off ≤ shipped, and equal once closed.
/// </summary>
public sealed class Transfer
{
    /// <summary>Receipts of one transfer; each is an event, and a transfer's history stays small.</summary>
    public const int MaxReceipts = 200;
    public const int MaxReferenceLength = 200;

    private readonly Dictionary<string, int> _received = new(StringComparer.Ordinal);
    private readonly List<TransferReceiptRecorded> _receipts = [];
    private readonly List<ITransferEvent> _history = [];

    private Transfer(TransferShipped shipped)
    {
        Id = shipped.TransferId;
        FromNodeId = shipped.FromNodeId;
        ToNodeId = shipped.ToNodeId;
        Lines = shipped.Lines;
        Reference = shipped.Reference;
        ShippedAt = shipped.At;
        UpdatedAt = shipped.At;
        _history.Add(shipped);
    }

    public string Id { get; }
    public string FromNodeId { get; }
    public string ToNodeId { get; }
    public IReadOnlyList<StockLine> Lines { get; }
    public string Reference { get; }
    public DateTimeOffset ShippedAt { get; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public TransferStatus Status { get; private set; } = TransferStatus.Shipped;
    public IReadOnlyList<TransferDiscrepancy> Discrepancies { get; private set; } = [];
    public IReadOnlyList<TransferReceiptRecorded> Receipts => _receipts;
    public IReadOnlyList<ITransferEvent> History => _history;

    public int ReceivedOf(string skuId) => _received.GetValueOrDefault(skuId);

    /// <summary>Units of a line still in transit (0 once closed).</summary>
    public int OpenOf(string skuId) =>
        Status == TransferStatus.Closed ? 0 : Lines.FirstOrDefault(l => l.SkuId == skuId).Quantity - ReceivedOf(skuId);

    public int OpenUnits => Lines.Sum(l => OpenOf(l.SkuId));

    /// <summary>Decides a shipment: lines merged per SKU and sorted, every limit checked.</summary>
    public static TransferShipped DecideShip(string transferId, string fromNodeId, string toNodeId, IReadOnlyList<StockLine> lines, string? reference, DateTimeOffset now)
    {
        Guard.Id(transferId, "transfer");
        Guard.Id(fromNodeId, "node");
        Guard.Id(toNodeId, "node");
        Guard.That(!string.Equals(fromNodeId, toNodeId, StringComparison.Ordinal), "transfer.same_node", "a transfer needs two different nodes");
        Guard.That((reference ?? "").Length <= MaxReferenceLength, "transfer.reference", $"reference is longer than {MaxReferenceLength} characters");
        return new TransferShipped(transferId, fromNodeId, toNodeId, MergeLines(lines), reference ?? "", now);
    }

    public static Transfer Replay(IReadOnlyList<ITransferEvent> history)
    {
        Guard.That(history.Count > 0 && history[0] is TransferShipped, "transfer.history", "a transfer's history starts with its shipment");
        var transfer = new Transfer((TransferShipped)history[0]);
        for (var i = 1; i < history.Count; i++) transfer.Apply(history[i]);
        return transfer;
    }

    public static Transfer Start(TransferShipped shipped) => new(shipped);

    /// <summary>The destination now counts the lines as in transit.</summary>
    public TransferInTransit DecideInTransit(DateTimeOffset now)
    {
        Guard.That(Status == TransferStatus.Shipped, "transfer.state", $"transfer {Id} is {Status}, not shipped");
        return new TransferInTransit(now);
    }

    /// <summary>A receipt of some open units; the receipt that leaves nothing open also closes the transfer.</summary>
    public IReadOnlyList<ITransferEvent> DecideReceipt(string receiptId, IReadOnlyList<StockLine> lines, DateTimeOffset now)
    {
        Guard.Id(receiptId, "receipt");
        Guard.That(Status is TransferStatus.InTransit or TransferStatus.PartiallyReceived, "transfer.closed", $"transfer {Id} is {Status}; it takes no receipts");
        Guard.That(_receipts.All(r => r.ReceiptId != receiptId), "transfer.receipt_exists", $"receipt {receiptId} is already recorded");
        Guard.That(_receipts.Count < MaxReceipts, "transfer.too_many_receipts", $"a transfer takes at most {MaxReceipts} receipts");
        var merged = MergeLines(lines);
        foreach (var line in merged)
        {
            Guard.That(Lines.Any(l => l.SkuId == line.SkuId), "transfer.unknown_line", $"{line.SkuId} was not shipped on transfer {Id}");
            Guard.That(line.Quantity <= OpenOf(line.SkuId), "transfer.over_receipt",
                $"receipt of {line.Quantity} {line.SkuId} exceeds the {OpenOf(line.SkuId)} still in transit");
        }
        var receipt = new TransferReceiptRecorded(receiptId, merged, now);
        var leftOpen = OpenUnits - merged.Sum(l => l.Quantity);
        return leftOpen == 0 ? [receipt, new TransferClosed([], now)] : [receipt];
    }

    /// <summary>
    /// Closes short: every line with units still in transit is written off with a reason, taken per SKU from
    /// <paramref name="reasonBySku"/> or else <paramref name="defaultReason"/>.
    /// </summary>
    public TransferClosed DecideClose(IReadOnlyDictionary<string, string> reasonBySku, string? defaultReason, DateTimeOffset now)
    {
        Guard.That(Status is TransferStatus.InTransit or TransferStatus.PartiallyReceived, "transfer.closed", $"transfer {Id} is {Status}; it cannot be closed");
        foreach (var (sku, reason) in reasonBySku)
        {
            Guard.That(OpenOf(sku) > 0, "transfer.unknown_line", $"{sku} has nothing in transit on transfer {Id}");
            Guard.That(DiscrepancyReasons.All.Contains(reason), "transfer.reason", $"reason '{reason}' is not one of {string.Join(", ", DiscrepancyReasons.All)}");
        }
        Guard.That(defaultReason is null || DiscrepancyReasons.All.Contains(defaultReason), "transfer.reason",
            $"reason '{defaultReason}' is not one of {string.Join(", ", DiscrepancyReasons.All)}");
        var discrepancies = new List<TransferDiscrepancy>();
        foreach (var line in Lines)
        {
            var open = OpenOf(line.SkuId);
            if (open == 0) continue;
            var reason = reasonBySku.GetValueOrDefault(line.SkuId) ?? defaultReason;
            Guard.That(reason is not null, "transfer.reason_missing", $"{open} {line.SkuId} are still in transit: give a reason");
            discrepancies.Add(new TransferDiscrepancy(line.SkuId, open, reason!));
        }
        return new TransferClosed(discrepancies, now);
    }

    public void Apply(ITransferEvent e)
    {
        switch (e)
        {
            case TransferInTransit:
                Guard.That(Status == TransferStatus.Shipped, "transfer.state", $"transfer {Id} is {Status}, not shipped");
                Status = TransferStatus.InTransit;
                break;
            case TransferReceiptRecorded r:
                foreach (var line in r.Lines)
                {
                    Guard.That(line.Quantity <= OpenOf(line.SkuId), "transfer.over_receipt", $"receipt {r.ReceiptId} exceeds what is in transit of {line.SkuId}");
                    _received[line.SkuId] = ReceivedOf(line.SkuId) + line.Quantity;
                }
                _receipts.Add(r);
                Status = TransferStatus.PartiallyReceived;
                break;
            case TransferClosed c:
                foreach (var d in c.Discrepancies)
                    Guard.That(d.Quantity == OpenOf(d.SkuId), "transfer.discrepancy", $"write-off of {d.Quantity} {d.SkuId} is not what is in transit");
                Guard.That(OpenUnits == c.Discrepancies.Sum(d => d.Quantity), "transfer.discrepancy", $"closing transfer {Id} leaves units unaccounted for");
                Discrepancies = c.Discrepancies;
                Status = TransferStatus.Closed;
                break;
            default:
                throw new DomainException("transfer.unknown_event", $"unknown transfer event {e.GetType().Name}");
        }
        UpdatedAt = e.At;
        _history.Add(e);
    }

    /// <summary>Validates lines and merges them per SKU, sorted by SKU: the one form both transfer and nodes hold.</summary>
    public static StockLine[] MergeLines(IReadOnlyList<StockLine> lines)
    {
        Guard.That(lines.Count is > 0 and <= Limits.MaxLinesPerOrder, "transfer.lines", $"a transfer needs 1..{Limits.MaxLinesPerOrder} lines");
        foreach (var line in lines)
        {
            Guard.Id(line.SkuId, "sku");
            Guard.That(line.Quantity is > 0 and <= Limits.MaxQuantityPerLine, "transfer.quantity", $"quantity {line.Quantity} of {line.SkuId} is outside 1..{Limits.MaxQuantityPerLine}");
        }
        return lines.GroupBy(l => l.SkuId, StringComparer.Ordinal)
            .Select(g => new StockLine(g.Key, g.Sum(l => l.Quantity)))
            .OrderBy(l => l.SkuId, StringComparer.Ordinal)
            .ToArray();
    }
}
