using Microchain.Domain.Geo;

namespace Microchain.Planning.NetworkDesign.FromData;

/// <summary>Demand of one grid cell and segment, at the demand-weighted centroid of its samples.</summary>
public sealed record DemandPoint(string Id, GeoPoint Location, double OrdersPerWeek, string SegmentId, int Samples);

/// <summary>
/// Aggregates demand samples to square cells (per segment, so each point keeps its segment's promise). Thousands
/// of customers become a few hundred points, which keeps exact solvers fast without moving demand far.
/// </summary>
public static class DemandGrid
{
    public const double MinCellMeters = 50, MaxCellMeters = 50_000;

    public static IReadOnlyList<DemandPoint> Aggregate(IReadOnlyList<DemandSample> samples, double cellMeters)
    {
        if (!(cellMeters is >= MinCellMeters and <= MaxCellMeters))
            throw new ArgumentOutOfRangeException(nameof(cellMeters), $"cell size must be within {MinCellMeters}..{MaxCellMeters} m");
        if (samples.Count == 0) return [];
        var originLat = samples.Min(s => s.Location.Lat);
        var originLon = samples.Min(s => s.Location.Lon);
        var metersPerDegreeLat = 111_320.0;
        var metersPerDegreeLon = 111_320.0 * Math.Cos(samples.Average(s => s.Location.Lat) * Math.PI / 180);
        var cells = new Dictionary<(long Row, long Col, string Segment), (double W, double Lat, double Lon, int N)>();
        foreach (var s in samples)
        {
            var key = ((long)Math.Floor((s.Location.Lat - originLat) * metersPerDegreeLat / cellMeters),
                       (long)Math.Floor((s.Location.Lon - originLon) * metersPerDegreeLon / cellMeters), s.SegmentId);
            cells.TryGetValue(key, out var acc);
            cells[key] = (acc.W + s.OrdersPerWeek, acc.Lat + s.Location.Lat * s.OrdersPerWeek, acc.Lon + s.Location.Lon * s.OrdersPerWeek, acc.N + 1);
        }
        return cells
            .Where(c => c.Value.W > 0)
            .OrderBy(c => c.Key.Row).ThenBy(c => c.Key.Col).ThenBy(c => c.Key.Segment, StringComparer.Ordinal)
            .Select(c => new DemandPoint($"D{c.Key.Row}_{c.Key.Col}_{c.Key.Segment}", new GeoPoint(c.Value.Lat / c.Value.W, c.Value.Lon / c.Value.W),
                c.Value.W, c.Key.Segment, c.Value.N))
            .ToArray();
    }
}
