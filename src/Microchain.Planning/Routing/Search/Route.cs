using System.Runtime.CompilerServices;

namespace Microchain.Planning.Routing.Search;

/// <summary>
/// The route of one vehicle with the schedule data that make an insertion test O(1):
/// earliest service starts forward, latest feasible arrivals backward (Savelsbergh), and the load.
/// </summary>
internal sealed class Route
{
    public readonly int Vehicle;
    public readonly int[] Jobs;
    public int Count;
    /// <summary>Earliest service start at each position, leaving at shift start.</summary>
    public readonly long[] Start;
    /// <summary>Latest arrival at each position (index <see cref="Count"/> is the end depot) that keeps the rest feasible.</summary>
    public readonly long[] Latest;
    public readonly long[] Load;
    public long Distance;
    public long Departure;
    public long Arrival;
    public double Cost;
    public bool Feasible;

    public Route(int vehicle, int jobCapacity, int dimensions)
    {
        Vehicle = vehicle;
        Jobs = new int[jobCapacity];
        Start = new long[jobCapacity];
        Latest = new long[jobCapacity + 1];
        Load = new long[dimensions];
    }

    public long Duration => Arrival - Departure;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CopyFrom(Route other)
    {
        Count = other.Count;
        Array.Copy(other.Jobs, Jobs, Count);
        Array.Copy(other.Start, Start, Count);
        Array.Copy(other.Latest, Latest, Count + 1);
        Array.Copy(other.Load, Load, Load.Length);
        Distance = other.Distance;
        Departure = other.Departure;
        Arrival = other.Arrival;
        Cost = other.Cost;
        Feasible = other.Feasible;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Insert(int position, int job)
    {
        Array.Copy(Jobs, position, Jobs, position + 1, Count - position);
        Jobs[position] = job;
        Count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RemoveAt(int position)
    {
        Array.Copy(Jobs, position + 1, Jobs, position, Count - position - 1);
        Count--;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int IndexOf(int job) => Array.IndexOf(Jobs, job, 0, Count);

    /// <summary>Recomputes schedule, load, distance, duration and cost in O(length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Recompute(SearchModel m)
    {
        var v = Vehicle;
        var dims = m.Dimensions;
        Array.Clear(Load);
        if (Count == 0)
        {
            Distance = 0;
            Departure = Arrival = m.ShiftStart[v];
            Latest[0] = m.ShiftEnd[v];
            Cost = 0;
            Feasible = true;
            return;
        }
        var feasible = true;
        long t = m.ShiftStart[v];
        long dist = 0;
        var prev = m.VehStart[v];
        for (var i = 0; i < Count; i++)
        {
            var j = Jobs[i];
            var loc = m.JobLoc[j];
            var arrival = t + m.Duration(prev, loc);
            dist += m.Distance(prev, loc);
            var s = Schedule.EarliestStart(m, j, arrival);
            if (s < 0)
            {
                feasible = false;
                s = arrival;
            }
            Start[i] = s;
            t = s + m.Service[j];
            prev = loc;
            for (var d = 0; d < dims; d++) Load[d] += m.Demand[(j * dims) + d];
        }
        dist += m.Distance(prev, m.VehEnd[v]);
        var end = t + m.Duration(prev, m.VehEnd[v]);
        Distance = dist;
        Arrival = end;
        Latest[Count] = m.ShiftEnd[v];
        Schedule.FillLatest(m, v, Jobs, Count, Latest);
        if (end > m.ShiftEnd[v] || Latest[0] < Start[0]) feasible = false;
        for (var d = 0; d < dims; d++)
            if (Load[d] > m.Capacity[(v * dims) + d]) feasible = false;
        // The latest departure only matters when time costs or is bounded; skipping it saves a third of this method.
        Departure = m.TimeMatters[v] ? Schedule.LatestDeparture(m, v, Jobs, Count, -1, -1, end) : m.ShiftStart[v];
        if (Arrival - Departure > m.MaxDuration[v]) feasible = false;
        Feasible = feasible;
        Cost = m.FixedCost[v] + (m.CostDist[v] * dist) + (m.CostTime[v] * (Arrival - Departure));
    }
}
