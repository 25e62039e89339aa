using Microchain.Domain.Inventory;
using Microchain.Domain.Network;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Nodes;

namespace Microchain.Server.Networks;

/// <summary>
/// Tells every stock-holding node of a network what it can assemble (its capacity and the catalog's recipes), so that
/// its availability, reservations and picks treat modular SKUs as assembled from components. Call whenever the
/// tenant's network is set; a node whose setup is unchanged records nothing.
/// </summary>
public static class NetworkAssembly
{
    /// <summary>Nodes configured at once.</summary>
    private const int Parallelism = 16;

    public static async Task ConfigureAsync(IGrainFactory grains, string tenant, NetworkModel network, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(network);
        var nodes = network.Nodes.Where(n => n.Kind is not (NodeKind.Locker or NodeKind.Supplier)).ToArray();
        foreach (var chunk in nodes.Chunk(Parallelism))
        {
            var calls = chunk.Select(n => grains.GetGrain<INodeAssemblyGrain>(GrainKey.Compose(tenant, n.Id))
                .ConfigureAssembly(AssemblySetup.For(n, network.Skus), cancellationToken)).ToArray();
            var outcomes = await Task.WhenAll(calls);
            for (var i = 0; i < chunk.Length; i++)
                if (!outcomes[i].Succeeded) throw new InvalidOperationException($"configuring assembly at node {chunk[i].Id} failed: {outcomes[i].Message}");
        }
    }
}
