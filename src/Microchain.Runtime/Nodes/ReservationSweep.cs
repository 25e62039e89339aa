using Microchain.Domain.Orders;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;
using Microchain.Runtime.Orders;

namespace Microchain.Runtime.Nodes;

/// <summary>What to do with a reservation whose expiry has come.</summary>
public enum ExpiryVerdict
{
    /// <summary>Its order does not hold it (voided, rejected, cancelled, allocated elsewhere): give the units back.</summary>
    Release,
    /// <summary>Its order is allocated here and not yet picked: keep holding.</summary>
    Extend,
    /// <summary>Undecided this time (a concurrent writer moved the order): look again at the next sweep.</summary>
    Skip,
}

/// <summary>
/// Decides the fate of an expired reservation from its order's journal. An order stream that does not exist yet is
/// claimed with <see cref="OrderVoided"/> before the units are released, so a capture still in flight conflicts on
/// the stream's version and can never allocate released stock.
/// </summary>
public static class ReservationSweep
{
    public static async Task<ExpiryVerdict> JudgeAsync(IEventJournal journal, string tenant, string nodeId, string reservationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (OrderIds.OrderOf(reservationId) is not { } orderId) return ExpiryVerdict.Release;
        var stream = new GrainJournal<IOrderEvent>(journal, "order/" + GrainKey.Compose(tenant, orderId));
        var history = await stream.ReadNewAsync(0, cancellationToken);
        // A re-sourcing reservation is made only for a recorded order: with no order there is nothing to claim.
        if (history.Count == 0 && orderId != reservationId) return ExpiryVerdict.Release;
        if (history.Count == 0)
        {
            try
            {
                await stream.AppendAsync([new OrderVoided("reservation expired before the order was captured", now)], cancellationToken);
                return ExpiryVerdict.Release;
            }
            catch (JournalConcurrencyException)
            {
                return ExpiryVerdict.Skip;
            }
        }
        if (history[0] is OrderVoided) return ExpiryVerdict.Release;
        var order = Order.Replay(history);
        // Held while its part at this node is open; a picked part or a re-sourcing attempt never recorded lets go.
        return order.Status == OrderStatus.Allocated && order.OpenPartAt(nodeId)?.ReservationId == reservationId ? ExpiryVerdict.Extend : ExpiryVerdict.Release;
    }
}
