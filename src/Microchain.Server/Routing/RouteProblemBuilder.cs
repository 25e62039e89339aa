using System.Text.Json;
using Microchain.Domain.Geo;
using Microchain.Planning.Routing;

namespace Microchain.Server.Routing;

/// <summary>A request turned into the solver's model, with what is needed to answer in the caller's terms.</summary>
public sealed record RouteModel(RouteRequest Request, RoutingProblem Problem, IReadOnlyList<GeoPoint?> Coordinates);

/// <summary>Maps a VROOM-shaped request onto the solver's model; every problem becomes an <see cref="ArgumentException"/> naming the field.</summary>
public static class RouteProblemBuilder
{
    public const int MaxJobs = 2_000, MaxVehicles = 200, MaxDimensions = 8;

    public static RouteModel Build(RouteRequest request, ITravelModel travel)
    {
        if (request.Jobs.Count is < 1 or > MaxJobs) throw new ArgumentException($"jobs: between 1 and {MaxJobs} are needed");
        if (request.Vehicles.Count is < 1 or > MaxVehicles) throw new ArgumentException($"vehicles: between 1 and {MaxVehicles} are needed");
        var profiles = request.Vehicles.Select(v => v.Profile).Distinct(StringComparer.Ordinal).ToArray();
        if (profiles.Length > 1) throw new ArgumentException("vehicles: every vehicle must share one profile in a request");
        var dimensions = request.Vehicles.Max(v => v.Capacity?.Count ?? 0);
        if (dimensions > MaxDimensions) throw new ArgumentException($"capacity: at most {MaxDimensions} dimensions");

        var locations = new Locations(request.Matrices is not null);
        var vehicles = request.Vehicles.Select((v, i) => Vehicle(v, i, locations, dimensions)).ToArray();
        var jobs = request.Jobs.Select((j, i) => Job(j, i, locations, dimensions)).ToArray();
        var (distance, duration) = request.Matrices is { } matrices
            ? FromMatrices(matrices, profiles[0], locations.Count)
            : FromTravel(locations.Points, travel, Kind(profiles[0]));
        return new RouteModel(request, new RoutingProblem(vehicles, jobs, locations.Count, distance, duration), locations.Points);
    }

    public static string IdText(JsonElement id) => id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();

    private static Vehicle Vehicle(RouteVehicle v, int i, Locations locations, int dimensions)
    {
        var path = $"vehicles[{i}]";
        var start = locations.Index(v.StartIndex, v.Start, $"{path}.start");
        var end = v.End is null && v.EndIndex is null ? start : locations.Index(v.EndIndex, v.End, $"{path}.end");
        if (v.TimeWindow is { } tw && (tw.Count != 2 || tw[0] < 0 || tw[1] < tw[0])) throw new ArgumentException($"{path}.time_window must be [start, end] with 0 ≤ start ≤ end");
        var costs = v.Costs ?? new RouteCosts();
        if (costs.Fixed < 0 || costs.PerHour < 0 || costs.PerKm < 0) throw new ArgumentException($"{path}.costs must not be negative");
        return new Vehicle
        {
            Id = IdText(v.Id), StartLocation = start, EndLocation = end,
            Capacity = Dimensions(v.Capacity, dimensions, long.MaxValue / 4, $"{path}.capacity"),
            ShiftStart = v.TimeWindow?[0] ?? 0, ShiftEnd = v.TimeWindow?[1] ?? TimeWindow.MaxTime,
            MaxRouteDuration = v.MaxTravelTime, FixedCost = costs.Fixed, CostPerTimeUnit = costs.PerHour / 3600m, CostPerDistanceUnit = costs.PerKm / 1000m,
            Skills = (v.Skills ?? []).Select(IdText).ToHashSet(StringComparer.Ordinal),
        };
    }

    private static Job Job(RouteJob j, int i, Locations locations, int dimensions)
    {
        var path = $"jobs[{i}]";
        if (j.Setup < 0 || j.Service < 0) throw new ArgumentException($"{path}: setup and service must not be negative");
        if (j.Priority is < 0 or > 100) throw new ArgumentException($"{path}.priority must be within 0..100");
        var windows = (j.TimeWindows ?? []).Select((w, k) => w.Count == 2 && w[0] >= 0 && w[1] >= w[0]
            ? new TimeWindow(w[0], w[1])
            : throw new ArgumentException($"{path}.time_windows[{k}] must be [start, end] with 0 ≤ start ≤ end")).OrderBy(w => w.Start).ToArray();
        return new Job
        {
            Id = IdText(j.Id), Location = locations.Index(j.LocationIndex, j.Location, $"{path}.location"),
            Demand = Dimensions(j.Delivery ?? j.Amount ?? j.Pickup, dimensions, 0, $"{path}.delivery"),
            ServiceDuration = j.Setup + j.Service, TimeWindows = windows, Priority = 1 + j.Priority,
            RequiredSkills = (j.Skills ?? []).Select(IdText).ToHashSet(StringComparer.Ordinal),
        };
    }

