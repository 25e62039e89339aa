using System.Text.Json;
using Microchain.Domain.Geo;
using Microchain.Planning.Routing;
using Microchain.Server.Routing;
using FleetVehicle = Microchain.Domain.Fleet.Vehicle;

namespace Microchain.Server.Dispatch;

/// <summary>
/// Routes a wave's stops with the node's fleet. The solver takes one travel matrix, so each vehicle kind is solved on
/// its own with its own speeds: the lightest kind first (walkers, then cargo bikes, vans, trucks), each taking what it
/// can, the next kind the rest. Costs are in cents; times in seconds after the wave's origin.
/// </summary>
public static class WaveRouting
{
    private static readonly VehicleKind[] Cascade = [VehicleKind.Walker, VehicleKind.CargoBike, VehicleKind.Van, VehicleKind.Truck];

    public static (List<WaveLeg> Legs, List<LeftOrder> Left) Solve(GeoPoint depot, IReadOnlyList<FleetVehicle> fleet, IReadOnlyList<WaveJob> jobs,
        DateTimeOffset origin, TimeSpan localUtcOffset, DispatchOptions options, CancellationToken cancellationToken)
    {
        var legs = new List<WaveLeg>();
        var open = jobs.ToList();
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kind in Cascade)
        {
            if (open.Count == 0) break;
            var vehicles = fleet.Where(v => v.Kind == kind).Select(v => Shift(v, origin, localUtcOffset)).Where(v => v.Vehicle is not null).ToArray();
            if (vehicles.Length == 0) continue;
            var request = new RouteRequest
            {
                Vehicles = [.. vehicles.Select(v => Vehicle(v.Vehicle!, depot, v.Start, v.End))],
                Jobs = [.. open.Select(Job)],
                Options = new Routing.RouteOptions { Seed = options.Seed, TimeLimit = options.SolveTime.TotalSeconds },
            };
            var model = RouteProblemBuilder.Build(request, new HaversineTravelModel());
            var solution = RoutingSolver.Solve(model.Problem, new SolveOptions
            {
                TimeLimit = options.SolveTime, Seed = options.Seed, MaxIterations = options.MaxIterations,
            }, cancellationToken: cancellationToken);
            // The independent checker sees every wave before it is recorded: a wrong route must never reach a courier.
            var violations = SolutionChecker.Check(model.Problem, solution);
            if (violations.Count > 0) throw new InvalidOperationException($"the {kind} routes of the wave break {violations[0].Kind}: {violations[0].Message}");
            if (solution.Routes.Count > 0) legs.Add(new WaveLeg(JsonNamingPolicy.CamelCase.ConvertName(kind.ToString()), request, solution));
            foreach (var u in solution.Unassigned) reasons[u.JobId] = u.Reason;
            var served = solution.Routes.SelectMany(r => r.Stops).Select(s => s.JobId).ToHashSet(StringComparer.Ordinal);
            open = [.. open.Where(j => !served.Contains(j.JobId))];
        }
        var left = open.SelectMany(j => j.OrderIds.Select(o => new LeftOrder(o, reasons.GetValueOrDefault(j.JobId, LeftReason.NoVehicleOnShift)))).ToList();
        return (legs, left);
    }

    /// <summary>The vehicle's shift today (local time) in seconds after the origin; null when it is over or has no time left.</summary>
    private static (FleetVehicle? Vehicle, long Start, long End) Shift(FleetVehicle v, DateTimeOffset origin, TimeSpan localUtcOffset)
    {
        var local = origin.ToOffset(localUtcOffset);
        var midnight = new DateTimeOffset(local.Date, localUtcOffset);
        var start = midnight + v.ShiftStart.ToTimeSpan();
        var end = midnight + v.ShiftEnd.ToTimeSpan();
        if (end <= start) end = end.AddDays(1); // a shift past midnight
        var relativeEnd = (long)(end - origin).TotalSeconds;
        var relativeStart = Math.Max(0, (long)(start - origin).TotalSeconds);
        return relativeEnd <= relativeStart ? (null, 0, 0) : (v, relativeStart, relativeEnd);
    }

    private static RouteVehicle Vehicle(FleetVehicle v, GeoPoint depot, long start, long end) => new()
    {
        Id = JsonSerializer.SerializeToElement(v.Id),
        Profile = Profile(v.Kind),
        Start = [depot.Lon, depot.Lat],
        Capacity = [v.CapacityWeightGrams, v.CapacityVolumeMilliliters, v.CapacityTotes],
        Skills = [.. v.Skills.Select(s => JsonSerializer.SerializeToElement(s))],
        TimeWindow = [start, end],
        MaxTravelTime = v.MaxRouteMinutes * 60L,
        Costs = new RouteCosts { Fixed = v.FixedCostCents, PerHour = v.CostCentsPerHour, PerKm = v.CostCentsPerKm },
    };

    private static RouteJob Job(WaveJob j) => new()
    {
        Id = JsonSerializer.SerializeToElement(j.JobId),
        Location = [j.Location.Lon, j.Location.Lat],
        Service = j.ServiceSeconds,
        Delivery = j.Demand,
        Skills = [.. j.Skills.Select(s => JsonSerializer.SerializeToElement(s))],
        TimeWindows = j.Window is { } w ? [[w.Start, w.End]] : null,
    };

    public static string Profile(VehicleKind kind) => kind switch
    {
        VehicleKind.Walker => "foot",
        VehicleKind.CargoBike => "bike",
        VehicleKind.Truck => "truck",
        _ => "car",
    };
}
