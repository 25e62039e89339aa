using Microchain.Domain.Geo;

namespace Microchain.Simulation.DemoCity;

/// <summary>
/// Flat meters around a city center (equirectangular). Within ~30 km the error is far below a street block,
/// and it makes clustering and nearest-node searches cheap.
/// </summary>
internal readonly record struct LocalFrame
{
    // The sphere of GeoPoint.HaversineMetersTo (radius 6,371,008.8 m), so nearest-node picks agree with it.
    private const double MetersPerDegreeLat = 6_371_008.8 * Math.PI / 180;
    private const double MetersPerDegreeLonAtEquator = MetersPerDegreeLat;

    public LocalFrame(GeoPoint origin)
    {
        Origin = origin;
        MetersPerDegreeLon = MetersPerDegreeLonAtEquator * Math.Cos(origin.Lat * Math.PI / 180);
    }

    public GeoPoint Origin { get; }
    private double MetersPerDegreeLon { get; }

    public (double X, double Y) ToMeters(GeoPoint p) =>
        ((p.Lon - Origin.Lon) * MetersPerDegreeLon, (p.Lat - Origin.Lat) * MetersPerDegreeLat);

    public GeoPoint ToGeo(double x, double y) =>
        new(Origin.Lat + y / MetersPerDegreeLat, Origin.Lon + x / MetersPerDegreeLon);

    public static double SquaredDistance((double X, double Y) a, (double X, double Y) b)
    {
        var dx = a.X - b.X;
        var dy = a.Y - b.Y;
        return dx * dx + dy * dy;
    }

    public static int Nearest((double X, double Y) p, ReadOnlySpan<(double X, double Y)> candidates)
    {
        var best = -1;
        var bestDistance = double.MaxValue;
        for (var i = 0; i < candidates.Length; i++)
        {
            var d = SquaredDistance(p, candidates[i]);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }
}
