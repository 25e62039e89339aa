using Microchain.Planning.Routing.Search;

namespace Microchain.Planning.Routing;

/// <summary>
/// Anytime solver for the rich vehicle-routing problem of a micro-fulfillment node: ruin-and-recreate
/// (SISR strings) under simulated annealing, with an optional fleet-minimisation phase, and a granular local search
/// (relocate, swap, 2-opt*, 2-opt, SWAP*; time windows priced by time-warp concatenation) on new bests.
/// Deterministic for a seed when <see cref="SolveOptions.MaxIterations"/> rather than time ends the search.
/// </summary>
public static class RoutingSolver
{
    /// <summary>
    /// Solves <paramref name="problem"/> until the time or iteration limit, or until cancelled; always returns the
    /// best feasible solution found (jobs that fit nowhere are reported unassigned with a reason).
    /// </summary>
    public static RoutingSolution Solve(
        RoutingProblem problem,
        SolveOptions options,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        if (options.TimeLimit <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "TimeLimit must be positive");
        if (options.MaxIterations < 0) throw new ArgumentOutOfRangeException(nameof(options), "MaxIterations must be non-negative");
        if (options.UnassignedPenalty < 0) throw new ArgumentOutOfRangeException(nameof(options), "UnassignedPenalty must be non-negative");
        var model = new SearchModel(problem, options.UnassignedPenalty);
        var reasons = Unassignability.Reasons(model);
        var servable = reasons.Select(r => r is null).ToArray();
        var engine = new SearchEngine(model, servable, options, timeProvider ?? TimeProvider.System, cancellationToken);
        var best = engine.Run();
        return SolutionExport.ToSolution(problem, model, best, reasons, options, engine.Iterations);
    }
}
