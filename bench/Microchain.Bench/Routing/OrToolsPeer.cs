using Google.OrTools.ConstraintSolver;
using Microchain.Planning.Routing;

namespace Microchain.Bench.Routing;

/// <summary>
/// Google OR-Tools routing as the peer: capacity and time dimensions, PATH_CHEAPEST_ARC then guided local search
/// under the same time limit. Its answer is converted to a <see cref="RoutingSolution"/> so the same checker judges it.
/// Supports what the benchmarks use: one time window per job, integer costs per distance unit, fixed costs.
/// </summary>
public static class OrToolsPeer
{
    /// <summary>Penalty for dropping a job: keeps the first solution possible and dropping a last resort.</summary>
    private const long DropPenalty = 100_000_000_000;

    /// <summary>Solves with OR-Tools; null when it returns no solution at all.</summary>
    public static RoutingSolution? Solve(RoutingProblem problem, TimeSpan timeLimit)
    {
        var jobs = problem.Jobs.Count;
        var fleet = problem.Vehicles.Count;
        // Nodes 0..jobs-1 are jobs; then one node per vehicle start and one per vehicle end.
        var locationOf = new int[jobs + (2 * fleet)];
        for (var j = 0; j < jobs; j++) locationOf[j] = problem.Jobs[j].Location;
        var starts = new int[fleet];
        var ends = new int[fleet];
        for (var v = 0; v < fleet; v++)
        {
            starts[v] = jobs + (2 * v);
            ends[v] = jobs + (2 * v) + 1;
            locationOf[starts[v]] = problem.Vehicles[v].StartLocation;
            locationOf[ends[v]] = problem.Vehicles[v].EndLocation;
        }
        long Service(int node) => node < jobs ? problem.Jobs[node].ServiceDuration : 0;
        using var manager = new RoutingIndexManager(locationOf.Length, fleet, starts, ends);
        using var routing = new RoutingModel(manager);
        var distance = routing.RegisterTransitCallback((long from, long to) =>
            problem.DistanceBetween(locationOf[manager.IndexToNode(from)], locationOf[manager.IndexToNode(to)]));
        var time = routing.RegisterTransitCallback((long from, long to) =>
        {
            var a = manager.IndexToNode(from);
            return Service(a) + problem.DurationBetween(locationOf[a], locationOf[manager.IndexToNode(to)]);
        });
        for (var v = 0; v < fleet; v++)
        {
            var vehicle = problem.Vehicles[v];
            routing.SetArcCostEvaluatorOfVehicle(distance, v);
            routing.SetFixedCostOfVehicle((long)vehicle.FixedCost, v);
        }
        var horizon = problem.Vehicles.Max(v => v.ShiftEnd);
        routing.AddDimension(time, horizon, horizon, false, "Time");
        var timeDimension = routing.GetMutableDimension("Time");
        for (var d = 0; d < problem.Dimensions; d++)
        {
            var dimension = d;
            var demand = routing.RegisterUnaryTransitCallback(index =>
            {
                var node = manager.IndexToNode(index);
                return node < jobs ? problem.Jobs[node].Demand[dimension] : 0;
            });
            routing.AddDimensionWithVehicleCapacity(demand, 0, [.. problem.Vehicles.Select(v => v.Capacity[dimension])], true, $"Load{d}");
        }
        for (var j = 0; j < jobs; j++)
        {
            var index = manager.NodeToIndex(j);
            var windows = problem.Jobs[j].TimeWindows;
            if (windows.Count > 0) timeDimension.CumulVar(index).SetRange(windows[0].Start, Math.Min(windows[^1].End, horizon));
            for (var w = 1; w < windows.Count; w++)
                timeDimension.CumulVar(index).RemoveInterval(windows[w - 1].End + 1, windows[w].Start - 1);
            routing.AddDisjunction([index], DropPenalty);
        }
        for (var v = 0; v < fleet; v++)
        {
            var vehicle = problem.Vehicles[v];
            timeDimension.CumulVar(routing.Start(v)).SetRange(vehicle.ShiftStart, vehicle.ShiftEnd);
            timeDimension.CumulVar(routing.End(v)).SetRange(vehicle.ShiftStart, vehicle.ShiftEnd);
            if (vehicle.MaxRouteDuration is { } maxDuration) timeDimension.SetSpanUpperBoundForVehicle(maxDuration, v);
        }
        var parameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        parameters.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.PathCheapestArc;
        parameters.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        parameters.TimeLimit = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(timeLimit);
        var assignment = routing.SolveWithParameters(parameters);
        return assignment is null ? null : ToSolution(problem, manager, routing, timeDimension, assignment, jobs);
    }

    private static RoutingSolution ToSolution(RoutingProblem problem, RoutingIndexManager manager, RoutingModel routing,
        RoutingDimension timeDimension, Assignment assignment, int jobs)
    {
        var routes = new List<PlannedRoute>();
        var served = new bool[jobs];
        decimal cost = 0;
        for (var v = 0; v < problem.Vehicles.Count; v++)
        {
            var vehicle = problem.Vehicles[v];
            var stops = new List<RouteStop>();
            var load = new long[problem.Dimensions];
            var index = assignment.Value(routing.NextVar(routing.Start(v)));
            var departure = assignment.Min(timeDimension.CumulVar(routing.Start(v)));
            var location = vehicle.StartLocation;
            var ready = departure;
            long distance = 0;
            while (!routing.IsEnd(index))
            {
                var j = manager.IndexToNode(index);
                var job = problem.Jobs[j];
                served[j] = true;
                var arrival = ready + problem.DurationBetween(location, job.Location);
                var start = Math.Max(arrival, assignment.Min(timeDimension.CumulVar(index)));
                distance += problem.DistanceBetween(location, job.Location);
                for (var d = 0; d < load.Length; d++) load[d] += job.Demand[d];
                stops.Add(new RouteStop(j, job.Id, arrival, start, 0));
                ready = start + job.ServiceDuration;
                location = job.Location;
                index = assignment.Value(routing.NextVar(index));
            }
            if (stops.Count == 0) continue;
            distance += problem.DistanceBetween(location, vehicle.EndLocation);
            var end = ready + problem.DurationBetween(location, vehicle.EndLocation);
            var routeCost = vehicle.FixedCost + (vehicle.CostPerDistanceUnit * distance) + (vehicle.CostPerTimeUnit * (end - departure));
            cost += routeCost;
            routes.Add(new PlannedRoute
            {
                VehicleIndex = v,
                VehicleId = vehicle.Id,
                Departure = departure,
                Arrival = end,
                Stops = stops,
                Distance = distance,
                Load = load,
                Cost = routeCost,
            });
        }
        var unassigned = Enumerable.Range(0, jobs).Where(j => !served[j])
            .Select(j => new UnassignedJob(j, problem.Jobs[j].Id, UnassignedReason.NotProfitableInTime)).ToList();
        return new RoutingSolution { Routes = routes, Unassigned = unassigned, Cost = cost, Objective = cost, Iterations = 0 };
    }
}
