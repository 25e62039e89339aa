using Microchain.Runtime.Nodes;

namespace Microchain.Runtime.Orders;

/// <summary>One order, owned by one virtual actor keyed "tenant/orderId".</summary>
[Alias("Microchain.Runtime.Orders.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Captures the order; capturing an already captured order returns it unchanged.</summary>
    [Alias("Capture")]
    Task<OrderView> Capture(CaptureOrder command, CancellationToken cancellationToken);

    /// <summary>The order, or null if it was never captured.</summary>
    [Alias("Get")]
    Task<OrderView?> Get(CancellationToken cancellationToken);

    [Alias("Cancel")]
    Task<CommandOutcome> Cancel(string reason, CancellationToken cancellationToken);
}
