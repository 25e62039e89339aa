namespace Microchain.Planning.NetworkDesign;

/// <summary>
/// A maximal coverage instance: open at most <see cref="MaxOpenSites"/> sites (and within a budget, if any) so that the
/// most demand lies within each customer's promised travel time of an open site.
/// </summary>
/// <param name="TravelMinutes">Site-major travel times, index <c>site * customerCount + customer</c>.</param>
/// <param name="DemandUnits">Demand of each customer.</param>
/// <param name="CoverMinutes">Travel time within which each customer counts as covered (its segment's promise).</param>
public sealed record MaximalCoverageProblem(IReadOnlyList<double> TravelMinutes, IReadOnlyList<double> DemandUnits, IReadOnlyList<double> CoverMinutes)
{
    /// <summary>Most sites to open; null means no limit besides the budget.</summary>
    public int? MaxOpenSites { get; init; }

    /// <summary>Cost of each site against <see cref="Budget"/>; null means no budget.</summary>
    public IReadOnlyList<double>? SiteCost { get; init; }

    /// <summary>Limit on the total <see cref="SiteCost"/> of the open sites.</summary>
    public double? Budget { get; init; }

    /// <summary>Forced open or closed sites; null means all free.</summary>
    public IReadOnlyList<SiteStatus>? SiteStatuses { get; init; }

    /// <summary>The equivalent facility location instance: minimise uncovered demand (cost = demand when out of reach).</summary>
    public FacilityProblem ToFacilityProblem()
    {
        var n = DemandUnits.Count;
        if (n == 0 || TravelMinutes.Count % n != 0) throw new ArgumentException("TravelMinutes must hold SiteCount * CustomerCount values.");
        if (CoverMinutes.Count != n) throw new ArgumentException("CoverMinutes must hold one value per customer.");
        if (Budget is not null && SiteCost is null) throw new ArgumentException("A budget needs SiteCost.");
        var m = TravelMinutes.Count / n;
        var cost = new double[TravelMinutes.Count];
        for (var k = 0; k < cost.Length; k++) cost[k] = TravelMinutes[k] <= CoverMinutes[k % n] ? 0 : DemandUnits[k % n];
        return new FacilityProblem(new double[m], DemandUnits, cost)
        {
            MaxOpenSites = MaxOpenSites,
            SiteStatuses = SiteStatuses,
            OpeningBudget = Budget,
            BudgetCost = SiteCost,
        };
    }
}
