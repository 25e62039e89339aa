namespace Microchain.Planning.Routing;

/// <summary>Limits and knobs of one <see cref="RoutingSolver.Solve"/> call.</summary>
public sealed record SolveOptions
{
    /// <summary>Wall-clock budget; the best solution found so far is returned when it runs out.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Seed of the solver's random generator: same seed and same iteration limit give the same solution.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Upper bound on search iterations; runs are reproducible when this, not time, stops the search.</summary>
    public long MaxIterations { get; init; } = long.MaxValue;

    /// <summary>Cost of leaving one job of priority 1 unassigned (multiplied by the job's priority).</summary>
    public decimal UnassignedPenalty { get; init; } = 1_000_000m;

    /// <summary>
    /// When true, the search first removes whole routes while every job stays served
    /// (the hierarchical convention: fewest vehicles, then cost).
    /// </summary>
    public bool MinimizeVehicles { get; init; }

    /// <summary>
    /// When true (the default), each new best solution is improved by a granular local search (relocate, swap, 2-opt*,
    /// 2-opt, SWAP*) priced by time-warp concatenation, where the instance allows it (one window per job, no time
    /// costs or duration limits, no skills). Off only to measure its contribution.
    /// </summary>
    public bool LocalSearch { get; init; } = true;

    /// <summary>Receives a report whenever the best solution improves (called on the solving thread).</summary>
    public IProgress<SearchProgress>? Progress { get; init; }
}

/// <summary>A snapshot sent to <see cref="SolveOptions.Progress"/> when the best solution improves.</summary>
/// <param name="Iteration">Iterations done so far.</param>
/// <param name="Elapsed">Time since the search started.</param>
/// <param name="BestCost">Objective of the best solution (cost plus unassigned penalties).</param>
/// <param name="RoutesUsed">Non-empty routes of the best solution.</param>
/// <param name="Unassigned">Jobs the best solution leaves out.</param>
public readonly record struct SearchProgress(long Iteration, TimeSpan Elapsed, decimal BestCost, int RoutesUsed, int Unassigned);
