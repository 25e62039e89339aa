namespace Microchain.Simulation.DemoCity;

/// <summary>
/// Initial stock of one item at one node. <see cref="SkuId"/> names a SKU or, for nodes that assemble modular
/// products, a component (components are stocked like SKUs; a kit's availability is what its components can build).
/// </summary>
public sealed record StockLevel(string NodeId, string SkuId, int OnHand, int Capacity, int SafetyStock);
