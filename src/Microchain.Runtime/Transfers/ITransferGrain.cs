namespace Microchain.Runtime.Transfers;

/// <summary>One transfer between two nodes, owned by one virtual actor keyed "tenant/transferId".</summary>
[Alias("Microchain.Runtime.Transfers.ITransferGrain")]
public interface ITransferGrain : IGrainWithStringKey
{
    /// <summary>Ships once; a retry with the same request resumes what a crash left undone and answers <see cref="TransferResult.Replayed"/>.</summary>
    [Alias("Ship")]
    Task<TransferOutcome> Ship(ShipTransfer command, CancellationToken cancellationToken);

    /// <summary>Records a receipt at the destination; the receipt id makes a retry a no-op.</summary>
    [Alias("Receive")]
    Task<TransferOutcome> Receive(string receiptId, IReadOnlyList<Domain.Inventory.StockLine> lines, CancellationToken cancellationToken);

    [Alias("Close")]
    Task<TransferOutcome> Close(CloseTransfer command, CancellationToken cancellationToken);

    [Alias("Get")]
    Task<TransferView?> Get(CancellationToken cancellationToken);
}
