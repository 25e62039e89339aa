using Microchain.Domain.Geo;

namespace Microchain.Domain.Fleet;

/// <summary>A courier or vehicle based at a node.</summary>
public sealed record Vehicle
{
    public required string Id { get; init; }
    public required string NodeId { get; init; }
    public required VehicleKind Kind { get; init; }
    public int CapacityWeightGrams { get; init; }
    public int CapacityVolumeMilliliters { get; init; }
    public int CapacityTotes { get; init; }
    public TimeOnly ShiftStart { get; init; } = new(8, 0);
    public TimeOnly ShiftEnd { get; init; } = new(22, 0);
    public int MaxRouteMinutes { get; init; } = 240;
    public long FixedCostCents { get; init; }
    public long CostCentsPerKm { get; init; }
    public long CostCentsPerHour { get; init; }
    /// <summary>What the vehicle can carry beyond ambient goods, e.g. "chilled", "frozen".</summary>
    public IReadOnlyList<string> Skills { get; init; } = [];

    public void Validate()
    {
        Guard.Id(Id, "vehicle");
        Guard.That(CapacityWeightGrams > 0 && CapacityVolumeMilliliters > 0 && CapacityTotes > 0, "vehicle.capacity", $"vehicle {Id}: capacities must be positive");
        Guard.That(MaxRouteMinutes > 0, "vehicle.max_route", $"vehicle {Id}: max route duration must be positive");
        Guard.That(FixedCostCents >= 0 && CostCentsPerKm >= 0 && CostCentsPerHour >= 0, "vehicle.costs", $"vehicle {Id}: costs must not be negative");
    }
}