    private static long[] Dimensions(IReadOnlyList<long>? values, int dimensions, long missing, string path)
    {
        if (values is not null && values.Count != dimensions) throw new ArgumentException($"{path} must have {dimensions} values, like the vehicles' capacity");
        if (values is not null && values.Any(v => v < 0)) throw new ArgumentException($"{path} must not be negative");
        return dimensions == 0 ? [] : values?.ToArray() ?? Enumerable.Repeat(missing, dimensions).ToArray();
    }

    private static (long[] Distance, long[] Duration) FromMatrices(IReadOnlyDictionary<string, RouteMatrix> matrices, string profile, int count)
    {
        if (!matrices.TryGetValue(profile, out var matrix) || matrix.Durations is null) throw new ArgumentException($"matrices.{profile}.durations is required");
        var n = Math.Max(count, matrix.Durations.Count);
        long[] Flatten(IReadOnlyList<IReadOnlyList<long>> rows, string name)
        {
            if (rows.Count != n || rows.Any(r => r.Count != n)) throw new ArgumentException($"matrices.{profile}.{name} must be {n}×{n}");
            return rows.SelectMany(r => r).ToArray();
        }
        var duration = Flatten(matrix.Durations, "durations");
        return (matrix.Distances is null ? duration.ToArray() : Flatten(matrix.Distances, "distances"), duration);
    }

    private static (long[] Distance, long[] Duration) FromTravel(IReadOnlyList<GeoPoint?> points, ITravelModel travel, VehicleKind kind)
    {
        var n = points.Count;
        var distance = new long[n * n];
        var duration = new long[n * n];
        for (var a = 0; a < n; a++)
            for (var b = 0; b < n; b++)
            {
                var leg = travel.Travel(points[a]!.Value, points[b]!.Value, kind);
                distance[(a * n) + b] = (long)Math.Round(leg.DistanceMeters);
                duration[(a * n) + b] = (long)Math.Round(leg.DurationSeconds);
            }
        return (distance, duration);
    }

    private static VehicleKind Kind(string profile) => profile switch
    {
        "car" or "van" or "driving-car" => VehicleKind.Van,
        "bike" or "cargo-bike" or "cycling-regular" => VehicleKind.CargoBike,
        "foot" or "walk" or "foot-walking" => VehicleKind.Walker,
        "truck" or "driving-hgv" => VehicleKind.Truck,
        _ => throw new ArgumentException($"profile '{profile}' is not one of car, bike, foot, truck (or pass matrices)"),
    };

    /// <summary>Location indices: given ones (with a matrix), or one per distinct coordinate (without).</summary>
    private sealed class Locations(bool indexed)
    {
        private readonly Dictionary<GeoPoint, int> _byPoint = [];
        private readonly List<GeoPoint?> _points = [];

        public IReadOnlyList<GeoPoint?> Points => _points;
        public int Count => _points.Count;

        public int Index(int? index, IReadOnlyList<double>? coordinates, string path)
        {
            GeoPoint? point = null;
            if (coordinates is not null)
            {
                if (coordinates.Count != 2) throw new ArgumentException($"{path} must be [lon, lat]");
                try { point = new GeoPoint(coordinates[1], coordinates[0]); }
                catch (Domain.DomainException ex) { throw new ArgumentException($"{path}: {ex.Message}"); }
            }
            if (indexed)
            {
                if (index is not { } i || i is < 0 or >= RoutingProblem.MaxLocations) throw new ArgumentException($"{path}_index is required with matrices and must be within 0..{RoutingProblem.MaxLocations - 1}");
                while (_points.Count <= i) _points.Add(null);
                _points[i] ??= point;
                return i;
            }
            if (point is not { } p) throw new ArgumentException($"{path} ([lon, lat]) is required without matrices");
            if (_byPoint.TryGetValue(p, out var existing)) return existing;
            _byPoint[p] = _points.Count;
            _points.Add(p);
            return _points.Count - 1;
        }
    }
}
