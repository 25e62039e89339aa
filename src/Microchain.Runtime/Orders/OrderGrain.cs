using Microchain.Domain;
using Microchain.Domain.Orders;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;
using Microchain.Runtime.Nodes;

namespace Microchain.Runtime.Orders;

/// <summary>A thin shell over <see cref="Order"/>: the order's journal stream is its only state.</summary>
public sealed class OrderGrain(IEventJournal journal, TimeProvider time) : Grain, IOrderGrain
{
    private GrainJournal<IOrderEvent> _stream = null!;
    private Order? _order;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new GrainJournal<IOrderEvent>(journal, "order/" + this.GetPrimaryKeyString());
        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        _stream.Reset();
        var history = await _stream.ReadNewAsync(0, cancellationToken);
        _order = history.Count == 0 ? null : Order.Replay(history);
    }

    public async Task<OrderView> Capture(CaptureOrder command, CancellationToken cancellationToken)
    {
        if (_order is not null) return View(_order);
        var (_, orderId) = GrainKey.Split(this.GetPrimaryKeyString());
        var order = Order.Capture(orderId, command.CustomerId, command.Lines, command.DeliverTo, command.LockerId, command.Window, time.GetUtcNow());
        try
        {
            await _stream.AppendAsync(order.History, cancellationToken);
            _order = order;
        }
        catch (JournalConcurrencyException)
        {
            await LoadAsync(cancellationToken); // captured by another activation first: that one stands
        }
        return View(_order!);
    }

    public Task<OrderView?> Get(CancellationToken cancellationToken) => Task.FromResult(_order is null ? null : View(_order));

    public async Task<CommandOutcome> Cancel(string reason, CancellationToken cancellationToken)
    {
        if (_order is null) return CommandOutcome.Refused("order.not_found", "no such order");
        try
        {
            var e = _order.Cancel(reason, time.GetUtcNow());
            await _stream.AppendAsync([e], cancellationToken);
            return CommandOutcome.Done;
        }
        catch (DomainException ex)
        {
            return CommandOutcome.Refused(ex.Code, ex.Message);
        }
        catch
        {
            await LoadAsync(cancellationToken);
            throw;
        }
    }

    private static OrderView View(Order o) => new(o.Id, o.Status, o.CustomerId, o.Lines, o.DeliverTo, o.LockerId, o.RequestedWindow,
        o.Promise, o.Allocations, o.ShortLines, o.RejectionCodes, o.History.ToArray());
}
