using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Nodes;

namespace Microchain.Runtime.Orders;

/// <summary>Compensating releases of reservations an order holds at node grains.</summary>
internal static class NodeReleases
{
    /// <summary>Releases each (node, reservation) pair; best effort: what is not released now expires and is swept.</summary>
    public static async Task ReleaseQuietlyAsync(IGrainFactory grains, string tenant, IEnumerable<(string NodeId, string ReservationId)> held, string reason)
    {
        try
        {
            await Task.WhenAll(held.Select(h => grains.GetGrain<INodeGrain>(GrainKey.Compose(tenant, h.NodeId)).Release(h.ReservationId, reason, CancellationToken.None)));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Compensation is best effort: what is not released now expires and is swept (see ReservationSweep).
        }
    }
}
