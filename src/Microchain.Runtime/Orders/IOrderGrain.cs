using Microchain.Runtime.Nodes;

namespace Microchain.Runtime.Orders;

/// <summary>One order, owned by one virtual actor keyed "tenant/orderId".</summary>
[Alias("Microchain.Runtime.Orders.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Reserves and records the order once; later calls answer from the journal (see <see cref="PlacementStatus"/>).</summary>
    [Alias("Place")]
    Task<PlaceOutcome> Place(PlaceOrder command, CancellationToken cancellationToken);

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

    [Alias("Fail")]
    Task<CommandOutcome> Fail(string reason, CancellationToken cancellationToken);
}
