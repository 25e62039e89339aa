using System.Text.Json;
using Microchain.Planning.Routing;

namespace Microchain.Server.Routing;

/// <summary>One step of a route as both output shapes show it; times in seconds, distances in meters.</summary>
public sealed record RouteStep(string Type, JsonElement? Id, int LocationIndex, IReadOnlyList<double>? Location, long Arrival, long WaitingTime,
    long Service, long TravelSoFar, long DistanceSoFar, IReadOnlyList<long> Load);

/// <summary>Builds the answers: the native one (costs, reasons, GeoJSON) and VROOM's output shape.</summary>
public static class RouteAnswers
{
    public static IReadOnlyList<RouteStep> Steps(RouteModel model, PlannedRoute route)
    {
        var problem = model.Problem;
        var vehicle = problem.Vehicles[route.VehicleIndex];
        var load = route.Load.ToArray();
        var steps = new List<RouteStep> { new("start", null, vehicle.StartLocation, Lonlat(model, vehicle.StartLocation), route.Departure, 0, 0, 0, 0, load.ToArray()) };
        var (at, travel, distance) = (vehicle.StartLocation, 0L, 0L);
        foreach (var stop in route.Stops)
        {
            var job = problem.Jobs[stop.JobIndex];
            travel += problem.DurationBetween(at, job.Location);
            distance += problem.DistanceBetween(at, job.Location);
            for (var d = 0; d < load.Length; d++) load[d] -= job.Demand[d];
            steps.Add(new RouteStep("job", model.Request.Jobs[stop.JobIndex].Id, job.Location, Lonlat(model, job.Location), stop.Arrival,
                stop.ServiceStart - stop.Arrival, job.ServiceDuration, travel, distance, load.ToArray()));
            at = job.Location;
        }
        travel += problem.DurationBetween(at, vehicle.EndLocation);
        distance += problem.DistanceBetween(at, vehicle.EndLocation);
        steps.Add(new RouteStep("end", null, vehicle.EndLocation, Lonlat(model, vehicle.EndLocation), route.Arrival, 0, 0, travel, distance, load.ToArray()));
        return steps;
    }

    public static object Native(RouteModel model, RoutingSolution solution, TimeSpan elapsed)
    {
        var routes = solution.Routes.Select(r =>
        {
            var steps = Steps(model, r);
            return new
            {
                vehicle = model.Request.Vehicles[r.VehicleIndex].Id,
                cost = r.Cost,
                distance = r.Distance,
                duration = r.Duration,
                departure = r.Departure,
                arrival = r.Arrival,
                load = r.Load,
                steps = steps.Select(s => new { type = s.Type, id = s.Id, locationIndex = s.LocationIndex, location = s.Location, arrival = s.Arrival, waitingTime = s.WaitingTime, service = s.Service, load = s.Load }),
            };
        }).ToArray();
        return new
        {
            summary = new { cost = solution.Cost, objective = solution.Objective, routes = solution.Routes.Count, unassigned = solution.Unassigned.Count, distance = solution.Distance,
                duration = solution.Routes.Sum(r => r.Duration), iterations = solution.Iterations, computingMs = (long)elapsed.TotalMilliseconds },
            routes,
            unassigned = solution.Unassigned.Select(u => new { id = model.Request.Jobs[u.JobIndex].Id, reason = u.Reason }),
            geojson = GeoJson(model, solution),
        };
    }

