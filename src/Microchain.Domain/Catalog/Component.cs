namespace Microchain.Domain.Catalog;

/// <summary>A common part that modular products are built from.</summary>
public sealed record Component
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public int VolumeMilliliters { get; init; }
    public TemperatureZone Zone { get; init; }
    public long CostCents { get; init; }

    public void Validate()
    {
        Guard.Id(Id, "component");
        Guard.That(VolumeMilliliters > 0, "component.volume", $"component {Id}: volume must be positive");
        Guard.That(CostCents >= 0, "component.cost", $"component {Id}: cost must not be negative");
    }
}
