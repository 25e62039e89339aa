using Microchain.Domain.Catalog;

namespace Microchain.Planning.Assortment;

/// <summary>One SKU of a node's plan: whether it is stocked, the space it takes, what it is worth, and why.</summary>
/// <param name="Change">"add", "drop", "keep" or "none" (not stocked before or after).</param>
public sealed record AssortmentLine(
    string SkuId,
    bool Stocked,
    string Change,
    TemperatureZone Zone,
    double DailyDemandUnits,
    int SpaceUnits,
    long SpaceMilliliters,
    long ValueCentsPerDay,
    string Reason);

/// <summary>Volume used and held in one zone.</summary>
public readonly record struct ZoneUse(TemperatureZone Zone, long UsedMilliliters, long CapacityMilliliters);

/// <summary>
/// A node's planned assortment. <see cref="ObjectiveCents"/> is what was maximised: value over the horizon less
/// switching costs (plus the switching cost of every current SKU, a constant that makes keeping worth its cost
/// saved); <see cref="BoundCents"/> bounds it from above, so <see cref="Gap"/> says how far from optimal it can be.
/// </summary>
public sealed record NodeAssortmentPlan(
    string NodeId,
    IReadOnlyList<string> Skus,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Dropped,
    IReadOnlyList<string> HeldBySwitchingCost,
    IReadOnlyList<AssortmentLine> Lines,
    long ValueCentsPerDay,
    long SwitchingCents,
    long ObjectiveCents,
    long BoundCents,
    double Gap,
    KnapsackStatus Status,
    int SlotsUsed,
    int Slots,
    IReadOnlyList<ZoneUse> Zones);

/// <summary>Plans of several nodes.</summary>
public sealed record AssortmentPlan(IReadOnlyList<NodeAssortmentPlan> Nodes)
{
    public long ValueCentsPerDay => Nodes.Sum(n => n.ValueCentsPerDay);

    public double MaxGap => Nodes.Count == 0 ? 0 : Nodes.Max(n => n.Gap);
}