    /// <summary>VROOM's output: <c>code</c>, <c>summary</c>, <c>unassigned</c>, <c>routes</c> with <c>steps</c> (integer cost, as VROOM reports it).</summary>
    public static object Vroom(RouteModel model, RoutingSolution solution, TimeSpan elapsed)
    {
        var dimensions = model.Problem.Dimensions;
        var routes = solution.Routes.Select(r =>
        {
            var steps = Steps(model, r);
            var service = steps.Sum(s => s.Service);
            var waiting = steps.Sum(s => s.WaitingTime);
            return new Dictionary<string, object?>
            {
                ["vehicle"] = model.Request.Vehicles[r.VehicleIndex].Id, ["cost"] = (long)Math.Round(r.Cost), ["delivery"] = r.Load, ["amount"] = r.Load,
                ["pickup"] = new long[dimensions], ["setup"] = 0, ["service"] = service, ["duration"] = steps[^1].TravelSoFar, ["waiting_time"] = waiting,
                ["priority"] = r.Stops.Sum(s => model.Request.Jobs[s.JobIndex].Priority), ["distance"] = r.Distance,
                ["steps"] = steps.Select(s => Step(s)).ToArray(),
            };
        }).ToArray();
        var sum = (string key) => routes.Sum(r => Convert.ToInt64(r[key], System.Globalization.CultureInfo.InvariantCulture));
        return new Dictionary<string, object?>
        {
            ["code"] = 0,
            ["summary"] = new Dictionary<string, object?>
            {
                ["cost"] = sum("cost"), ["routes"] = routes.Length, ["unassigned"] = solution.Unassigned.Count,
                ["delivery"] = Sum(solution.Routes.Select(r => r.Load), dimensions), ["amount"] = Sum(solution.Routes.Select(r => r.Load), dimensions),
                ["pickup"] = new long[dimensions], ["setup"] = 0, ["service"] = sum("service"), ["duration"] = sum("duration"), ["waiting_time"] = sum("waiting_time"),
                ["priority"] = sum("priority"), ["distance"] = sum("distance"),
                ["violations"] = Array.Empty<object>(),
                ["computing_times"] = new Dictionary<string, long> { ["loading"] = 0, ["solving"] = (long)elapsed.TotalMilliseconds, ["routing"] = 0 },
            },
            ["unassigned"] = solution.Unassigned.Select(u => new Dictionary<string, object?>
            {
                ["id"] = model.Request.Jobs[u.JobIndex].Id, ["type"] = "job", ["location"] = Lonlat(model, model.Problem.Jobs[u.JobIndex].Location),
            }).ToArray(),
            ["routes"] = routes,
        };
    }

    private static Dictionary<string, object?> Step(RouteStep s)
    {
        var step = new Dictionary<string, object?> { ["type"] = s.Type };
        if (s.Id is { } id) step["id"] = id;
        if (s.Location is not null) step["location"] = s.Location;
        step["location_index"] = s.LocationIndex;
        step["setup"] = 0;
        step["service"] = s.Service;
        step["waiting_time"] = s.WaitingTime;
        step["load"] = s.Load;
        step["arrival"] = s.Arrival;
        step["duration"] = s.TravelSoFar;
        step["distance"] = s.DistanceSoFar;
        step["violations"] = Array.Empty<object>();
        return step;
    }

    /// <summary>A FeatureCollection: one LineString per route, one Point per job (assigned or not).</summary>
    public static object GeoJson(RouteModel model, RoutingSolution solution) => new { type = "FeatureCollection", features = GeoJsonFeatures(model, solution) };

    /// <summary>The features of <see cref="GeoJson"/>, for callers that merge several solutions into one collection.</summary>
    public static List<object> GeoJsonFeatures(RouteModel model, RoutingSolution solution)
    {
        var features = new List<object>();
        foreach (var r in solution.Routes)
        {
            var coordinates = Steps(model, r).Select(s => s.Location).Where(l => l is not null).ToArray();
            if (coordinates.Length >= 2)
                features.Add(new { type = "Feature", geometry = new { type = "LineString", coordinates }, properties = new { vehicle = model.Request.Vehicles[r.VehicleIndex].Id, distance = r.Distance, duration = r.Duration } });
        }
        for (var j = 0; j < model.Problem.Jobs.Count; j++)
        {
            if (Lonlat(model, model.Problem.Jobs[j].Location) is { } point)
                features.Add(new { type = "Feature", geometry = new { type = "Point", coordinates = point }, properties = new { job = model.Request.Jobs[j].Id, assigned = solution.Unassigned.All(u => u.JobIndex != j) } });
        }
        return features;
    }

    private static double[]? Lonlat(RouteModel model, int location) =>
        location < model.Coordinates.Count && model.Coordinates[location] is { } p ? [p.Lon, p.Lat] : null;

    private static long[] Sum(IEnumerable<IReadOnlyList<long>> loads, int dimensions)
    {
        var total = new long[dimensions];
        foreach (var load in loads) for (var d = 0; d < dimensions; d++) total[d] += load[d];
        return total;
    }
}
