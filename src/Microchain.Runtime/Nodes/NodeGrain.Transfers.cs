using Microchain.Domain.Inventory;
using Microchain.Domain.Transfers;

namespace Microchain.Runtime.Nodes;

/// <summary>Transfer steps: decided by <see cref="NodeStock"/> and journalled through the same group-commit queue as every other command.</summary>
public sealed partial class NodeGrain : INodeTransfers
{
    public Task<CommandOutcome> ShipTransfer(string transferId, string toNodeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken cancellationToken) =>
        Run(now => _stock.ShipTransfer(transferId, toNodeId, lines, reference, now), cancellationToken);

    public Task<CommandOutcome> ExpectTransfer(string transferId, string fromNodeId, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken) =>
        Run(now => _stock.ExpectTransfer(transferId, fromNodeId, lines, now), cancellationToken);

    public Task<CommandOutcome> ReceiveTransfer(string transferId, string receiptId, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken) =>
        Run(now => _stock.ReceiveTransfer(transferId, receiptId, lines, now), cancellationToken);

    public Task<CommandOutcome> CloseTransfer(string transferId, IReadOnlyList<TransferDiscrepancy> discrepancies, CancellationToken cancellationToken) =>
        Run(now => _stock.CloseTransfer(transferId, discrepancies, now), cancellationToken);

    public async Task<InboundTransfer?> GetInboundTransfer(string transferId, CancellationToken cancellationToken)
    {
        if (!_reloading.IsCompleted) await _reloading;
        return _stock.InboundTransferOf(transferId);
    }
}
