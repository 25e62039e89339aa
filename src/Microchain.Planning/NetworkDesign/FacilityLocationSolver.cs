namespace Microchain.Planning.NetworkDesign;

/// <summary>
/// Exact facility location: uncapacitated, capacitated multi-source and capacitated single-source, with forced
/// sites, site-count limits, an opening budget and maximum travel per customer. Branch-and-bound with Lagrangian
/// bounds; multi-source assignments are priced by a transportation solver, single-source ones by a generalized
/// assignment heuristic (then the bound is the multi-source one and the result reports its gap honestly).
/// </summary>
public static class FacilityLocationSolver
{
    /// <summary>Solves <paramref name="problem"/>; limits and cancellation return the best solution found with its bound.</summary>
    /// <exception cref="ArgumentException">The problem is malformed (see <see cref="FacilityProblem.Validate"/>).</exception>
    public static FacilitySolution Solve(FacilityProblem problem, FacilitySolverOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var model = new LocationModel(problem);
        return new BranchAndBound(model, options ?? new FacilitySolverOptions(), cancellationToken).Run();
    }
}
