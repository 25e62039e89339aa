using Microchain.Domain.Customers;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;

namespace Microchain.Planning.NetworkDesign.FromData;

/// <summary>Demand at a place: orders per week of one segment (from customers, or counted from order history).</summary>
public readonly record struct DemandSample(GeoPoint Location, double OrdersPerWeek, string SegmentId);

public static class DemandSamples
{
    /// <summary>Expected demand of every customer: its segment's orders per customer per week, scaled by growth over <paramref name="years"/>.</summary>
    public static IReadOnlyList<DemandSample> FromCustomers(NetworkModel network, double years = 0)
    {
        var segments = network.Segments.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var samples = new List<DemandSample>(network.Customers.Count);
        foreach (var c in network.Customers)
        {
            if (c.Blocked || !segments.TryGetValue(c.SegmentId, out var segment)) continue;
            var rate = segment.OrdersPerCustomerPerWeek * Math.Pow(1 + segment.GrowthPerYear, years);
            if (rate > 0) samples.Add(new DemandSample(c.Location, rate, segment.Id));
        }
        return samples;
    }

    /// <summary>Demand counted from history: one order at a place is one sample; <paramref name="weeks"/> turns counts into a weekly rate.</summary>
    public static IReadOnlyList<DemandSample> FromOrders(IEnumerable<(GeoPoint Location, string SegmentId)> orders, double weeks)
    {
        if (!(weeks > 0)) throw new ArgumentOutOfRangeException(nameof(weeks), "the history must span a positive number of weeks");
        return orders.Select(o => new DemandSample(o.Location, 1 / weeks, o.SegmentId)).ToArray();
    }

    public static IReadOnlyDictionary<string, Segment> SegmentsById(NetworkModel network) =>
        network.Segments.ToDictionary(s => s.Id, StringComparer.Ordinal);
}
