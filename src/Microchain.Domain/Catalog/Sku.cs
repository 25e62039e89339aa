namespace Microchain.Domain.Catalog;

/// <summary>A sellable item.</summary>
public sealed record Sku
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public int VolumeMilliliters { get; init; }
    public int WeightGrams { get; init; }
    public TemperatureZone Zone { get; init; }
    public long ValueCents { get; init; }
    /// <summary>Days a unit stays sellable after receipt; null = does not expire.</summary>
    public int? ShelfLifeDays { get; init; }
    public bool Active { get; init; } = true;
    /// <summary>Set for a modular product: it is assembled at a node from these components.</summary>
    public BillOfMaterials? Bom { get; init; }

    public bool IsModular => Bom is not null;

    public void Validate()
    {
        Guard.Id(Id, "sku");
        Guard.That(!string.IsNullOrWhiteSpace(Name), "sku.name", $"sku {Id}: name must not be empty");
        Guard.That(VolumeMilliliters > 0, "sku.volume", $"sku {Id}: volume must be positive");
        Guard.That(WeightGrams > 0, "sku.weight", $"sku {Id}: weight must be positive");
        Guard.That(ValueCents >= 0, "sku.value", $"sku {Id}: value must not be negative");
        Guard.That(ShelfLifeDays is null or > 0, "sku.shelf_life", $"sku {Id}: shelf life must be positive when set");
        Bom?.Validate(Id);
    }
}
