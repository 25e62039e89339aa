namespace Microchain.Planning.Routing;

/// <summary>One broken rule found by <see cref="SolutionChecker"/>.</summary>
/// <param name="Kind">One of the <see cref="ViolationKind"/> codes.</param>
/// <param name="Message">What is wrong, naming the route or job.</param>
public readonly record struct Violation(string Kind, string Message);

/// <summary>Codes of <see cref="Violation.Kind"/>.</summary>
public static class ViolationKind
{
    /// <summary>A job is served twice, or served and also reported unassigned.</summary>
    public const string Duplicate = "duplicate";
    /// <summary>A job is neither served nor reported unassigned.</summary>
    public const string Missing = "missing";
    /// <summary>A route's load exceeds its vehicle's capacity in some dimension.</summary>
    public const string Capacity = "capacity";
    /// <summary>A service starts outside every window of its job.</summary>
    public const string TimeWindow = "time_window";
    /// <summary>A route leaves before its shift start or returns after its shift end.</summary>
    public const string Shift = "shift";
    /// <summary>A route lasts longer than its vehicle's maximum route duration.</summary>
    public const string RouteDuration = "route_duration";
    /// <summary>Reported times contradict the travel matrix (arrival too early, service before arrival).</summary>
    public const string Schedule = "schedule";
    /// <summary>A vehicle lacks a skill its job requires.</summary>
    public const string Skills = "skills";
    /// <summary>A reported distance, load or cost differs from the recomputed one.</summary>
    public const string Accounting = "accounting";
    /// <summary>A route names an unknown vehicle, uses a vehicle twice, or an index is out of range.</summary>
    public const string Reference = "reference";
}

/// <summary>
/// Checks a solution against the raw problem, recomputing everything itself; it shares no code with the solver
/// so that a solver bug cannot hide in both.
/// </summary>
public static class SolutionChecker
{
    /// <summary>Every violation found; an empty list means the solution is feasible and its figures are right.</summary>
    public static IReadOnlyList<Violation> Check(RoutingProblem problem, RoutingSolution solution)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(solution);
        var violations = new List<Violation>();
        var seen = new int[problem.Jobs.Count];
        var vehicleUsed = new bool[problem.Vehicles.Count];
        decimal totalCost = 0;
        foreach (var route in solution.Routes)
        {
            if (route.VehicleIndex < 0 || route.VehicleIndex >= problem.Vehicles.Count)
            {
                violations.Add(new(ViolationKind.Reference, $"route names vehicle index {route.VehicleIndex}"));
                continue;
            }
            if (vehicleUsed[route.VehicleIndex])
                violations.Add(new(ViolationKind.Reference, $"vehicle {route.VehicleId} drives two routes"));
            vehicleUsed[route.VehicleIndex] = true;
            totalCost += CheckRoute(problem, route, seen, violations);
        }
        foreach (var u in solution.Unassigned)
        {
            if (u.JobIndex < 0 || u.JobIndex >= problem.Jobs.Count)
            {
                violations.Add(new(ViolationKind.Reference, $"unassigned job index {u.JobIndex}"));
                continue;
            }
            seen[u.JobIndex]++;
        }
        for (var j = 0; j < seen.Length; j++)
        {
            if (seen[j] == 0) violations.Add(new(ViolationKind.Missing, $"job {problem.Jobs[j].Id} is missing"));
            if (seen[j] > 1) violations.Add(new(ViolationKind.Duplicate, $"job {problem.Jobs[j].Id} appears {seen[j]} times"));
        }
        if (totalCost != solution.Cost)
            violations.Add(new(ViolationKind.Accounting, $"cost {solution.Cost} but routes sum to {totalCost}"));
        return violations;
    }

    private static decimal CheckRoute(RoutingProblem problem, PlannedRoute route, int[] seen, List<Violation> violations)
    {
        var vehicle = problem.Vehicles[route.VehicleIndex];
        var name = $"route of {vehicle.Id}";
        var load = new long[problem.Dimensions];
        long distance = 0;
        var location = vehicle.StartLocation;
        var readyAt = route.Departure;
        if (route.Departure < vehicle.ShiftStart)
            violations.Add(new(ViolationKind.Shift, $"{name} departs at {route.Departure} before shift start {vehicle.ShiftStart}"));
        foreach (var stop in route.Stops)
        {
            if (stop.JobIndex < 0 || stop.JobIndex >= problem.Jobs.Count)
            {
                violations.Add(new(ViolationKind.Reference, $"{name} visits job index {stop.JobIndex}"));
                continue;
            }
            seen[stop.JobIndex]++;
            var job = problem.Jobs[stop.JobIndex];
            foreach (var skill in job.RequiredSkills)
                if (!vehicle.Skills.Contains(skill))
                    violations.Add(new(ViolationKind.Skills, $"{name} lacks skill {skill} for job {job.Id}"));
            for (var d = 0; d < load.Length; d++) load[d] += job.Demand[d];
            distance += problem.DistanceBetween(location, job.Location);
            var earliestArrival = readyAt + problem.DurationBetween(location, job.Location);
            if (stop.Arrival < earliestArrival)
                violations.Add(new(ViolationKind.Schedule, $"{name} reaches job {job.Id} at {stop.Arrival}, earliest {earliestArrival}"));
            if (stop.ServiceStart < stop.Arrival)
                violations.Add(new(ViolationKind.Schedule, $"{name} serves job {job.Id} before arriving"));
            if (job.TimeWindows.Count > 0 && !job.TimeWindows.Any(w => w.Contains(stop.ServiceStart)))
                violations.Add(new(ViolationKind.TimeWindow, $"{name} serves job {job.Id} at {stop.ServiceStart}, outside its windows"));
            readyAt = stop.ServiceStart + job.ServiceDuration;
            location = job.Location;
        }
        distance += problem.DistanceBetween(location, vehicle.EndLocation);
        var earliestReturn = readyAt + problem.DurationBetween(location, vehicle.EndLocation);
        if (route.Arrival < earliestReturn)
            violations.Add(new(ViolationKind.Schedule, $"{name} returns at {route.Arrival}, earliest {earliestReturn}"));
        if (route.Arrival > vehicle.ShiftEnd)
            violations.Add(new(ViolationKind.Shift, $"{name} returns at {route.Arrival} after shift end {vehicle.ShiftEnd}"));
        if (vehicle.MaxRouteDuration is { } maxDuration && route.Arrival - route.Departure > maxDuration)
            violations.Add(new(ViolationKind.RouteDuration, $"{name} lasts {route.Arrival - route.Departure} > {maxDuration}"));
        for (var d = 0; d < load.Length; d++)
        {
            if (load[d] > vehicle.Capacity[d])
                violations.Add(new(ViolationKind.Capacity, $"{name} carries {load[d]} > {vehicle.Capacity[d]} in dimension {d}"));
            if (d < route.Load.Count && route.Load[d] != load[d])
                violations.Add(new(ViolationKind.Accounting, $"{name} reports load {route.Load[d]}, recomputed {load[d]}"));
        }
        if (distance != route.Distance)
            violations.Add(new(ViolationKind.Accounting, $"{name} reports distance {route.Distance}, recomputed {distance}"));
        var cost = route.Stops.Count == 0
            ? 0m
            : vehicle.FixedCost + (vehicle.CostPerDistanceUnit * distance) + (vehicle.CostPerTimeUnit * (route.Arrival - route.Departure));
        if (cost != route.Cost)
            violations.Add(new(ViolationKind.Accounting, $"{name} reports cost {route.Cost}, recomputed {cost}"));
        return cost;
    }
}
