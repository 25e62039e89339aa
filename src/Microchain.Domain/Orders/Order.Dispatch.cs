using Microchain.Domain.Geo;

namespace Microchain.Domain.Orders;

/// <summary>Dispatch waves: an order leaves on a wave's route with an ETA, and a failed home delivery may come back for a locker.</summary>
public sealed partial class Order
{
    /// <summary>Units picked per node (set when the order moves to Picked): what goes back to stock when delivery fails.</summary>
    public IReadOnlyList<Allocation> Picked { get; private set; } = [];

    /// <summary>The latest dispatch of the order, with its wave, vehicle, stop and ETA window when a wave sent it.</summary>
    public OrderDispatched? LastDispatch { get; private set; }

    /// <summary>Leaves on stop <paramref name="stop"/> of a wave's route; the estimated arrival is the start of the ETA window.</summary>
    public IOrderEvent DispatchInWave(WaveStop stop, DateTimeOffset now)
    {
        Guard.Id(stop.WaveId, "wave");
        Guard.Id(stop.VehicleId, "vehicle");
        Guard.That(stop.Stop >= 1 && stop.EtaWindow.End >= stop.EtaWindow.Start, "order.dispatch", "a wave stop is numbered from 1 and its ETA window must not end before it starts");
        return Move(OrderStatus.Dispatched, new OrderDispatched($"{stop.WaveId}/{stop.VehicleId}", stop.EtaWindow.Start, now, stop));
    }

    /// <summary>
    /// A home delivery failed and the order goes to locker <paramref name="lockerId"/> instead: it is picked again,
    /// ready for the next wave. An order already bound for a locker cannot be redirected.
    /// </summary>
    public IOrderEvent RedirectToLocker(string lockerId, GeoPoint lockerLocation, string reason, DateTimeOffset now)
    {
        Guard.Id(lockerId, "locker");
        Guard.That(LockerId is null, "order.redirect", $"order {Id} already goes to locker {LockerId}");
        Guard.That(!string.IsNullOrWhiteSpace(reason), "order.reason", "a redirect needs the reason the delivery failed");
        Guard.That(OrderStateMachine.CanMove(Status, OrderStatus.Picked), "order.illegal_transition", $"order {Id} cannot move from {Status} to {OrderStatus.Picked}");
        var e = new OrderRedirected(lockerId, lockerLocation, reason, now);
        Raise(e);
        return e;
    }

    private void ApplyDispatch(IOrderEvent e)
    {
        switch (e)
        {
            case OrderPicked p: Picked = p.Picked; break;
            case OrderDispatched d: LastDispatch = d; break;
            case OrderRedirected r: (LockerId, LastDispatch) = (r.LockerId, null); break;
        }
    }
}
