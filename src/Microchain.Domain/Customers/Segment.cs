namespace Microchain.Domain.Customers;

/// <summary>A profit pool: customers served with one promise, price level and variety.</summary>
public sealed record Segment
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required ServicePromise Promise { get; init; }
    /// <summary>Delivery fee charged per order.</summary>
    public long DeliveryFeeCents { get; init; }
    /// <summary>Average basket value.</summary>
    public long AverageBasketCents { get; init; }
    /// <summary>Expected orders per customer per week.</summary>
    public double OrdersPerCustomerPerWeek { get; init; }
    /// <summary>How many distinct SKUs the segment buys from (variety demand).</summary>
    public int VarietySkus { get; init; }
    /// <summary>Year-over-year growth of the segment's volume, e.g. 0.15 for +15%.</summary>
    public double GrowthPerYear { get; init; }
    /// <summary>Target probability of having a line in stock (cycle service level).</summary>
    public double ServiceLevel { get; init; } = 0.95;

    public void Validate()
    {
        Guard.Id(Id, "segment");
        Guard.That(Promise.MaxLeadTimeMinutes > 0, "segment.promise", $"segment {Id}: promise lead time must be positive");
        Guard.That(DeliveryFeeCents >= 0 && AverageBasketCents >= 0, "segment.price", $"segment {Id}: prices must not be negative");
        Guard.That(OrdersPerCustomerPerWeek >= 0 && double.IsFinite(OrdersPerCustomerPerWeek), "segment.volume", $"segment {Id}: orders per week must be finite and non-negative");
        Guard.That(VarietySkus >= 0, "segment.variety", $"segment {Id}: variety must not be negative");
        Guard.That(ServiceLevel is > 0 and < 1, "segment.service_level", $"segment {Id}: service level must be in (0, 1)");
    }
}
