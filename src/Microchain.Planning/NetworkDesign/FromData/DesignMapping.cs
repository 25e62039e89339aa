namespace Microchain.Planning.NetworkDesign.FromData;

/// <summary>Maps a solver's indices back to sites and demand points, and prices the design.</summary>
internal static class DesignMapping
{
    /// <summary>Infinite or undefined figures (no solution, no bound yet) travel as null: JSON has no infinity.</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;

    public static DesignResult Build(DesignRequest request, IReadOnlyList<CandidateSite> sites, IReadOnlyList<DemandPoint> points,
        double[] minutes, double[] maxMinutes, IReadOnlyList<int> openSites, List<(int Site, int Point, double Share)> assignments,
        SolveStatus status, double objective, double lowerBound, double gap, int nodes, TimeSpan elapsed)
    {
        var n = points.Count;
        var open = openSites.ToHashSet();
        var assigned = new double[sites.Count];
        var mapped = new List<DesignedAssignment>(assignments.Count);
        double delivery = 0, withinPromise = 0, total = points.Sum(p => p.OrdersPerWeek), served = 0;
        foreach (var (site, point, share) in assignments.OrderBy(a => a.Point).ThenBy(a => a.Site))
        {
            var orders = points[point].OrdersPerWeek * share;
            var travel = minutes[(site * n) + point];
            assigned[site] += orders;
            served += orders;
            delivery += orders * request.HorizonWeeks * ((2 * travel / request.StopsPerTrip) + request.ServiceMinutes) * request.DeliveryCostCentsPerMinute;
            if (travel <= maxMinutes[point]) withinPromise += orders;
            mapped.Add(new DesignedAssignment(points[point].Id, sites[site].Id, share, orders, travel));
        }
        var designed = sites.Select((s, i) => new DesignedSite(s.Id, s.Location, s.Existing, open.Contains(i), s.CapacityOrdersPerWeek, assigned[i], s.OpeningCostCents)).ToArray();
        var opening = designed.Where(s => s.Open).Sum(s => s.OpeningCostCents);
        return new DesignResult
        {
            Request = request,
            Status = status,
            Objective = Finite(objective),
            LowerBound = Finite(lowerBound),
            Gap = Finite(gap),
            Sites = designed,
            DemandPoints = points,
            Assignments = mapped,
            Cost = new DesignCost(opening, (long)Math.Round(delivery), (long)Math.Round((total - served) * request.HorizonWeeks)),
            ShareWithinPromise = total > 0 ? withinPromise / total : 1,
            SearchNodes = nodes,
            Elapsed = elapsed,
        };
    }
}
