using System.Text.Json.Serialization;

namespace Microchain.Domain.Geo;

/// <summary>A WGS84 position in degrees.</summary>
public readonly record struct GeoPoint
{
    // A struct always has a parameterless constructor, which System.Text.Json would pick and leave (0, 0):
    // journals carrying positions (OrderCaptured) must read back the coordinates they wrote.
    [JsonConstructor]
    public GeoPoint(double lat, double lon)
    {
        Guard.That(lat is >= -90 and <= 90 && !double.IsNaN(lat), "geo.latitude", $"latitude {lat} is outside [-90, 90]");
        Guard.That(lon is >= -180 and <= 180 && !double.IsNaN(lon), "geo.longitude", $"longitude {lon} is outside [-180, 180]");
        Lat = lat;
        Lon = lon;
    }

    public double Lat { get; }
    public double Lon { get; }

    private const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Great-circle distance in meters (haversine).</summary>
    public double HaversineMetersTo(GeoPoint other)
    {
        var dLat = DegreesToRadians(other.Lat - Lat);
        var dLon = DegreesToRadians(other.Lon - Lon);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(DegreesToRadians(Lat)) * Math.Cos(DegreesToRadians(other.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180;

    public override string ToString() => FormattableString.Invariant($"({Lat:F6}, {Lon:F6})");
}
