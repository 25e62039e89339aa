namespace Microchain.Planning.Routing;

/// <summary>
/// A rich vehicle-routing instance: a fleet, jobs and a square travel matrix over location indices.
/// The matrices are flattened row-major: entry (from, to) is at <c>from * LocationCount + to</c>.
/// </summary>
public sealed class RoutingProblem
{
    /// <summary>Upper bound on locations, so that a matrix stays within memory limits.</summary>
    public const int MaxLocations = 20_000;

    /// <summary>Builds and validates an instance; throws <see cref="ArgumentException"/> when inconsistent.</summary>
    public RoutingProblem(
        IReadOnlyList<Vehicle> vehicles,
        IReadOnlyList<Job> jobs,
        int locationCount,
        long[] distance,
        long[] duration)
    {
        ArgumentNullException.ThrowIfNull(vehicles);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(distance);
        ArgumentNullException.ThrowIfNull(duration);
        if (locationCount is < 1 or > MaxLocations)
            throw new ArgumentException($"locationCount must be in 1..{MaxLocations}", nameof(locationCount));
        var cells = (long)locationCount * locationCount;
        if (distance.Length != cells || duration.Length != cells)
            throw new ArgumentException("distance and duration must hold locationCount² entries");
        if (vehicles.Count == 0) throw new ArgumentException("at least one vehicle is required", nameof(vehicles));
        var dimensions = vehicles[0].Capacity.Count;
        foreach (var v in vehicles) Validation.CheckVehicle(v, dimensions, locationCount);
        var ids = new HashSet<string>();
        foreach (var j in jobs)
        {
            Validation.CheckJob(j, dimensions, locationCount);
            if (!ids.Add(j.Id)) throw new ArgumentException($"duplicate job id {j.Id}", nameof(jobs));
        }
        foreach (var value in distance)
            if (value is < 0 or > Validation.MaxEntry) throw new ArgumentException($"distances must be in 0..{Validation.MaxEntry}", nameof(distance));
        foreach (var value in duration)
            if (value is < 0 or > Validation.MaxEntry) throw new ArgumentException($"durations must be in 0..{Validation.MaxEntry}", nameof(duration));
        Vehicles = vehicles;
        Jobs = jobs;
        LocationCount = locationCount;
        Distance = distance;
        Duration = duration;
        Dimensions = dimensions;
    }

    /// <summary>The fleet; each vehicle drives at most one route.</summary>
    public IReadOnlyList<Vehicle> Vehicles { get; }

    /// <summary>The jobs to serve.</summary>
    public IReadOnlyList<Job> Jobs { get; }

    /// <summary>Number of locations indexed by the matrices.</summary>
    public int LocationCount { get; }

    /// <summary>Number of capacity dimensions.</summary>
    public int Dimensions { get; }

    /// <summary>Flattened distance matrix (integer units, e.g. metres).</summary>
    public long[] Distance { get; }

    /// <summary>Flattened travel-time matrix (integer units, e.g. seconds).</summary>
    public long[] Duration { get; }

    /// <summary>Distance from one location to another.</summary>
    public long DistanceBetween(int from, int to) => Distance[(from * LocationCount) + to];

    /// <summary>Travel time from one location to another.</summary>
    public long DurationBetween(int from, int to) => Duration[(from * LocationCount) + to];
}
