using System.Runtime.CompilerServices;

namespace Microchain.Planning.Routing.Search;

/// <summary>
/// The problem compiled into flat arrays for the search loop: no virtual calls, no collections, no LINQ.
/// </summary>
internal sealed class SearchModel
{
    /// <summary>Neighbour lists are cut at this length; SISR only walks the nearest ones.</summary>
    private const int MaxNeighbours = 150;

    public readonly int JobCount, VehicleCount, Dimensions, LocationCount;
    public readonly long[] Dist, Dur;
    public readonly int[] JobLoc;
    public readonly long[] Demand; // [job * Dimensions + d]
    public readonly long[] Service;
    public readonly int[] TwOffset; // windows of job j are TwStart/TwEnd[TwOffset[j] .. TwOffset[j+1])
    public readonly long[] TwStart, TwEnd;
    public readonly int[] VehStart, VehEnd;
    public readonly long[] Capacity; // [vehicle * Dimensions + d]
    public readonly long[] ShiftStart, ShiftEnd, MaxDuration;
    public readonly double[] FixedCost, CostDist, CostTime;
    public readonly int[] VehicleClass;
    /// <summary>Vehicles whose route duration is costed or limited.</summary>
    public readonly bool[] TimeMatters; // vehicles with equal attributes share a class
    public readonly bool[] Compatible; // [vehicle * JobCount + job]
    public readonly double[] Penalty;
    public readonly int[][] Neighbours;
    public readonly double[] DepotDistance;

    public SearchModel(RoutingProblem p, decimal unassignedPenalty)
    {
        JobCount = p.Jobs.Count;
        VehicleCount = p.Vehicles.Count;
        Dimensions = p.Dimensions;
        LocationCount = p.LocationCount;
        Dist = p.Distance;
        Dur = p.Duration;
        JobLoc = new int[JobCount];
        Demand = new long[JobCount * Dimensions];
        Service = new long[JobCount];
        TwOffset = new int[JobCount + 1];
        Penalty = new double[JobCount];
        var starts = new List<long>();
        var ends = new List<long>();
        for (var j = 0; j < JobCount; j++)
        {
            var job = p.Jobs[j];
            JobLoc[j] = job.Location;
            for (var d = 0; d < Dimensions; d++) Demand[(j * Dimensions) + d] = job.Demand[d];
            Service[j] = job.ServiceDuration;
            Penalty[j] = (double)unassignedPenalty * job.Priority;
            TwOffset[j] = starts.Count;
            if (job.TimeWindows.Count == 0)
            {
                starts.Add(0);
                ends.Add(Validation.MaxMagnitude);
            }
            foreach (var w in job.TimeWindows)
            {
                starts.Add(w.Start);
                ends.Add(w.End);
            }
        }
        TwOffset[JobCount] = starts.Count;
        TwStart = [.. starts];
        TwEnd = [.. ends];
        VehStart = new int[VehicleCount];
        VehEnd = new int[VehicleCount];
        Capacity = new long[VehicleCount * Dimensions];
        ShiftStart = new long[VehicleCount];
        ShiftEnd = new long[VehicleCount];
        MaxDuration = new long[VehicleCount];
        FixedCost = new double[VehicleCount];
        CostDist = new double[VehicleCount];
        CostTime = new double[VehicleCount];
        VehicleClass = new int[VehicleCount];
        TimeMatters = new bool[VehicleCount];
        Compatible = new bool[VehicleCount * JobCount];
        var classes = new Dictionary<string, int>();
        for (var v = 0; v < VehicleCount; v++)
        {
            var veh = p.Vehicles[v];
            VehStart[v] = veh.StartLocation;
            VehEnd[v] = veh.EndLocation;
            for (var d = 0; d < Dimensions; d++) Capacity[(v * Dimensions) + d] = veh.Capacity[d];
            ShiftStart[v] = veh.ShiftStart;
            ShiftEnd[v] = veh.ShiftEnd;
            MaxDuration[v] = veh.MaxRouteDuration ?? Validation.MaxMagnitude;
            FixedCost[v] = (double)veh.FixedCost;
            CostDist[v] = (double)veh.CostPerDistanceUnit;
            CostTime[v] = (double)veh.CostPerTimeUnit;
            TimeMatters[v] = CostTime[v] > 0 || MaxDuration[v] < Validation.MaxMagnitude;
            for (var j = 0; j < JobCount; j++)
                Compatible[(v * JobCount) + j] = p.Jobs[j].RequiredSkills.All(veh.Skills.Contains);
            var key = string.Join('|', veh.StartLocation, veh.EndLocation, string.Join(',', veh.Capacity), veh.ShiftStart,
                veh.ShiftEnd, MaxDuration[v], veh.FixedCost, veh.CostPerDistanceUnit, veh.CostPerTimeUnit,
                string.Join(',', veh.Skills.Order(StringComparer.Ordinal)));
            if (!classes.TryGetValue(key, out var cls)) classes[key] = cls = classes.Count;
            VehicleClass[v] = cls;
        }
        Neighbours = new int[JobCount][];
        var order = new int[JobCount];
        var keys = new long[JobCount];
        for (var j = 0; j < JobCount; j++)
        {
            for (var k = 0; k < JobCount; k++)
            {
                order[k] = k;
                keys[k] = k == j ? -1 : Distance(JobLoc[j], JobLoc[k]);
            }
            var sorted = (int[])order.Clone();
            StableByKey(sorted, keys); // ties broken by index, so the order is deterministic
            Neighbours[j] = sorted[..Math.Min(JobCount, MaxNeighbours)];
        }
        DepotDistance = new double[JobCount];
        for (var j = 0; j < JobCount; j++) DepotDistance[j] = Distance(VehStart[0], JobLoc[j]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long Distance(int from, int to) => Dist[(from * LocationCount) + to];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long Duration(int from, int to) => Dur[(from * LocationCount) + to];

    private static void StableByKey(int[] items, long[] keys) =>
        Array.Sort(items, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
}
