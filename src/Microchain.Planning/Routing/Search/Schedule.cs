using System.Runtime.CompilerServices;

namespace Microchain.Planning.Routing.Search;

/// <summary>Time-window arithmetic shared by the route and the insertion test (several windows per job).</summary>
internal static class Schedule
{
    /// <summary>Marks "no feasible time".</summary>
    public const long Infeasible = long.MinValue / 4;

    /// <summary>Earliest service start when arriving at <paramref name="arrival"/>, or -1 when every window has closed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long EarliestStart(SearchModel m, int job, long arrival)
    {
        for (var w = m.TwOffset[job]; w < m.TwOffset[job + 1]; w++)
            if (m.TwEnd[w] >= arrival) return Math.Max(arrival, m.TwStart[w]);
        return -1;
    }

    /// <summary>
    /// Latest arrival such that service can start no later than <paramref name="bound"/>; since the earliest start is
    /// monotone in the arrival, every earlier arrival is feasible too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long LatestArrival(SearchModel m, int job, long bound)
    {
        for (var w = m.TwOffset[job + 1] - 1; w >= m.TwOffset[job]; w--)
            if (m.TwStart[w] <= bound) return Math.Min(m.TwEnd[w], bound);
        return Infeasible;
    }

    /// <summary>Fills latest[0..count) backward from latest[count] (the latest arrival at the end depot).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FillLatest(SearchModel m, int vehicle, int[] jobs, int count, long[] latest)
    {
        var next = m.VehEnd[vehicle];
        for (var i = count - 1; i >= 0; i--)
        {
            var j = jobs[i];
            var loc = m.JobLoc[j];
            var bound = latest[i + 1] == Infeasible ? Infeasible : latest[i + 1] - m.Service[j] - m.Duration(loc, next);
            latest[i] = bound == Infeasible ? Infeasible : LatestArrival(m, j, bound);
            next = loc;
        }
    }

    /// <summary>
    /// Latest departure from the start that still reaches the end by <paramref name="end"/>, over the jobs with
    /// <paramref name="insertJob"/> virtually inserted at <paramref name="insertAt"/> (-1 for none).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long LatestDeparture(SearchModel m, int vehicle, int[] jobs, int count, int insertAt, int insertJob, long end)
    {
        var total = insertAt >= 0 ? count + 1 : count;
        var bound = end;
        var next = m.VehEnd[vehicle];
        for (var k = total - 1; k >= 0; k--)
        {
            var j = insertAt < 0 || k < insertAt ? jobs[k] : k == insertAt ? insertJob : jobs[k - 1];
            var loc = m.JobLoc[j];
            var latest = LatestArrival(m, j, bound - m.Service[j] - m.Duration(loc, next));
            if (latest == Infeasible) return m.ShiftStart[vehicle];
            bound = latest;
            next = loc;
        }
        return Math.Max(m.ShiftStart[vehicle], bound - m.Duration(m.VehStart[vehicle], next));
    }

    /// <summary>Earliest return to the end over the jobs with one virtual insertion; -1 when a window is missed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long EarliestEnd(SearchModel m, int vehicle, int[] jobs, int count, int insertAt, int insertJob)
    {
        var total = count + 1;
        long t = m.ShiftStart[vehicle];
        var prev = m.VehStart[vehicle];
        for (var k = 0; k < total; k++)
        {
            var j = k < insertAt ? jobs[k] : k == insertAt ? insertJob : jobs[k - 1];
            var loc = m.JobLoc[j];
            var s = EarliestStart(m, j, t + m.Duration(prev, loc));
            if (s < 0) return -1;
            t = s + m.Service[j];
            prev = loc;
        }
        return t + m.Duration(prev, m.VehEnd[vehicle]);
    }
}
