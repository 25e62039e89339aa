using Microchain.Domain.Network;

namespace Microchain.Server.Networks;

/// <summary>The network each tenant runs, held in memory for reads; stock lives in the node grains.</summary>
public sealed class NetworkCatalog
{
    private readonly Dictionary<string, NetworkModel> _byTenant = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Set(string tenant, NetworkModel network)
    {
        lock (_lock) _byTenant[tenant] = network;
    }

    /// <summary>Every tenant with a network, in name order.</summary>
    public IReadOnlyList<string> Tenants()
    {
        lock (_lock) return [.. _byTenant.Keys.Order(StringComparer.Ordinal)];
    }

    public NetworkModel? Get(string tenant)
    {
        lock (_lock) return _byTenant.GetValueOrDefault(tenant);
    }
}
