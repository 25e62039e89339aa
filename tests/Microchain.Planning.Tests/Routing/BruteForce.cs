using Microchain.Planning.Routing;

namespace Microchain.Planning.Tests.Routing;

/// <summary>
/// Exact minimum distance of a tiny two-vehicle instance by enumeration: every permutation, every split into two routes.
/// Identical vehicles, one window per job, waiting allowed.
/// </summary>
internal static class BruteForce
{
    public static long Optimum(RoutingProblem p)
    {
        var n = p.Jobs.Count;
        var best = long.MaxValue;
        foreach (var order in Permutations([.. Enumerable.Range(0, n)]))
        {
            for (var cut = 0; cut <= n; cut++)
            {
                var a = Cost(p, order[..cut]);
                var b = Cost(p, order[cut..]);
                if (a >= 0 && b >= 0) best = Math.Min(best, a + b);
            }
        }
        return best;
    }

    private static long Cost(RoutingProblem p, int[] jobs)
    {
        if (jobs.Length == 0) return 0;
        var v = p.Vehicles[0];
        long time = v.ShiftStart, distance = 0, load = 0;
        var at = v.StartLocation;
        foreach (var j in jobs)
        {
            var job = p.Jobs[j];
            time = Math.Max(time + p.DurationBetween(at, job.Location), job.TimeWindows[0].Start);
            if (time > job.TimeWindows[0].End) return -1;
            time += job.ServiceDuration;
            distance += p.DistanceBetween(at, job.Location);
            load += job.Demand[0];
            at = job.Location;
        }
        time += p.DurationBetween(at, v.EndLocation);
        distance += p.DistanceBetween(at, v.EndLocation);
        return load <= v.Capacity[0] && time <= v.ShiftEnd ? distance : -1;
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }
        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, k) => k != i).ToArray();
            foreach (var tail in Permutations(rest)) yield return [items[i], .. tail];
        }
    }
}
