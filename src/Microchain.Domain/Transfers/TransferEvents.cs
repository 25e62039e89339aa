using System.Text.Json.Serialization;
using Microchain.Domain.Inventory;

namespace Microchain.Domain.Transfers;

/// <summary>Everything that happens to one transfer; its journal stream is a sequence of these.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(TransferShipped), "transfer-shipped")]
[JsonDerivedType(typeof(TransferInTransit), "transfer-in-transit")]
[JsonDerivedType(typeof(TransferReceiptRecorded), "transfer-receipt-recorded")]
[JsonDerivedType(typeof(TransferClosed), "transfer-closed")]
public interface ITransferEvent
{
    DateTimeOffset At { get; }
}

/// <summary>The source node took the lines off its shelves.</summary>
public sealed record TransferShipped(string TransferId, string FromNodeId, string ToNodeId, IReadOnlyList<StockLine> Lines, string Reference, DateTimeOffset At)
    : ITransferEvent;

/// <summary>The destination node counts the lines as in transit to it.</summary>
public sealed record TransferInTransit(DateTimeOffset At) : ITransferEvent;

/// <summary>Units of one receipt went from in transit to on hand at the destination.</summary>
public sealed record TransferReceiptRecorded(string ReceiptId, IReadOnlyList<StockLine> Lines, DateTimeOffset At) : ITransferEvent;

/// <summary>The transfer is over; what was never received is written off per line (empty when all arrived).</summary>
public sealed record TransferClosed(IReadOnlyList<TransferDiscrepancy> Discrepancies, DateTimeOffset At) : ITransferEvent;
