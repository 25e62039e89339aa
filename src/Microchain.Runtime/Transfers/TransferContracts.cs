using Microchain.Domain.Inventory;
using Microchain.Domain.Transfers;

namespace Microchain.Runtime.Transfers;

/// <summary>Ships stock from one node to another; the transfer id (the grain key) makes a retry land on the same transfer.</summary>
public sealed record ShipTransfer(string FromNodeId, string ToNodeId, IReadOnlyList<StockLine> Lines, string? Reference);

/// <summary>Closes a transfer short: a reason per SKU still in transit, or one for all of them.</summary>
public sealed record CloseTransfer(IReadOnlyDictionary<string, string> ReasonBySku, string? Reason);

public enum TransferResult
{
    /// <summary>Done now.</summary>
    Done,
    /// <summary>The same request was done before: the transfer as it is now.</summary>
    Replayed,
    /// <summary>The id (transfer or receipt) was used before with another request: nothing done.</summary>
    KeyReused,
    /// <summary>Refused with a stable code; nothing changed.</summary>
    Refused,
    NotFound,
}

public sealed record TransferOutcome(TransferResult Result, TransferView? Transfer, string? ErrorCode = null, string? Message = null);

/// <summary>One line of a transfer: shipped = received + in transit + written off.</summary>
public sealed record TransferLineView(string SkuId, int Shipped, int Received, int InTransit, int WrittenOff, string? Reason);

/// <summary>A transfer as the API shows it, with its full event history.</summary>
public sealed record TransferView(
    string TransferId,
    TransferStatus Status,
    string FromNodeId,
    string ToNodeId,
    string Reference,
    DateTimeOffset ShippedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<TransferLineView> Lines,
    IReadOnlyList<TransferDiscrepancy> Discrepancies,
    IReadOnlyList<ITransferEvent> History)
{
    public static TransferView Of(Transfer t) => new(t.Id, t.Status, t.FromNodeId, t.ToNodeId, t.Reference, t.ShippedAt, t.UpdatedAt,
        t.Lines.Select(l =>
        {
            var writeOff = t.Discrepancies.FirstOrDefault(d => d.SkuId == l.SkuId);
            return new TransferLineView(l.SkuId, l.Quantity, t.ReceivedOf(l.SkuId), t.OpenOf(l.SkuId), writeOff.Quantity, writeOff.Reason);
        }).ToArray(),
        t.Discrepancies, t.History.ToArray());
}
