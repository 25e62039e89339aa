using Microchain.Domain.Network;

namespace Microchain.Simulation.DemoCity;

/// <summary>
/// A generated demo city: the network model plus what the demo and the digital twin need to draw orders and
/// start from stocked shelves. Lists named Sku* are aligned with <c>Network.Skus</c>; Customer* with <c>Network.Customers</c>.
/// </summary>
public sealed record DemoCity
{
    public required DemoCityOptions Options { get; init; }
    public required NetworkModel Network { get; init; }
    public required string CentralDcId { get; init; }
    public required IReadOnlyList<string> MfcIds { get; init; }
    public required IReadOnlyList<string> LockerIds { get; init; }
    /// <summary>The four segments with their basket shape, customer mix and window rule.</summary>
    public required IReadOnlyList<DemoSegmentProfile> SegmentProfiles { get; init; }
    public required IReadOnlyList<SkuCategory> SkuCategories { get; init; }
    /// <summary>Share of order lines each SKU draws (Zipf-like long tail); sums to 1.</summary>
    public required IReadOnlyList<double> SkuPopularity { get; init; }
    /// <summary>Expected units per day city-wide, from the segments' volumes, baskets and varieties.</summary>
    public required IReadOnlyList<double> SkuExpectedDailyUnits { get; init; }
    /// <summary>The MFC nearest each customer (the one its demand was planned at).</summary>
    public required IReadOnlyList<string> CustomerHomeMfcIds { get; init; }
    /// <summary>Initial stock of SKUs and kit components at the DC and MFCs; lockers hold none.</summary>
    public required IReadOnlyList<StockLevel> Stock { get; init; }
}
