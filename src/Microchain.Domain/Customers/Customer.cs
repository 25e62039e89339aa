using Microchain.Domain.Geo;

namespace Microchain.Domain.Customers;

public sealed record Customer
{
    public required string Id { get; init; }
    public required string SegmentId { get; init; }
    public required GeoPoint Location { get; init; }
    /// <summary>A blocked customer's orders are rejected by validation.</summary>
    public bool Blocked { get; init; }
    /// <summary>The locker the customer picks up from, for pickup segments.</summary>
    public string? LockerId { get; init; }

    public void Validate() => Guard.Id(Id, "customer");
}
