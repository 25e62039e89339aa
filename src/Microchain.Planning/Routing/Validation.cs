namespace Microchain.Planning.Routing;

/// <summary>Input checks for <see cref="RoutingProblem"/>; limits keep the solver's arithmetic far from overflow.</summary>
internal static class Validation
{
    /// <summary>Times above this are rejected.</summary>
    public const long MaxMagnitude = TimeWindow.MaxTime;

    /// <summary>Matrix entries, demands, capacities and service durations above this are rejected, so that sums over
    /// <see cref="RoutingProblem.MaxLocations"/> stops stay far inside a long.</summary>
    public const long MaxEntry = 1_000_000_000_000;

    public static void CheckVehicle(Vehicle v, int dimensions, int locationCount)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (v.Capacity.Count != dimensions)
            throw new ArgumentException($"vehicle {v.Id}: capacity must have {dimensions} dimensions");
        foreach (var c in v.Capacity)
            if (c is < 0 or > MaxEntry) throw new ArgumentException($"vehicle {v.Id}: capacity out of range");
        CheckLocation(v.StartLocation, locationCount, v.Id);
        CheckLocation(v.EndLocation, locationCount, v.Id);
        if (v.ShiftStart < 0 || v.ShiftEnd > MaxMagnitude || v.ShiftEnd < v.ShiftStart)
            throw new ArgumentException($"vehicle {v.Id}: shift must satisfy 0 <= start <= end <= {MaxMagnitude}");
        if (v.MaxRouteDuration is < 0)
            throw new ArgumentException($"vehicle {v.Id}: max route duration must be non-negative");
        if (v.FixedCost < 0 || v.CostPerDistanceUnit < 0 || v.CostPerTimeUnit < 0)
            throw new ArgumentException($"vehicle {v.Id}: costs must be non-negative");
    }

    public static void CheckJob(Job j, int dimensions, int locationCount)
    {
        ArgumentNullException.ThrowIfNull(j);
        if (j.Demand.Count != dimensions)
            throw new ArgumentException($"job {j.Id}: demand must have {dimensions} dimensions");
        foreach (var d in j.Demand)
            if (d is < 0 or > MaxEntry) throw new ArgumentException($"job {j.Id}: demand out of range");
        CheckLocation(j.Location, locationCount, j.Id);
        if (j.ServiceDuration is < 0 or > MaxEntry)
            throw new ArgumentException($"job {j.Id}: service duration out of range");
        if (j.Priority < 1) throw new ArgumentException($"job {j.Id}: priority must be at least 1");
        long previousEnd = -1;
        foreach (var w in j.TimeWindows)
        {
            if (w.Start < 0 || w.End < w.Start || w.End > MaxMagnitude)
                throw new ArgumentException($"job {j.Id}: window [{w.Start}, {w.End}] is invalid");
            if (w.Start <= previousEnd)
                throw new ArgumentException($"job {j.Id}: windows must be sorted and disjoint");
            previousEnd = w.End;
        }
    }

    private static void CheckLocation(int location, int locationCount, string id)
    {
        if (location < 0 || location >= locationCount)
            throw new ArgumentException($"{id}: location {location} outside 0..{locationCount - 1}");
    }
}
