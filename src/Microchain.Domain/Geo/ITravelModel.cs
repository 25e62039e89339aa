namespace Microchain.Domain.Geo;

/// <summary>A leg's road distance and travel time.</summary>
public readonly record struct TravelLeg(double DistanceMeters, double DurationSeconds);

/// <summary>Road distance and travel time between two places for a vehicle kind.</summary>
public interface ITravelModel
{
    TravelLeg Travel(GeoPoint from, GeoPoint to, VehicleKind kind);
}
