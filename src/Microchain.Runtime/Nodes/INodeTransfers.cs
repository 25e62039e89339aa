using Microchain.Domain.Inventory;
using Microchain.Domain.Transfers;

namespace Microchain.Runtime.Nodes;

/// <summary>
/// A node's side of transfers, served by the same node grain (key "tenant/nodeId") as <see cref="INodeGrain"/>.
/// Every step is keyed by transfer id (and receipt id): a retried step is a no-op, never a second move.
/// </summary>
[Alias("Microchain.Runtime.Nodes.INodeTransfers")]
public interface INodeTransfers : IGrainWithStringKey
{
    /// <summary>Takes the lines off this node's shelves (never below what is reserved).</summary>
    [Alias("ShipTransfer")]
    Task<CommandOutcome> ShipTransfer(string transferId, string toNodeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken cancellationToken);

    /// <summary>Counts the lines as in transit to this node.</summary>
    [Alias("ExpectTransfer")]
    Task<CommandOutcome> ExpectTransfer(string transferId, string fromNodeId, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken);

    [Alias("ReceiveTransfer")]
    Task<CommandOutcome> ReceiveTransfer(string transferId, string receiptId, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken);

    [Alias("CloseTransfer")]
    Task<CommandOutcome> CloseTransfer(string transferId, IReadOnlyList<TransferDiscrepancy> discrepancies, CancellationToken cancellationToken);

    /// <summary>The transfer as this node (its destination) applied it, or null if it expects no such transfer.</summary>
    [Alias("GetInboundTransfer")]
    Task<InboundTransfer?> GetInboundTransfer(string transferId, CancellationToken cancellationToken);
}
