using Microchain.Domain.Geo;

namespace Microchain.Simulation.DemoCity;

/// <summary>
/// Flat meters around a city center (equirectangular). Within ~30 km the error is far below a street block,
/// and it makes clustering and nearest-node searches cheap.
/// </summary>
internal readonly record struct LocalFrame
{
    private const double MetersPerDegreeLat = 110_574;
    private const double MetersPerDegreeLonAtEquator = 111_320;

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

    public static int Nearest((double X, double Y) p, IReadOnlyList<(double X, double Y)> candidates)
    {
        var best = -1;
        var bestDistance = double.MaxValue;
        for (var i = 0; i < candidates.Count; i++)
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
