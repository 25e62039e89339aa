using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microchain.Server.Routing;

/// <summary>
/// A route-planning request in VROOM's documented input shape (<c>vehicles</c>, <c>jobs</c>, <c>matrices</c>; no
/// shipments), so tools written for VROOM work unchanged, plus a few extensions: string ids and skills,
/// <c>max_travel_time</c>, <c>costs</c> and an <c>options</c> object. Times are seconds, distances meters, locations
/// [lon, lat]. Without <c>matrices</c>, travel comes from the haversine travel model per vehicle <c>profile</c>.
/// </summary>
public sealed record RouteRequest
{
    [JsonPropertyName("vehicles")] public required IReadOnlyList<RouteVehicle> Vehicles { get; init; }
    [JsonPropertyName("jobs")] public required IReadOnlyList<RouteJob> Jobs { get; init; }
    [JsonPropertyName("matrices")] public IReadOnlyDictionary<string, RouteMatrix>? Matrices { get; init; }
    [JsonPropertyName("options")] public RouteOptions? Options { get; init; }
}

public sealed record RouteVehicle
{
    [JsonPropertyName("id")] public required JsonElement Id { get; init; }
    [JsonPropertyName("profile")] public string Profile { get; init; } = "car";
    [JsonPropertyName("start")] public IReadOnlyList<double>? Start { get; init; }
    [JsonPropertyName("end")] public IReadOnlyList<double>? End { get; init; }
    [JsonPropertyName("start_index")] public int? StartIndex { get; init; }
    [JsonPropertyName("end_index")] public int? EndIndex { get; init; }
    [JsonPropertyName("capacity")] public IReadOnlyList<long>? Capacity { get; init; }
    [JsonPropertyName("skills")] public IReadOnlyList<JsonElement>? Skills { get; init; }
    [JsonPropertyName("time_window")] public IReadOnlyList<long>? TimeWindow { get; init; }
    [JsonPropertyName("max_travel_time")] public long? MaxTravelTime { get; init; }
    [JsonPropertyName("costs")] public RouteCosts? Costs { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
}

/// <summary>Vehicle costs: fixed per route used, per hour of route duration, per km driven (VROOM's <c>costs</c>).</summary>
public sealed record RouteCosts
{
    [JsonPropertyName("fixed")] public decimal Fixed { get; init; }
    [JsonPropertyName("per_hour")] public decimal PerHour { get; init; } = 3600;
    [JsonPropertyName("per_km")] public decimal PerKm { get; init; }
}

public sealed record RouteJob
{
    [JsonPropertyName("id")] public required JsonElement Id { get; init; }
    [JsonPropertyName("location")] public IReadOnlyList<double>? Location { get; init; }
    [JsonPropertyName("location_index")] public int? LocationIndex { get; init; }
    [JsonPropertyName("setup")] public long Setup { get; init; }
    [JsonPropertyName("service")] public long Service { get; init; }
    [JsonPropertyName("delivery")] public IReadOnlyList<long>? Delivery { get; init; }
    [JsonPropertyName("pickup")] public IReadOnlyList<long>? Pickup { get; init; }
    [JsonPropertyName("amount")] public IReadOnlyList<long>? Amount { get; init; }
    [JsonPropertyName("skills")] public IReadOnlyList<JsonElement>? Skills { get; init; }
    [JsonPropertyName("priority")] public int Priority { get; init; }
    [JsonPropertyName("time_windows")] public IReadOnlyList<IReadOnlyList<long>>? TimeWindows { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
}

/// <summary>Square matrices over location indices: durations in seconds, distances in meters (optional).</summary>
public sealed record RouteMatrix
{
    [JsonPropertyName("durations")] public IReadOnlyList<IReadOnlyList<long>>? Durations { get; init; }
    [JsonPropertyName("distances")] public IReadOnlyList<IReadOnlyList<long>>? Distances { get; init; }
}

public sealed record RouteOptions
{
    /// <summary>Search time in seconds (default 2, at most 300).</summary>
    [JsonPropertyName("time_limit")] public double TimeLimit { get; init; } = 2;
    [JsonPropertyName("seed")] public ulong Seed { get; init; } = 1;
    /// <summary>"microchain" (default: routes with costs, reasons and GeoJSON) or "vroom" (VROOM's output shape).</summary>
    [JsonPropertyName("format")] public string Format { get; init; } = "microchain";
    /// <summary>Use as few vehicles as possible first, then minimise cost.</summary>
    [JsonPropertyName("minimize_vehicles")] public bool MinimizeVehicles { get; init; }
}
