using Microchain.Domain.Transfers;

namespace Microchain.Domain.Inventory;

/// <summary>
/// A node's side of transfers. Each step is keyed by the transfer id (and receipt id), so a step the coordinator
/// retries after a crash is recognised and decided as a no-op rather than moving stock twice.
/// The node keeps one small record per transfer it took part in; that is what makes every retry safe.
/// </summary>
public sealed partial class NodeStock
{
    private readonly Dictionary<string, OutboundTransfer> _outbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InboundTransfer> _inbound = new(StringComparer.Ordinal);

    public InboundTransfer? InboundTransferOf(string transferId) => _inbound.GetValueOrDefault(transferId);

    public OutboundTransfer? OutboundTransferOf(string transferId) => _outbound.GetValueOrDefault(transferId);

    /// <summary>Takes the lines off the shelves for another node; refused (nothing changes) if any line exceeds what is available.</summary>
    public IReadOnlyList<INodeStockEvent> ShipTransfer(string transferId, string toNodeId, IReadOnlyList<StockLine> lines, string reference, DateTimeOffset now)
    {
        Guard.Id(transferId, "transfer");
        Guard.Id(toNodeId, "node");
        var merged = Transfer.MergeLines(lines);
        if (_outbound.TryGetValue(transferId, out var known))
        {
            Guard.That(known.ToNodeId == toNodeId && known.Lines.SequenceEqual(merged), "transfer.conflict", $"transfer {transferId} was shipped with other lines");
            return [];
        }
        Guard.That(toNodeId != NodeId, "transfer.same_node", "a node cannot ship to itself");
        var shortages = merged.Where(l => l.Quantity > PositionOf(l.SkuId).Available)
            .Select(l => $"{l.SkuId}: {l.Quantity} wanted, {PositionOf(l.SkuId).Available} available").ToArray();
        Guard.That(shortages.Length == 0, "transfer.insufficient", $"node {NodeId} cannot ship: {string.Join("; ", shortages)}");
        return Raise(new TransferShippedOut(transferId, toNodeId, merged, reference, now));
    }

    /// <summary>Counts the lines as in transit to this node.</summary>
    public IReadOnlyList<INodeStockEvent> ExpectTransfer(string transferId, string fromNodeId, IReadOnlyList<StockLine> lines, DateTimeOffset now)
    {
        Guard.Id(transferId, "transfer");
        Guard.Id(fromNodeId, "node");
        var merged = Transfer.MergeLines(lines);
        if (_inbound.TryGetValue(transferId, out var known))
        {
            Guard.That(known.FromNodeId == fromNodeId && known.Lines.SequenceEqual(merged), "transfer.conflict", $"transfer {transferId} is expected with other lines");
            return [];
        }
        Guard.That(fromNodeId != NodeId, "transfer.same_node", "a node cannot ship to itself");
        foreach (var line in merged) _ = PositionOf(line.SkuId).Ship(line.Quantity); // checks every line before any applies
        return Raise(new TransferInboundRegistered(transferId, fromNodeId, merged, now));
    }

    /// <summary>Moves received units from in transit to on hand; a receipt id already applied is a no-op.</summary>
    public IReadOnlyList<INodeStockEvent> ReceiveTransfer(string transferId, string receiptId, IReadOnlyList<StockLine> lines, DateTimeOffset now)
    {
        Guard.Id(receiptId, "receipt");
        var inbound = Inbound(transferId);
        var merged = Transfer.MergeLines(lines);
        if (inbound.Receipts.FirstOrDefault(r => r.ReceiptId == receiptId) is { } known)
        {
            Guard.That(known.Lines.SequenceEqual(merged), "transfer.receipt_conflict", $"receipt {receiptId} was applied with other lines");
            return [];
        }
        Guard.That(!inbound.Closed, "transfer.closed", $"transfer {transferId} is closed");
        foreach (var line in merged)
        {
            Guard.That(line.Quantity <= inbound.OpenOf(line.SkuId), "transfer.over_receipt",
                $"receipt of {line.Quantity} {line.SkuId} exceeds the {inbound.OpenOf(line.SkuId)} in transit on transfer {transferId}");
            _ = PositionOf(line.SkuId).ReceiveInbound(line.Quantity); // capacity, checked for every line before any applies
        }
        return Raise(new TransferStockReceived(transferId, receiptId, merged, now));
    }

