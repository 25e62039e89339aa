namespace Microchain.Planning.NetworkDesign;

/// <summary>
/// A facility location instance: candidate sites with an opening cost and optional capacity, customers with demand,
/// and the cost of serving all of a customer's demand from a site. Costs are in one consistent unit chosen by the
/// caller (for example cents); the solvers optimise them in floating point, so convert to minor units when booking.
/// </summary>
public sealed record FacilityProblem
{
    /// <summary>Creates an instance; <paramref name="assignmentCost"/> is site-major: index <c>site * customerCount + customer</c>.</summary>
    public FacilityProblem(IReadOnlyList<double> openingCost, IReadOnlyList<double> demandUnits, IReadOnlyList<double> assignmentCost)
    {
        ArgumentNullException.ThrowIfNull(openingCost);
        ArgumentNullException.ThrowIfNull(demandUnits);
        ArgumentNullException.ThrowIfNull(assignmentCost);
        OpeningCost = openingCost;
        DemandUnits = demandUnits;
        AssignmentCost = assignmentCost;
    }

    /// <summary>Cost of opening each candidate site.</summary>
    public IReadOnlyList<double> OpeningCost { get; }

    /// <summary>Demand of each customer (units of capacity).</summary>
    public IReadOnlyList<double> DemandUnits { get; }

    /// <summary>Cost of serving ALL of a customer's demand from a site, site-major; a fraction of the demand costs that fraction.</summary>
    public IReadOnlyList<double> AssignmentCost { get; }

    /// <summary>Capacity of each site in demand units; null means uncapacitated.</summary>
    public IReadOnlyList<double>? CapacityUnits { get; init; }

    /// <summary>How demand may be split when sites are capacitated (ignored when uncapacitated).</summary>
    public SourcingMode Sourcing { get; init; } = SourcingMode.MultiSource;

    /// <summary>Forced open or closed sites; null means all free.</summary>
    public IReadOnlyList<SiteStatus>? SiteStatuses { get; init; }

    /// <summary>Fewest open sites (forced-open ones included).</summary>
    public int MinOpenSites { get; init; }

    /// <summary>Most open sites (forced-open ones included); null means no limit. Set both to p for a p-median.</summary>
    public int? MaxOpenSites { get; init; }

    /// <summary>Upper limit on the total budget cost of the open sites; null means no budget.</summary>
    public double? OpeningBudget { get; init; }

    /// <summary>What each site draws from <see cref="OpeningBudget"/>; null means its <see cref="OpeningCost"/>.</summary>
    public IReadOnlyList<double>? BudgetCost { get; init; }

    /// <summary>Travel time from each site to each customer, site-major like <see cref="AssignmentCost"/>; needed with <see cref="MaxTravelMinutes"/>.</summary>
    public IReadOnlyList<double>? TravelMinutes { get; init; }

    /// <summary>Longest allowed travel per customer (the promise of its segment); a site farther away may not serve it.</summary>
    public IReadOnlyList<double>? MaxTravelMinutes { get; init; }

    /// <summary>Number of candidate sites.</summary>
    public int SiteCount => OpeningCost.Count;

    /// <summary>Number of customers.</summary>
    public int CustomerCount => DemandUnits.Count;

    /// <summary>True when sites have capacities.</summary>
    public bool IsCapacitated => CapacityUnits is not null;

    /// <summary>Throws <see cref="ArgumentException"/> when sizes disagree or values are negative or not finite.</summary>
    public void Validate()
    {
        int m = SiteCount, n = CustomerCount;
        if (m == 0) throw new ArgumentException("At least one candidate site is needed.");
        if (AssignmentCost.Count != (long)m * n) throw new ArgumentException("AssignmentCost must hold SiteCount * CustomerCount values.");
        RequireFiniteNonNegative(OpeningCost, nameof(OpeningCost));
        RequireFiniteNonNegative(DemandUnits, nameof(DemandUnits));
        RequireFiniteNonNegative(AssignmentCost, nameof(AssignmentCost));
        if (CapacityUnits is not null)
        {
            if (CapacityUnits.Count != m) throw new ArgumentException("CapacityUnits must hold one value per site.");
            RequireFiniteNonNegative(CapacityUnits, nameof(CapacityUnits));
        }
        if (BudgetCost is not null)
        {
            if (BudgetCost.Count != m) throw new ArgumentException("BudgetCost must hold one value per site.");
            RequireFiniteNonNegative(BudgetCost, nameof(BudgetCost));
        }
        if (SiteStatuses is not null && SiteStatuses.Count != m) throw new ArgumentException("SiteStatuses must hold one value per site.");
        if (MinOpenSites < 0 || MinOpenSites > m) throw new ArgumentException("MinOpenSites must be between 0 and SiteCount.");
        if (MaxOpenSites is { } max && (max < MinOpenSites || max > m)) throw new ArgumentException("MaxOpenSites must be between MinOpenSites and SiteCount.");
        if (OpeningBudget is { } budget && (double.IsNaN(budget) || budget < 0)) throw new ArgumentException("OpeningBudget must be non-negative.");
        if (MaxTravelMinutes is not null)
        {
            if (MaxTravelMinutes.Count != n) throw new ArgumentException("MaxTravelMinutes must hold one value per customer.");
            if (TravelMinutes is null || TravelMinutes.Count != (long)m * n) throw new ArgumentException("TravelMinutes must hold SiteCount * CustomerCount values when MaxTravelMinutes is set.");
        }
    }

    private static void RequireFiniteNonNegative(IReadOnlyList<double> values, string name)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]) || values[i] < 0) throw new ArgumentException($"{name}[{i}] must be finite and non-negative.");
        }
    }
}
