namespace Microchain.Planning.Routing;

/// <summary>A delivery (or service) at one location that at most one route visits once.</summary>
public sealed record Job
{
    /// <summary>Caller's identifier, echoed in the solution.</summary>
    public required string Id { get; init; }

    /// <summary>Location index in the travel matrix.</summary>
    public required int Location { get; init; }

    /// <summary>Demand per capacity dimension; same length as every vehicle's capacity.</summary>
    public required IReadOnlyList<long> Demand { get; init; }

    /// <summary>Time spent at the location once service starts.</summary>
    public long ServiceDuration { get; init; }

    /// <summary>
    /// Windows in which service may start, sorted and disjoint; empty means no restriction.
    /// </summary>
    public IReadOnlyList<TimeWindow> TimeWindows { get; init; } = [];

    /// <summary>Skills the serving vehicle must hold.</summary>
    public IReadOnlySet<string> RequiredSkills { get; init; } = new HashSet<string>();

    /// <summary>
    /// Weight of leaving the job unassigned: the unassigned penalty is multiplied by this (at least 1).
    /// </summary>
    public int Priority { get; init; } = 1;
}
