using Microchain.Domain.Catalog;

namespace Microchain.Planning.Assortment;

/// <summary>A SKU a node might stock, with the demand of the node's area and what serving it elsewhere costs.</summary>
/// <param name="SkuId">The SKU.</param>
/// <param name="Zone">Where it must be stored.</param>
/// <param name="DailyDemandUnits">Forecast units per day from the node's area.</param>
/// <param name="MarginCentsPerUnit">Contribution of a unit sold (price less unit cost).</param>
/// <param name="FallbackExtraCentsPerUnit">Extra cost per unit when the node's area is served from the nearest other node that stocks it; null = no other node does, the sale is lost.</param>
/// <param name="FallbackNodeId">That node, when there is one.</param>
/// <param name="UnitVolumeMilliliters">Volume of one unit.</param>
/// <param name="PackUnits">Units per pack the node is replenished in (≥ 1).</param>
/// <param name="ShelfLifeDays">Days a unit stays sellable; caps the cover; null = does not expire.</param>
public sealed record AssortmentCandidate(
    string SkuId,
    TemperatureZone Zone,
    double DailyDemandUnits,
    long MarginCentsPerUnit,
    long? FallbackExtraCentsPerUnit,
    string? FallbackNodeId,
    int UnitVolumeMilliliters,
    int PackUnits = 1,
    int? ShelfLifeDays = null);

/// <summary>What a node can hold: milliliters per zone and slots (distinct SKUs).</summary>
public readonly record struct NodeSpace(long AmbientMilliliters, long ChilledMilliliters, long FrozenMilliliters, int Slots)
{
    public long For(TemperatureZone zone) => zone switch
    {
        TemperatureZone.Ambient => AmbientMilliliters,
        TemperatureZone.Chilled => ChilledMilliliters,
        TemperatureZone.Frozen => FrozenMilliliters,
        _ => 0,
    };

    /// <summary>From a node's storage capacity in liters.</summary>
    public static NodeSpace Of(Domain.Network.StorageCapacity storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return new(checked(storage.AmbientLiters * 1000), checked(storage.ChilledLiters * 1000), checked(storage.FrozenLiters * 1000), storage.Slots);
    }
}

/// <summary>How an assortment is planned.</summary>
/// <param name="CoverDays">Days of demand a stocked SKU keeps on the shelf (its space = demand × cover, in whole packs, at least one pack).</param>
/// <param name="HorizonDays">Days the plan stands for: daily value is counted over them against the switching cost.</param>
/// <param name="SwitchCostCents">One-off cost of adding or dropping a SKU (handling, relabelling, markdowns); the hysteresis that keeps an assortment from flapping.</param>
/// <param name="Solver">Limits of the knapsack search.</param>
public sealed record AssortmentSettings(double CoverDays = 3, int HorizonDays = 7, long SwitchCostCents = 2_000, ZoneKnapsackOptions? Solver = null)
{
    public const int MaxCandidatesPerNode = 50_000;

    public static AssortmentSettings Default { get; } = new();

    public void Check()
    {
        if (!double.IsFinite(CoverDays) || CoverDays is <= 0 or > 365) throw new ArgumentException("cover days must be within (0, 365]");
        if (HorizonDays is < 1 or > 365) throw new ArgumentException("horizon days must be within 1..365");
        if (SwitchCostCents < 0) throw new ArgumentException("switching cost must not be negative");
    }
}

/// <summary>One node to plan: its space, its candidates and what it stocks now (null = no assortment set yet).</summary>
public sealed record NodeAssortmentRequest(string NodeId, NodeSpace Space, IReadOnlyList<AssortmentCandidate> Candidates, IReadOnlySet<string>? Current);
