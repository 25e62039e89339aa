namespace Microchain.Planning.Routing.Search;

/// <summary>Turns the search state into the public <see cref="RoutingSolution"/>, with exact decimal costs.</summary>
internal static class SolutionExport
{
    public static RoutingSolution ToSolution(
        RoutingProblem problem, SearchModel m, SearchState s, string?[] reasons, SolveOptions options, long iterations)
    {
        var routes = new List<PlannedRoute>();
        decimal cost = 0;
        foreach (var r in s.Routes)
        {
            if (r.Count == 0) continue;
            var route = ToRoute(problem, m, r);
            routes.Add(route);
            cost += route.Cost;
        }
        var unassigned = new List<UnassignedJob>();
        decimal penalty = 0;
        for (var j = 0; j < m.JobCount; j++)
        {
            if (s.RouteOf[j] >= 0) continue;
            unassigned.Add(new UnassignedJob(j, problem.Jobs[j].Id, reasons[j] ?? UnassignedReason.NotProfitableInTime));
            penalty += options.UnassignedPenalty * problem.Jobs[j].Priority;
        }
        return new RoutingSolution
        {
            Routes = routes,
            Unassigned = unassigned,
            Cost = cost,
            Objective = cost + penalty,
            Iterations = iterations,
        };
    }

    private static PlannedRoute ToRoute(RoutingProblem problem, SearchModel m, Route r)
    {
        var vehicle = problem.Vehicles[r.Vehicle];
        var stops = new RouteStop[r.Count];
        var remaining = m.Dimensions > 0 ? r.Load[0] : 0;
        var departure = Schedule.LatestDeparture(m, r.Vehicle, r.Jobs, r.Count, -1, -1, r.Arrival);
        var t = departure;
        var prev = vehicle.StartLocation;
        for (var i = 0; i < r.Count; i++)
        {
            var j = r.Jobs[i];
            var arrival = t + m.Duration(prev, m.JobLoc[j]);
            var start = Schedule.EarliestStart(m, j, arrival);
            if (m.Dimensions > 0) remaining -= m.Demand[j * m.Dimensions];
            stops[i] = new RouteStop(j, problem.Jobs[j].Id, arrival, start, remaining);
            t = start + m.Service[j];
            prev = m.JobLoc[j];
        }
        var end = t + m.Duration(prev, vehicle.EndLocation);
        return new PlannedRoute
        {
            VehicleIndex = r.Vehicle,
            VehicleId = vehicle.Id,
            Departure = departure,
            Arrival = end,
            Stops = stops,
            Distance = r.Distance,
            Load = [.. r.Load],
            Cost = vehicle.FixedCost + (vehicle.CostPerDistanceUnit * r.Distance) + (vehicle.CostPerTimeUnit * (end - departure)),
        };
    }
}
