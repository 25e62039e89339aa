using Microchain.Domain.Geo;

namespace Microchain.Domain.Network;

/// <summary>A node of the network: where stock is held or handed over.</summary>
public sealed record Node
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required NodeKind Kind { get; init; }
    public required GeoPoint Location { get; init; }
    public required StorageCapacity Storage { get; init; }
    public int PickCapacityPerHour { get; init; }
    /// <summary>Sellable units that can be assembled per hour from components (modular products); 0 = none.</summary>
    public int AssemblyCapacityPerHour { get; init; }
    public OperatingHours Hours { get; init; } = OperatingHours.AllDay;
    public NodeCosts Costs { get; init; }
    public NodeLifecycle Lifecycle { get; init; } = NodeLifecycle.Open;
    /// <summary>Radius of the area the node delivers to, by road travel time of its vans.</summary>
    public int ServiceRadiusMinutes { get; init; } = 30;

    public bool IsOpen => Lifecycle == NodeLifecycle.Open;

    public void Validate()
    {
        Guard.Id(Id, "node");
        Guard.That(!string.IsNullOrWhiteSpace(Name), "node.name", $"node {Id}: name must not be empty");
        Guard.That(PickCapacityPerHour >= 0 && AssemblyCapacityPerHour >= 0, "node.pick_capacity", $"node {Id}: capacities per hour must not be negative");
        Guard.That(ServiceRadiusMinutes is >= 0 and <= 24 * 60, "node.service_radius", $"node {Id}: service radius must be within 0..1440 minutes");
        Storage.Validate(Id);
        Costs.Validate(Id);
    }

    /// <summary>Moves the node along its lifecycle, refusing moves that skip or reverse a step.</summary>
    public Node MoveTo(NodeLifecycle next)
    {
        Guard.That(NodeLifecycleRules.CanMove(Lifecycle, next), "node.lifecycle", $"node {Id} cannot move from {Lifecycle} to {next}");
        return this with { Lifecycle = next };
    }
}
