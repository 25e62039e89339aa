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

    public static IReadOnlyList<DemandPoint> Aggregate(IReadOnlyList<DemandSample> samples, double cellMeters) =>
        AggregatePeriods([samples], cellMeters).Points;

    /// <summary>
    /// Aggregates several periods on one grid: the points are those of all periods together (weighted by their total),
    /// and <c>OrdersPerWeekByPeriod[t][j]</c> is point j's demand in period t.
    /// </summary>
    public static (IReadOnlyList<DemandPoint> Points, double[][] OrdersPerWeekByPeriod) AggregatePeriods(IReadOnlyList<IReadOnlyList<DemandSample>> periods, double cellMeters)
    {
        var samples = periods.SelectMany(p => p).ToArray();
        if (!(cellMeters is >= MinCellMeters and <= MaxCellMeters))
            throw new ArgumentOutOfRangeException(nameof(cellMeters), $"cell size must be within {MinCellMeters}..{MaxCellMeters} m");
        if (samples.Length == 0) return ([], periods.Select(_ => Array.Empty<double>()).ToArray());
        var originLat = samples.Min(s => s.Location.Lat);
        var originLon = samples.Min(s => s.Location.Lon);
        var metersPerDegreeLat = 111_320.0;
        var metersPerDegreeLon = 111_320.0 * Math.Cos(samples.Average(s => s.Location.Lat) * Math.PI / 180);
        var cells = new Dictionary<(long Row, long Col, string Segment), (double W, double Lat, double Lon, int N, double[] ByPeriod)>();
        for (var t = 0; t < periods.Count; t++)
        {
            foreach (var s in periods[t])
            {
                var key = ((long)Math.Floor((s.Location.Lat - originLat) * metersPerDegreeLat / cellMeters),
                           (long)Math.Floor((s.Location.Lon - originLon) * metersPerDegreeLon / cellMeters), s.SegmentId);
                if (!cells.TryGetValue(key, out var acc)) acc = (0, 0, 0, 0, new double[periods.Count]);
                acc.ByPeriod[t] += s.OrdersPerWeek;
                cells[key] = (acc.W + s.OrdersPerWeek, acc.Lat + (s.Location.Lat * s.OrdersPerWeek), acc.Lon + (s.Location.Lon * s.OrdersPerWeek), acc.N + 1, acc.ByPeriod);
            }
        }
        var kept = cells.Where(c => c.Value.W > 0)
            .OrderBy(c => c.Key.Row).ThenBy(c => c.Key.Col).ThenBy(c => c.Key.Segment, StringComparer.Ordinal).ToArray();
        var points = kept.Select(c => new DemandPoint($"D{c.Key.Row}_{c.Key.Col}_{c.Key.Segment}",
            new GeoPoint(c.Value.Lat / c.Value.W, c.Value.Lon / c.Value.W), c.Value.W / periods.Count, c.Key.Segment, c.Value.N)).ToArray();
        var byPeriod = Enumerable.Range(0, periods.Count).Select(t => kept.Select(c => c.Value.ByPeriod[t]).ToArray()).ToArray();
        return (points, byPeriod);
    }
}
