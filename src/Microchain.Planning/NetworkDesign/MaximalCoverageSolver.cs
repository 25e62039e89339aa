namespace Microchain.Planning.NetworkDesign;

/// <summary>The result of a maximal coverage solve.</summary>
public sealed record CoverageSolution
{
    /// <summary>Why the solver stopped.</summary>
    public required SolveStatus Status { get; init; }

    /// <summary>Demand within reach of an open site.</summary>
    public required double CoveredDemandUnits { get; init; }

    /// <summary>Proven upper bound on the demand any solution can cover.</summary>
    public required double UpperBoundDemandUnits { get; init; }

    /// <summary>Total demand.</summary>
    public required double TotalDemandUnits { get; init; }

    /// <summary>Covered share of demand, in [0, 1].</summary>
    public double CoveredShare => TotalDemandUnits > 0 ? CoveredDemandUnits / TotalDemandUnits : 1;

    /// <summary>(bound − covered) / bound; 0 when proven optimal.</summary>
    public double Gap => UpperBoundDemandUnits > 0 ? Math.Max(0, (UpperBoundDemandUnits - CoveredDemandUnits) / UpperBoundDemandUnits) : 0;

    /// <summary>True when the coverage is proven maximal.</summary>
    public bool IsOptimal => Status == SolveStatus.Optimal;

    /// <summary>Indices of the open sites.</summary>
    public required IReadOnlyList<int> OpenSites { get; init; }

    /// <summary>For each customer, the covering open site, or -1 when none is within reach.</summary>
    public required IReadOnlyList<int> CoveringSite { get; init; }

    /// <summary>Branch-and-bound nodes explored.</summary>
    public required int Nodes { get; init; }

    /// <summary>Wall time of the solve.</summary>
    public required TimeSpan Elapsed { get; init; }
}

/// <summary>Exact maximal coverage, solved as a facility location whose cost is the uncovered demand.</summary>
public static class MaximalCoverageSolver
{
    /// <summary>Solves <paramref name="problem"/>; limits and cancellation return the best solution found with its bound.</summary>
    public static CoverageSolution Solve(MaximalCoverageProblem problem, FacilitySolverOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var n = problem.DemandUnits.Count;
        var solution = FacilityLocationSolver.Solve(problem.ToFacilityProblem(), options, cancellationToken);
        var total = problem.DemandUnits.Sum();
        var covering = new int[n];
        Array.Fill(covering, -1);
        var covered = 0.0;
        for (var j = 0; j < n; j++)
        {
            foreach (var site in solution.OpenSites)
            {
                if (problem.TravelMinutes[(site * n) + j] > problem.CoverMinutes[j]) continue;
                covering[j] = site;
                covered += problem.DemandUnits[j];
                break;
            }
        }
        return new CoverageSolution
        {
            Status = solution.Status,
            CoveredDemandUnits = covered,
            UpperBoundDemandUnits = Math.Max(covered, total - solution.LowerBound),
            TotalDemandUnits = total,
            OpenSites = solution.OpenSites,
            CoveringSite = covering,
            Nodes = solution.Nodes,
            Elapsed = solution.Elapsed,
        };
    }
}
