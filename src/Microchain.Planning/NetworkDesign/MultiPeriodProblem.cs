namespace Microchain.Planning.NetworkDesign;

/// <summary>
/// A network re-assessment over periods (e.g. months): demand moves, and sites may open or close between periods at a
/// one-time cost. Each period pays the operating cost of its open sites and the cost of serving its demand.
/// </summary>
/// <param name="OperatingCostPerPeriod">Per site, what being open costs in one period.</param>
/// <param name="OpeningCost">Per site, the one-time cost of opening it (fit-out, relocation).</param>
/// <param name="ClosingCost">Per site, the one-time cost of closing it (lease exit, moving stock).</param>
/// <param name="UnitAssignmentCost">Site-major cost of serving one demand unit of a customer from a site.</param>
/// <param name="DemandUnitsByPeriod">Per period, the demand of each customer.</param>
public sealed record MultiPeriodProblem(
    IReadOnlyList<double> OperatingCostPerPeriod,
    IReadOnlyList<double> OpeningCost,
    IReadOnlyList<double> ClosingCost,
    IReadOnlyList<double> UnitAssignmentCost,
    IReadOnlyList<IReadOnlyList<double>> DemandUnitsByPeriod)
{
    /// <summary>Sites open before the first period (the current network); null means none.</summary>
    public IReadOnlyList<bool>? InitiallyOpen { get; init; }

    /// <summary>Capacity of each site per period; null means uncapacitated.</summary>
    public IReadOnlyList<double>? CapacityUnits { get; init; }

    /// <summary>How demand may be split when sites are capacitated.</summary>
    public SourcingMode Sourcing { get; init; } = SourcingMode.MultiSource;

    /// <summary>Sites forced open or closed in every period; null means all free.</summary>
    public IReadOnlyList<SiteStatus>? SiteStatuses { get; init; }

    /// <summary>Fewest open sites in any period.</summary>
    public int MinOpenSites { get; init; }

    /// <summary>Most open sites in any period; null means no limit.</summary>
    public int? MaxOpenSites { get; init; }

    /// <summary>Site-major travel times; with <see cref="MaxTravelMinutes"/> they limit who may serve whom.</summary>
    public IReadOnlyList<double>? TravelMinutes { get; init; }

    /// <summary>Longest allowed travel per customer (its segment's promise).</summary>
    public IReadOnlyList<double>? MaxTravelMinutes { get; init; }

    /// <summary>Number of candidate sites.</summary>
    public int SiteCount => OperatingCostPerPeriod.Count;

    /// <summary>Number of periods.</summary>
    public int PeriodCount => DemandUnitsByPeriod.Count;

    /// <summary>The single-period facility problem of period <paramref name="period"/>, optionally with every site's state fixed.</summary>
    public FacilityProblem PeriodProblem(int period, bool[]? fixedOpen = null)
    {
        var demand = DemandUnitsByPeriod[period];
        var n = demand.Count;
        if (n == 0 || UnitAssignmentCost.Count != SiteCount * n) throw new ArgumentException("UnitAssignmentCost must hold SiteCount * CustomerCount values.");
        if (OpeningCost.Count != SiteCount || ClosingCost.Count != SiteCount) throw new ArgumentException("OpeningCost and ClosingCost need one value per site.");
        var cost = new double[UnitAssignmentCost.Count];
        for (var k = 0; k < cost.Length; k++) cost[k] = UnitAssignmentCost[k] * demand[k % n];
        var statuses = SiteStatuses;
        if (fixedOpen is not null) statuses = [.. fixedOpen.Select(o => o ? SiteStatus.ForcedOpen : SiteStatus.ForcedClosed)];
        return new FacilityProblem(OperatingCostPerPeriod, demand, cost)
        {
            CapacityUnits = CapacityUnits,
            Sourcing = Sourcing,
            SiteStatuses = statuses,
            MinOpenSites = MinOpenSites,
            MaxOpenSites = MaxOpenSites,
            TravelMinutes = TravelMinutes,
            MaxTravelMinutes = MaxTravelMinutes,
        };
    }
}
