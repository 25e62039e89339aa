using Microchain.Domain.Geo;
using Microchain.Server.Routing;

namespace Microchain.Server.Dispatch;

public sealed record WaveSummaryView(int Routes, int Stops, int Orders, int Left, long DistanceMeters, long CostCents, long ComputingMs);

public sealed record WaveStopView(int Stop, int Sequence, IReadOnlyList<string> OrderIds, string? LockerId, int? LockerCompartments, double Lat, double Lon,
    DateTimeOffset Arrival, DateTimeOffset EtaStart, DateTimeOffset EtaEnd, IReadOnlyList<long> LoadAfter, string? Outcome, string? Reason,
    IReadOnlyDictionary<string, string>? Redirected);

/// <summary>A route; its cost is rounded to whole cents (the solver's per-hour cost has fractions).</summary>
public sealed record WaveRouteView(string VehicleId, string Kind, DateTimeOffset Departure, DateTimeOffset Arrival, long DistanceMeters, long DurationSeconds,
    long CostCents, IReadOnlyList<long> Load, IReadOnlyList<WaveStopView> Stops);

/// <summary>A wave as the API shows it; loads are [grams, millilitres, totes].</summary>
public sealed record WaveView(string WaveId, string NodeId, string Trigger, DateTimeOffset Slot, DateTimeOffset PlannedAt, WaveSummaryView Summary,
    IReadOnlyList<WaveRouteView> Routes, IReadOnlyList<LeftOrder> Left);

/// <summary>Renders a recorded wave: the routing models are rebuilt from the stored requests (same input, same matrices).</summary>
public static class WaveViews
{
    public static WaveView Of(WaveState wave)
    {
        var plan = wave.Plan;
        var routes = new List<WaveRouteView>();
        foreach (var leg in plan.Legs)
        {
            var model = RouteProblemBuilder.Build(leg.Request, new HaversineTravelModel());
            foreach (var route in leg.Solution.Routes)
            {
                var steps = RouteAnswers.Steps(model, route);
                var stops = plan.Stops.Where(s => s.VehicleId == route.VehicleId).OrderBy(s => s.Sequence).Select(s =>
                {
                    var report = wave.Reports.GetValueOrDefault(s.Stop);
                    return new WaveStopView(s.Stop, s.Sequence, s.OrderIds, s.LockerId, s.LockerCompartments, s.Lat, s.Lon, s.Arrival, s.EtaStart, s.EtaEnd,
                        steps[s.Sequence].Load, report?.Outcome, report?.Reason, report is { Redirected.Count: > 0 } ? report.Redirected : null);
                }).ToArray();
                routes.Add(new WaveRouteView(route.VehicleId, leg.Kind, plan.Origin.AddSeconds(route.Departure), plan.Origin.AddSeconds(route.Arrival),
                    route.Distance, route.Duration, (long)Math.Round(route.Cost, MidpointRounding.AwayFromZero), route.Load, stops));
            }
        }
        var summary = new WaveSummaryView(routes.Count, plan.Stops.Count, plan.Stops.Sum(s => s.OrderIds.Count), plan.Left.Count,
            routes.Sum(r => r.DistanceMeters), routes.Sum(r => r.CostCents), plan.ComputingMs);
        return new WaveView(plan.WaveId, plan.NodeId, plan.Trigger, plan.Slot, plan.At, summary, routes, plan.Left);
    }

    /// <summary>One FeatureCollection over every vehicle kind of the wave (RouteAnswers' features: routes as LineStrings, stops as Points).</summary>
    public static object GeoJson(WaveState wave)
    {
        var features = new List<object>();
        foreach (var leg in wave.Plan.Legs) features.AddRange(RouteAnswers.GeoJsonFeatures(RouteProblemBuilder.Build(leg.Request, new HaversineTravelModel()), leg.Solution));
        return new { type = "FeatureCollection", features };
    }
}
