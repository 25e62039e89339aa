using System.Runtime.CompilerServices;

namespace Microchain.Planning.Routing.Search;

/// <summary>A complete solution during search: one <see cref="Route"/> per vehicle plus the unassigned jobs.</summary>
internal sealed class SearchState
{
    public readonly Route[] Routes;
    /// <summary>Vehicle serving each job, or -1.</summary>
    public readonly int[] RouteOf;
    public readonly int[] Unassigned;
    public int UnassignedCount;

    public SearchState(SearchModel m)
    {
        Routes = new Route[m.VehicleCount];
        for (var v = 0; v < m.VehicleCount; v++)
        {
            Routes[v] = new Route(v, m.JobCount, m.Dimensions);
            Routes[v].Recompute(m);
        }
        RouteOf = new int[m.JobCount];
        Unassigned = new int[m.JobCount];
        for (var j = 0; j < m.JobCount; j++)
        {
            RouteOf[j] = -1;
            Unassigned[UnassignedCount++] = j;
        }
    }

    public double Objective(SearchModel m) => SearchObjective(m, double.PositiveInfinity);

    /// <summary>Route costs plus unassigned penalties, each capped at <paramref name="penaltyCap"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double SearchObjective(SearchModel m, double penaltyCap)
    {
        var total = 0.0;
        foreach (var r in Routes) total += r.Cost;
        for (var i = 0; i < UnassignedCount; i++) total += Math.Min(m.Penalty[Unassigned[i]], penaltyCap);
        return total;
    }

    public int RoutesUsed()
    {
        var used = 0;
        foreach (var r in Routes)
            if (r.Count > 0) used++;
        return used;
    }

    /// <summary>Copies the listed routes and the unassigned list from <paramref name="source"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CopyRoutesFrom(SearchState source, int[] vehicles, int vehicleCount)
    {
        for (var i = 0; i < vehicleCount; i++)
        {
            var r = Routes[vehicles[i]];
            r.CopyFrom(source.Routes[vehicles[i]]);
            for (var k = 0; k < r.Count; k++) RouteOf[r.Jobs[k]] = r.Vehicle;
        }
        CopyUnassignedFrom(source);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CopyAllFrom(SearchState source)
    {
        foreach (var r in Routes) r.CopyFrom(source.Routes[r.Vehicle]);
        Array.Copy(source.RouteOf, RouteOf, RouteOf.Length);
        CopyUnassignedFrom(source);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CopyUnassignedFrom(SearchState source)
    {
        UnassignedCount = source.UnassignedCount;
        Array.Copy(source.Unassigned, Unassigned, UnassignedCount);
        for (var i = 0; i < UnassignedCount; i++) RouteOf[Unassigned[i]] = -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddUnassigned(int job)
    {
        Unassigned[UnassignedCount++] = job;
        RouteOf[job] = -1;
    }
}
