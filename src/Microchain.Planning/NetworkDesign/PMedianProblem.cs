namespace Microchain.Planning.NetworkDesign;

/// <summary>
/// A p-median instance: open exactly <see cref="MedianCount"/> sites so that the demand-weighted distance (or travel
/// time) from each customer to its nearest open site is least.
/// </summary>
/// <param name="Distances">Site-major distances, index <c>site * customerCount + customer</c>.</param>
/// <param name="DemandWeights">Weight of each customer (1 for the classic unweighted problem).</param>
/// <param name="MedianCount">Number of sites to open (p).</param>
public sealed record PMedianProblem(IReadOnlyList<double> Distances, IReadOnlyList<double> DemandWeights, int MedianCount)
{
    /// <summary>Forced open or closed sites; null means all free.</summary>
    public IReadOnlyList<SiteStatus>? SiteStatuses { get; init; }

    /// <summary>Longest allowed distance per customer; null means no limit.</summary>
    public IReadOnlyList<double>? MaxDistance { get; init; }

    /// <summary>The equivalent facility location instance (no opening costs, exactly p sites).</summary>
    public FacilityProblem ToFacilityProblem()
    {
        var n = DemandWeights.Count;
        if (n == 0 || Distances.Count % n != 0) throw new ArgumentException("Distances must hold SiteCount * CustomerCount values.");
        var m = Distances.Count / n;
        var cost = new double[Distances.Count];
        for (var k = 0; k < cost.Length; k++) cost[k] = DemandWeights[k % n] * Distances[k];
        return new FacilityProblem(new double[m], DemandWeights, cost)
        {
            MinOpenSites = MedianCount,
            MaxOpenSites = MedianCount,
            SiteStatuses = SiteStatuses,
            TravelMinutes = MaxDistance is null ? null : Distances,
            MaxTravelMinutes = MaxDistance,
        };
    }
}

/// <summary>Exact p-median by the facility location branch-and-bound (Lagrangian bounds, fast-interchange local search).</summary>
public static class PMedianSolver
{
    /// <summary>Solves <paramref name="problem"/>; the objective is the weighted distance sum.</summary>
    public static FacilitySolution Solve(PMedianProblem problem, FacilitySolverOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return FacilityLocationSolver.Solve(problem.ToFacilityProblem(), options, cancellationToken);
    }
}
