namespace Microchain.Planning.Routing;

/// <summary>The solver's answer: one route per used vehicle plus the jobs left out, with reasons.</summary>
public sealed record RoutingSolution
{
    /// <summary>Routes of the vehicles that serve at least one job.</summary>
    public required IReadOnlyList<PlannedRoute> Routes { get; init; }

    /// <summary>Jobs no route serves.</summary>
    public required IReadOnlyList<UnassignedJob> Unassigned { get; init; }

    /// <summary>Sum of route costs (fixed + distance + time).</summary>
    public required decimal Cost { get; init; }

    /// <summary><see cref="Cost"/> plus the penalties of unassigned jobs.</summary>
    public required decimal Objective { get; init; }

    /// <summary>Total distance over all routes.</summary>
    public long Distance => Routes.Sum(r => r.Distance);

    /// <summary>Search iterations performed.</summary>
    public required long Iterations { get; init; }
}

/// <summary>The route of one vehicle.</summary>
public sealed record PlannedRoute
{
    /// <summary>Index of the vehicle in <see cref="RoutingProblem.Vehicles"/>.</summary>
    public required int VehicleIndex { get; init; }

    /// <summary>The vehicle's identifier.</summary>
    public required string VehicleId { get; init; }

    /// <summary>Departure time from the start location.</summary>
    public required long Departure { get; init; }

    /// <summary>Arrival time at the end location.</summary>
    public required long Arrival { get; init; }

    /// <summary>Visits in order.</summary>
    public required IReadOnlyList<RouteStop> Stops { get; init; }

    /// <summary>Total distance driven.</summary>
    public required long Distance { get; init; }

    /// <summary>Arrival minus departure.</summary>
    public long Duration => Arrival - Departure;

    /// <summary>Load carried out of the depot, per dimension.</summary>
    public required IReadOnlyList<long> Load { get; init; }

    /// <summary>Fixed + distance + time cost of the route.</summary>
    public required decimal Cost { get; init; }
}

/// <summary>One visit of a route.</summary>
/// <param name="JobIndex">Index of the job in <see cref="RoutingProblem.Jobs"/>.</param>
/// <param name="JobId">The job's identifier.</param>
/// <param name="Arrival">Arrival time at the job's location.</param>
/// <param name="ServiceStart">Start of service (at or after arrival, inside one of the job's windows).</param>
/// <param name="LoadAfter">First dimension of the load still on board after this stop.</param>
public sealed record RouteStop(int JobIndex, string JobId, long Arrival, long ServiceStart, long LoadAfter);

/// <summary>A job left out of every route.</summary>
/// <param name="JobIndex">Index of the job in <see cref="RoutingProblem.Jobs"/>.</param>
/// <param name="JobId">The job's identifier.</param>
/// <param name="Reason">One of the <see cref="UnassignedReason"/> codes.</param>
public sealed record UnassignedJob(int JobIndex, string JobId, string Reason);

/// <summary>Stable codes that say why a job is unassigned.</summary>
public static class UnassignedReason
{
    /// <summary>No vehicle holds every skill the job requires.</summary>
    public const string NoVehicleWithSkills = "no_vehicle_with_skills";

    /// <summary>The job's demand exceeds the capacity of every vehicle that has the skills.</summary>
    public const string Capacity = "capacity";

    /// <summary>No suitable vehicle can reach the job in one of its windows and return within its shift.</summary>
    public const string TimeWindowUnreachable = "time_window_unreachable";

    /// <summary>Serving the job alone would exceed every suitable vehicle's maximum route duration.</summary>
    public const string RouteDuration = "max_route_duration";

    /// <summary>
    /// The job could be served alone, but within the time limit no solution fit it in at a cost below its penalty.
    /// </summary>
    public const string NotProfitableInTime = "not_profitable_in_time";
}
