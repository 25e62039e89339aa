namespace Microchain.Domain.Geo;

/// <summary>
/// Straight-line distance stretched by a circuity factor (roads are not straight; ~1.3 in cities),
/// divided by an average speed per vehicle kind.
/// </summary>
public sealed class HaversineTravelModel : ITravelModel
{
    public const double DefaultCircuityFactor = 1.3;

    private readonly double _circuityFactor;
    private readonly IReadOnlyDictionary<VehicleKind, double> _speedKmh;

    public HaversineTravelModel(double circuityFactor = DefaultCircuityFactor, IReadOnlyDictionary<VehicleKind, double>? speedKmh = null)
    {
        Guard.That(circuityFactor is >= 1 and <= 5, "travel.circuity", $"circuity factor {circuityFactor} is outside [1, 5]");
        _speedKmh = speedKmh ?? DefaultSpeedsKmh;
        foreach (var (kind, speed) in _speedKmh)
            Guard.That(speed is > 0 and <= 200, "travel.speed", $"speed for {kind} must be in (0, 200] km/h, got {speed}");
        _circuityFactor = circuityFactor;
    }

    /// <summary>Average urban speeds, door to door.</summary>
    public static IReadOnlyDictionary<VehicleKind, double> DefaultSpeedsKmh { get; } = new Dictionary<VehicleKind, double>
    {
        [VehicleKind.Van] = 25,
        [VehicleKind.CargoBike] = 15,
        [VehicleKind.Walker] = 4.5,
        [VehicleKind.Truck] = 35,
    };

    public TravelLeg Travel(GeoPoint from, GeoPoint to, VehicleKind kind)
    {
        if (!_speedKmh.TryGetValue(kind, out var speed))
            throw new DomainException("travel.kind", $"no speed configured for vehicle kind {kind}");
        var meters = from.HaversineMetersTo(to) * _circuityFactor;
        return new TravelLeg(meters, meters / (speed / 3.6));
    }
}
