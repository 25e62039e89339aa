using Microchain.Domain.Network;

namespace Microchain.Server.Networks;

/// <summary>
/// The network each tenant runs, held in memory for reads; stock lives in the node grains. Assortments come from
/// the journal (see <see cref="Assortment.AssortmentBook"/>) and are merged into the network readers get, so that
/// sourcing sees them without another read.
/// </summary>
public sealed class NetworkCatalog
{
    private readonly Dictionary<string, NetworkModel> _byTenant = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>> _assortments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NetworkModel> _merged = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Set(string tenant, NetworkModel network)
    {
        lock (_lock)
        {
            _byTenant[tenant] = network;
            Merge(tenant);
        }
    }

    /// <summary>Replaces the tenant's assortments (node id → SKU ids); nodes absent stock everything.</summary>
    public void SetAssortments(string tenant, IReadOnlyDictionary<string, IReadOnlySet<string>> assortments)
    {
        lock (_lock)
        {
            _assortments[tenant] = assortments;
            Merge(tenant);
        }
    }

    /// <summary>Every tenant with a network, in id order.</summary>
    public IReadOnlyList<string> Tenants()
    {
        lock (_lock) return [.. _byTenant.Keys.Order(StringComparer.Ordinal)];
    }

    public NetworkModel? Get(string tenant)
    {
        lock (_lock) return _merged.GetValueOrDefault(tenant);
    }

    private void Merge(string tenant)
    {
        if (!_byTenant.TryGetValue(tenant, out var network)) return;
        // A tenant without assortments reads the network exactly as set (same instance, same cached indexes).
        _merged[tenant] = _assortments.TryGetValue(tenant, out var sets) && sets.Count > 0 ? network with { Assortments = sets } : network;
    }
}
