using Microchain.Domain.Geo;

namespace Microchain.Domain.Supply;

public sealed record Supplier
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public GeoPoint? Location { get; init; }
    /// <summary>A disrupted supplier takes no new orders until it is available again.</summary>
    public bool Available { get; init; } = true;

    public void Validate() => Guard.Id(Id, "supplier");
}
