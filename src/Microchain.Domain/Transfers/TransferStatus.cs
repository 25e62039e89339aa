namespace Microchain.Domain.Transfers;

/// <summary>Shipped → in transit → partially received → closed (in full, or short with discrepancies).</summary>
public enum TransferStatus
{
    /// <summary>Off the source's shelves; the destination does not count it as in transit yet.</summary>
    Shipped,
    InTransit,
    PartiallyReceived,
    Closed,
}
