using Microchain.Domain.Geo;
using Microchain.Domain.Orders;
using Microchain.Runtime.Nodes;

namespace Microchain.Runtime.Orders;

/// <summary>One order once placed (by <see cref="OrderIntake"/>), owned by one virtual actor keyed "tenant/orderId".</summary>
[Alias("Microchain.Runtime.Orders.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>The order, or null if it was never recorded.</summary>
    [Alias("Get")]
    Task<OrderView?> Get(CancellationToken cancellationToken);

    /// <summary>Cancels the order and releases what it holds at its nodes.</summary>
    [Alias("Cancel")]
    Task<CommandOutcome> Cancel(string reason, CancellationToken cancellationToken);

    /// <summary>Picks a node's part at the node, then records it; units the node missed are re-sourced or marked short.</summary>
    [Alias("ConfirmPick")]
    Task<PickOutcome> ConfirmPick(PickConfirmation command, CancellationToken cancellationToken);

    [Alias("Dispatch")]
    Task<CommandOutcome> Dispatch(string routeId, DateTimeOffset estimatedArrival, CancellationToken cancellationToken);

    [Alias("Deliver")]
    Task<CommandOutcome> Deliver(CancellationToken cancellationToken);

    /// <summary>Records a failed delivery, then puts the picked units back at their nodes (once, even when repeated).</summary>
    [Alias("Fail")]
    Task<CommandOutcome> Fail(string reason, CancellationToken cancellationToken);

    /// <summary>Sends a picked order out on a wave's route; the same stop again is answered as done.</summary>
    [Alias("DispatchInWave")]
    Task<CommandOutcome> DispatchInWave(WaveStop stop, CancellationToken cancellationToken);

    /// <summary>A failed home delivery goes to a locker: the order is picked again and waits for the next wave.</summary>
    [Alias("RedirectToLocker")]
    Task<CommandOutcome> RedirectToLocker(string lockerId, GeoPoint lockerLocation, string reason, CancellationToken cancellationToken);
}
