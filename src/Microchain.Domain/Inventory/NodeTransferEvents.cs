using Microchain.Domain.Transfers;

namespace Microchain.Domain.Inventory;

/// <summary>At the source: the lines left on hand for another node (never below what is reserved).</summary>
public sealed record TransferShippedOut(string TransferId, string ToNodeId, IReadOnlyList<StockLine> Lines, string Reference, DateTimeOffset At) : INodeStockEvent;

/// <summary>At the destination: the lines are in transit to it.</summary>
public sealed record TransferInboundRegistered(string TransferId, string FromNodeId, IReadOnlyList<StockLine> Lines, DateTimeOffset At) : INodeStockEvent;

/// <summary>At the destination: units of one receipt moved from in transit to on hand.</summary>
public sealed record TransferStockReceived(string TransferId, string ReceiptId, IReadOnlyList<StockLine> Lines, DateTimeOffset At) : INodeStockEvent;

/// <summary>At the destination: units that never arrived are written off and leave in transit.</summary>
public sealed record TransferInboundClosed(string TransferId, IReadOnlyList<TransferDiscrepancy> Discrepancies, DateTimeOffset At) : INodeStockEvent;

/// <summary>A transfer as the destination node knows it: what was shipped, each receipt applied, and whether it is closed.</summary>
public sealed record InboundTransfer(
    string TransferId,
    string FromNodeId,
    IReadOnlyList<StockLine> Lines,
    IReadOnlyList<TransferStockReceived> Receipts,
    IReadOnlyList<TransferDiscrepancy> Discrepancies,
    bool Closed)
{
    public int ReceivedOf(string skuId) => Receipts.Sum(r => r.Lines.FirstOrDefault(l => l.SkuId == skuId).Quantity);

    public int OpenOf(string skuId) => Closed ? 0 : Lines.FirstOrDefault(l => l.SkuId == skuId).Quantity - ReceivedOf(skuId);
}

/// <summary>A transfer shipped from this node, kept so that a retried shipment is recognised.</summary>
public sealed record OutboundTransfer(string TransferId, string ToNodeId, IReadOnlyList<StockLine> Lines);