    /// <summary>Writes off what is still in transit; the discrepancies must be exactly the open units. Closing again is a no-op.</summary>
    public IReadOnlyList<INodeStockEvent> CloseTransfer(string transferId, IReadOnlyList<TransferDiscrepancy> discrepancies, DateTimeOffset now)
    {
        var inbound = Inbound(transferId);
        if (inbound.Closed)
        {
            Guard.That(inbound.Discrepancies.SequenceEqual(discrepancies), "transfer.closed", $"transfer {transferId} was closed otherwise");
            return [];
        }
        var open = inbound.Lines.Where(l => inbound.OpenOf(l.SkuId) > 0).Select(l => (l.SkuId, Open: inbound.OpenOf(l.SkuId))).ToArray();
        Guard.That(open.Length == discrepancies.Count && open.Zip(discrepancies).All(p => p.First.SkuId == p.Second.SkuId && p.First.Open == p.Second.Quantity),
            "transfer.discrepancy", $"closing transfer {transferId} must write off exactly what is in transit");
        return Raise(new TransferInboundClosed(transferId, discrepancies, now));
    }

    private InboundTransfer Inbound(string transferId)
    {
        Guard.Id(transferId, "transfer");
        Guard.That(_inbound.TryGetValue(transferId, out var inbound), "transfer.unknown_inbound", $"node {NodeId} expects no transfer {transferId}");
        return inbound!;
    }

    /// <summary>Applies a transfer event; false when the event is not one.</summary>
    private bool ApplyTransfer(INodeStockEvent e)
    {
        switch (e)
        {
            case TransferShippedOut s:
                foreach (var line in s.Lines) SetPosition(line.SkuId, PositionOf(line.SkuId).Adjust(-line.Quantity));
                _outbound[s.TransferId] = new OutboundTransfer(s.TransferId, s.ToNodeId, s.Lines);
                return true;
            case TransferInboundRegistered r:
                foreach (var line in r.Lines) SetPosition(line.SkuId, PositionOf(line.SkuId).Ship(line.Quantity));
                _inbound[r.TransferId] = new InboundTransfer(r.TransferId, r.FromNodeId, r.Lines, [], [], false);
                return true;
            case TransferStockReceived x:
                foreach (var line in x.Lines) SetPosition(line.SkuId, PositionOf(line.SkuId).ReceiveInbound(line.Quantity));
                var inbound = _inbound[x.TransferId] with { Receipts = [.. _inbound[x.TransferId].Receipts, x] };
                _inbound[x.TransferId] = inbound with { Closed = inbound.Lines.All(l => inbound.OpenOf(l.SkuId) == 0) };
                return true;
            case TransferInboundClosed c:
                foreach (var d in c.Discrepancies)
                {
                    var p = PositionOf(d.SkuId);
                    SetPosition(d.SkuId, new InventoryPosition(p.OnHand, p.Reserved, p.InTransit - d.Quantity, p.Capacity, p.SafetyStock));
                }
                _inbound[c.TransferId] = _inbound[c.TransferId] with { Discrepancies = c.Discrepancies, Closed = true };
                return true;
            default:
                return false;
        }
    }

    private OutboundTransfer[] OutboundSnapshot() => _outbound.Values.OrderBy(t => t.TransferId, StringComparer.Ordinal).ToArray();

    private InboundTransfer[] InboundSnapshot() => _inbound.Values.OrderBy(t => t.TransferId, StringComparer.Ordinal).ToArray();

    private void RestoreTransfers(NodeStockSnapshot snapshot)
    {
        foreach (var t in snapshot.Outbound ?? []) _outbound[t.TransferId] = t;
        foreach (var t in snapshot.Inbound ?? []) _inbound[t.TransferId] = t;
    }
}
