using Microchain.Domain.Catalog;
using Microchain.Domain.Customers;
using Microchain.Domain.Dispatch;
using Microchain.Domain.Fleet;
using Microchain.Domain.Supply;
using Microchain.Domain.Validation;

namespace Microchain.Domain.Network;

/// <summary>A whole network: where stock sits, what is sold, who buys it, who supplies it, and who delivers it.</summary>
public sealed record NetworkModel
{
    public required string Name { get; init; }
    public IReadOnlyList<Node> Nodes { get; init; } = [];
    public IReadOnlyList<Sku> Skus { get; init; } = [];
    public IReadOnlyList<Component> Components { get; init; } = [];
    public IReadOnlyList<Segment> Segments { get; init; } = [];
    public IReadOnlyList<Customer> Customers { get; init; } = [];
    public IReadOnlyList<Supplier> Suppliers { get; init; } = [];
    public IReadOnlyList<SupplierContract> Contracts { get; init; } = [];
    public IReadOnlyList<Vehicle> Vehicles { get; init; } = [];

    /// <summary>The tenant's order validation rules.</summary>
    public OrderRules OrderRules { get; init; } = OrderRules.Default;

    /// <summary>The tenant's sourcing strategy and cost-to-serve weights.</summary>
    public SourcingPolicy SourcingPolicy { get; init; } = SourcingPolicy.Default;

    /// <summary>The tenant's dispatch waves per node.</summary>
    public DispatchPolicy Dispatch { get; init; } = DispatchPolicy.Default;
    /// <summary>The tenant's replenishment runs: schedule and policy parameters.</summary>
    public ReplenishmentSettings Replenishment { get; init; } = ReplenishmentSettings.Default;
    /// <summary>
    /// SKUs each node stocks, by node id, where an assortment is set; a node absent here stocks everything it holds.
    /// Kept by the runtime (journal), not in the network file; sourcing never takes a SKU from a node that excludes it.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Assortments { get; init; } = NoAssortments;

    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> NoAssortments = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);

    public Node? FindNode(string id) => Nodes.FirstOrDefault(n => n.Id == id);

    /// <summary>Whether the node's assortment admits the SKU (true when the node has no assortment).</summary>
    public bool Stocks(string nodeId, string skuId) => !Assortments.TryGetValue(nodeId, out var skus) || skus.Contains(skuId);
}
