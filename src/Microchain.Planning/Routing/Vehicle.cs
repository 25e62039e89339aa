namespace Microchain.Planning.Routing;

/// <summary>
/// One vehicle (van, cargo bike, walker...) available for one route.
/// Times are in the time unit of the travel matrix; costs are in currency units (e.g. euros).
/// </summary>
public sealed record Vehicle
{
    /// <summary>Caller's identifier, echoed in the solution.</summary>
    public required string Id { get; init; }

    /// <summary>Location index where the route starts.</summary>
    public required int StartLocation { get; init; }

    /// <summary>Location index where the route ends (often the same as the start).</summary>
    public required int EndLocation { get; init; }

    /// <summary>Capacity per dimension (e.g. weight, volume, totes); same length as every job's demand.</summary>
    public required IReadOnlyList<long> Capacity { get; init; }

    /// <summary>Earliest departure from the start location.</summary>
    public long ShiftStart { get; init; }

    /// <summary>Latest arrival at the end location.</summary>
    public long ShiftEnd { get; init; } = TimeWindow.MaxTime;

    /// <summary>Longest allowed time between departure and return; null for no limit beyond the shift.</summary>
    public long? MaxRouteDuration { get; init; }

    /// <summary>Cost paid when the vehicle is used at all.</summary>
    public decimal FixedCost { get; init; }

    /// <summary>Cost per distance unit of the matrix.</summary>
    public decimal CostPerDistanceUnit { get; init; } = 1m;

    /// <summary>Cost per time unit of the route duration (departure to return).</summary>
    public decimal CostPerTimeUnit { get; init; }

    /// <summary>Skills the vehicle offers (e.g. "chilled"); a job is served only by a vehicle holding all its skills.</summary>
    public IReadOnlySet<string> Skills { get; init; } = new HashSet<string>();
}
