using Microchain.Domain.Geo;

namespace Microchain.Planning.Sourcing;

/// <summary>
/// A node that may fill (part of) an order, with its live state: available-to-promise per SKU (only the order's
/// SKUs need be present; a missing SKU counts as 0), pick cost, and how busy its pickers are.
/// </summary>
/// <param name="NodeId">The node.</param>
/// <param name="Location">Where vans leave from.</param>
/// <param name="Atp">Units available to promise per SKU id.</param>
/// <param name="PickCostCentsPerUnit">Variable pick cost.</param>
/// <param name="PickCapacityPerHour">Units the node can pick per hour; 0 = cannot pick, never chosen.</param>
/// <param name="QueuedUnits">Units already waiting to be picked (the node's load).</param>
/// <param name="DaysOfCover">Optional days of cover per SKU at the current ATP; drives the stock-balancing penalty.</param>
/// <param name="NotStocked">SKUs of the order the node's assortment excludes (their ATP is left out); named in the explanation.</param>
public sealed record NodeCandidate(
    string NodeId,
    GeoPoint Location,
    IReadOnlyDictionary<string, int> Atp,
    long PickCostCentsPerUnit,
    int PickCapacityPerHour,
    int QueuedUnits = 0,
    IReadOnlyDictionary<string, double>? DaysOfCover = null,
    IReadOnlyList<string>? NotStocked = null)
{
    /// <summary>Units of <paramref name="skuId"/> available here; 0 when unknown.</summary>
    public int AtpOf(string skuId) => Atp.TryGetValue(skuId, out var units) ? Math.Max(0, units) : 0;

    /// <summary>Whether the node can pick at all.</summary>
    public bool CanPick => PickCapacityPerHour > 0;
}
