using Microchain.Domain;
using Microchain.Domain.Inventory;
using Microchain.Domain.Orders;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;
using Microchain.Runtime.Nodes;

namespace Microchain.Runtime.Orders;

/// <summary>
/// A thin shell over <see cref="Order"/> once it is placed (placement is <see cref="OrderIntake"/>'s): the order's
/// journal stream is its only state; every move is decided by the domain and appended with its notifications.
/// </summary>
public sealed partial class OrderGrain(IEventJournal journal, TimeProvider time, ReservationTiming timing) : Grain, IOrderGrain
{
    /// <summary>How long a reservation waits for its order to be recorded before the node's sweep looks at it (by default).</summary>
    public static readonly TimeSpan ReservationTtl = ReservationTiming.Default.Ttl;

    private GrainJournal<IOrderEvent> _stream = null!;
    private Order? _order;
    private string _tenant = "";
    private string _orderId = "";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenant, _orderId) = GrainKey.Split(this.GetPrimaryKeyString());
        _stream = new GrainJournal<IOrderEvent>(journal, "order/" + this.GetPrimaryKeyString());
        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        _stream.Reset();
        var history = await _stream.ReadNewAsync(0, cancellationToken);
        _order = OrderIntake.Recorded(history);
    }

    public async Task<OrderView?> Get(CancellationToken cancellationToken)
    {
        await RefreshIfEmptyAsync(cancellationToken);
        return _order is null ? null : OrderView.Of(_order);
    }

    /// <summary>
    /// An activation that has no order yet may have been created before the order was placed (placement writes the
    /// stream without this grain, see <see cref="OrderIntake"/>): read again. Once there is an order, every later move
    /// goes through this grain, and a conflicting append reloads.
    /// </summary>
    private async Task RefreshIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (_order is null) await LoadAsync(cancellationToken);
    }

    public async Task<CommandOutcome> Cancel(string reason, CancellationToken cancellationToken)
    {
        await RefreshIfEmptyAsync(cancellationToken);
        if (_order is null) return CommandOutcome.Refused("order.not_found", "no such order");
        // The first allocation is held under the order id, each re-sourced part under its own reservation id.
        var held = _order.Allocations.Select(a => (a.NodeId, ReservationId: _orderId))
            .Concat(_order.Parts.Select(p => (p.NodeId, p.ReservationId)))
            .Distinct().ToArray();
        try
        {
            var e = _order.Cancel(reason, time.GetUtcNow());
            await AppendAsync([e], cancellationToken);
        }
        catch (DomainException ex)
        {
            return CommandOutcome.Refused(ex.Code, ex.Message);
        }
        catch
        {
            await LoadAsync(CancellationToken.None);
            throw;
        }
        // After the cancellation is durable; a release lost here is done by the node's sweep at expiry.
        await ReleaseAsync(held, "order cancelled");
        return CommandOutcome.Done;
    }

    private async Task AppendAsync(IReadOnlyList<IOrderEvent> events, CancellationToken cancellationToken) =>
        await _stream.AppendAsync(events, OrderNotification.OutboxOf(_tenant, _orderId, events, _stream.Version), cancellationToken);

    private Task ReleaseAsync(IEnumerable<(string NodeId, string ReservationId)> held, string reason) =>
        NodeReleases.ReleaseQuietlyAsync(GrainFactory, _tenant, held, reason);

    private INodeGrain Node(string nodeId) => GrainFactory.GetGrain<INodeGrain>(GrainKey.Compose(_tenant, nodeId));
}
