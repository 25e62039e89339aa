using Microchain.Domain.Catalog;

namespace Microchain.Domain.Inventory;

/// <summary>
/// A modular line held by a reservation: <see cref="Finished"/> units come from assembled stock on the shelf, the
/// other <see cref="Assembled"/> units are to be assembled from <see cref="Components"/> (per unit), whose units the
/// reservation's lines hold.
/// </summary>
public sealed record AssemblyHold(string SkuId, int Quantity, int Finished, int Assembled, int AssemblySeconds, IReadOnlyList<BomLine> Components);

/// <summary>
/// Available to promise of one SKU at a node. For a modular SKU: finished units plus the units assemblable now,
/// which is the smaller of what the components allow and the assembly capacity left in the horizon.
/// </summary>
/// <param name="Limit">What bounds the assemblable units: <c>component:{id}</c> or <c>assembly-capacity</c>; null for a plain SKU.</param>
public readonly record struct SkuAtp(string SkuId, bool Modular, int Atp, int Finished, int Assemblable, int Buildable, int CapacityLeft, string? Limit)
{
    public const string CapacityLimit = "assembly-capacity";

    public static string ComponentLimit(string componentId) => "component:" + componentId;
}

/// <summary>The node's assembly setup changed (capacity, horizon or recipes).</summary>
public sealed record AssemblyConfigured(AssemblySetup Setup, DateTimeOffset At) : INodeStockEvent;
