using Microchain.Domain.Catalog;
using Microchain.Domain.Customers;
using Microchain.Domain.Geo;

namespace Microchain.Planning.Sourcing;

/// <summary>One line to source: units of a SKU, with the zone and unit volume that constrain how it travels.</summary>
public readonly record struct SourcingLine(string SkuId, int Quantity, TemperatureZone Zone = TemperatureZone.Ambient, int VolumeMilliliters = 0);

/// <summary>An order to be sourced: what, where to, for which segment and under which promise.</summary>
public sealed record SourcingRequest(
    string OrderId,
    IReadOnlyList<SourcingLine> Lines,
    GeoPoint DeliverTo,
    string SegmentId,
    ServicePromise Promise)
{
    /// <summary>Total units over all lines.</summary>
    public int TotalUnits => Lines.Sum(l => l.Quantity);
}
