using System.Runtime.CompilerServices;
using Microchain.Domain.Catalog;
using Microchain.Domain.Customers;
using Microchain.Domain.Network;

namespace Microchain.Domain.Validation;

/// <summary>
/// The look-ups validation needs, indexed once per network so that validating an order costs dictionary
/// hits per line rather than scans of the catalog. Immutable and safe to share between threads.
/// </summary>
public sealed class ValidationContext
{
    private static readonly ConditionalWeakTable<NetworkModel, ValidationContext> Cache = new();

    private ValidationContext(NetworkModel network)
    {
        Network = network;
        var skus = new Dictionary<string, Sku>(network.Skus.Count, StringComparer.Ordinal);
        foreach (var sku in network.Skus) skus.TryAdd(sku.Id, sku);
        var customers = new Dictionary<string, Customer>(network.Customers.Count, StringComparer.Ordinal);
        foreach (var customer in network.Customers) customers.TryAdd(customer.Id, customer);
        var nodes = new Dictionary<string, Node>(network.Nodes.Count, StringComparer.Ordinal);
        foreach (var node in network.Nodes) nodes.TryAdd(node.Id, node);
        (Skus, Customers, Nodes) = (skus, customers, nodes);
        FulfilmentNodes = network.Nodes
            .Where(n => n.IsOpen && n.Kind is not (NodeKind.Locker or NodeKind.Supplier))
            .OrderBy(n => n.Id, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The network the indexes were built from.</summary>
    public NetworkModel Network { get; }

    /// <summary>SKUs by id (first wins on a duplicate id; network validation reports duplicates).</summary>
    public IReadOnlyDictionary<string, Sku> Skus { get; }

    /// <summary>Customers by id.</summary>
    public IReadOnlyDictionary<string, Customer> Customers { get; }

    /// <summary>All nodes by id, lockers included.</summary>
    public IReadOnlyDictionary<string, Node> Nodes { get; }

    /// <summary>Open nodes that pick and deliver orders (not lockers, not suppliers), ordered by id.</summary>
    public IReadOnlyList<Node> FulfilmentNodes { get; }

    /// <summary>Builds the indexes for <paramref name="network"/>, or returns the ones already built for this instance.</summary>
    public static ValidationContext For(NetworkModel network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return Cache.GetValue(network, static n => new ValidationContext(n));
    }
}
