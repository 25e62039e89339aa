namespace Microchain.Domain.Supply;

/// <summary>A short-term contract: a supplier delivers a SKU to a node at a price, within a lead time and capacity.</summary>
public sealed record SupplierContract
{
    public required string Id { get; init; }
    public required string SupplierId { get; init; }
    public required string SkuId { get; init; }
    /// <summary>The node the contract delivers to (usually the central DC).</summary>
    public required string NodeId { get; init; }
    public required DateOnly Start { get; init; }
    public required DateOnly End { get; init; }
    public int LeadTimeDays { get; init; }
    public int MinimumOrderUnits { get; init; } = 1;
    public int PackSizeUnits { get; init; } = 1;
    public long UnitCostCents { get; init; }
    public int CapacityUnitsPerWeek { get; init; } = int.MaxValue;

    public bool IsActiveOn(DateOnly day) => day >= Start && day <= End;

    public void Validate()
    {
        Guard.Id(Id, "contract");
        Guard.That(End >= Start, "contract.dates", $"contract {Id}: end {End} is before start {Start}");
        Guard.That(LeadTimeDays >= 0, "contract.lead_time", $"contract {Id}: lead time must not be negative");
        Guard.That(MinimumOrderUnits >= 1 && PackSizeUnits >= 1, "contract.quantities", $"contract {Id}: MOQ and pack size must be at least 1");
        Guard.That(UnitCostCents >= 0, "contract.cost", $"contract {Id}: unit cost must not be negative");
        Guard.That(CapacityUnitsPerWeek > 0, "contract.capacity", $"contract {Id}: capacity must be positive");
    }
}
