using Microchain.Domain.Inventory;

namespace Microchain.Runtime.Nodes;

/// <summary>
/// A node's stock, owned by one virtual actor keyed "tenant/nodeId". Calls are serialized by the grain, so two
/// reservations never race on the same units; the journal's version check guards against a second activation.
/// </summary>
[Alias("Microchain.Runtime.Nodes.INodeGrain")]
public interface INodeGrain : IGrainWithStringKey
{
    [Alias("GetStock")]
    Task<StockPage> GetStock(int offset, int limit, CancellationToken cancellationToken);

    [Alias("GetPosition")]
    Task<StockRow?> GetPosition(string skuId, CancellationToken cancellationToken);

    /// <summary>Available-to-promise of the given SKUs (0 for unknown ones) and the units reserved but not yet picked.</summary>
    [Alias("GetAvailability")]
    Task<NodeAvailability> GetAvailability(IReadOnlyList<string> skuIds, CancellationToken cancellationToken);

    [Alias("SetLevels")]
    Task<CommandOutcome> SetLevels(IReadOnlyList<StockLevelCommand> levels, string reference, CancellationToken cancellationToken);

    [Alias("Receive")]
    Task<CommandOutcome> Receive(string skuId, int quantity, string reference, CancellationToken cancellationToken);

    [Alias("Adjust")]
    Task<CommandOutcome> Adjust(string skuId, int delta, string reasonCode, CancellationToken cancellationToken);

    [Alias("Count")]
    Task<CommandOutcome> Count(string skuId, int counted, CancellationToken cancellationToken);

    [Alias("Reserve")]
    Task<ReserveOutcome> Reserve(string reservationId, [Immutable] IReadOnlyList<StockLine> lines, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Reserves as <see cref="Reserve"/> does, but when <paramref name="writer"/> is this grain's own journal writer
    /// (<see cref="Journal.IEventJournal.WriterId"/>), answers as soon as the reservation's append is queued, with its
    /// ticket: the caller's own append must follow that ticket, and is then acknowledged only with the reservation
    /// durable. With another writer it answers once durable, with no ticket.
    /// </summary>
    [Alias("ReserveQueued")]
    Task<ReserveOutcome> ReserveQueued(string reservationId, [Immutable] IReadOnlyList<StockLine> lines, DateTimeOffset expiresAt, Guid writer, CancellationToken cancellationToken);

    [Alias("Release")]
    Task<CommandOutcome> Release(string reservationId, string reason, CancellationToken cancellationToken);

    /// <summary>Judges expired reservations against their orders now (a timer also does this every 15 s); returns how many changed.</summary>
    [Alias("SweepExpired")]
    Task<int> SweepExpired(CancellationToken cancellationToken);

    /// <summary>Puts picked units back on hand (a failed delivery); the same <paramref name="returnId"/> again changes nothing.</summary>
    [Alias("ReturnStock")]
    Task<CommandOutcome> ReturnStock(string returnId, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken);

    [Alias("Pick")]
    Task<CommandOutcome> Pick(string reservationId, IReadOnlyList<StockLine> picked, CancellationToken cancellationToken);
}
