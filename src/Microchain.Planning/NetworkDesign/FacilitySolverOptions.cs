namespace Microchain.Planning.NetworkDesign;

/// <summary>Limits and hooks of a network-design solve. Same inputs and seed give the same result unless a time limit stops the search.</summary>
public sealed record FacilitySolverOptions
{
    /// <summary>Stop after this long and return the best solution with its bound; null means no time limit.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Clock used for the time limit and the reported elapsed time.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Most branch-and-bound nodes to explore.</summary>
    public int MaxNodes { get; init; } = 200_000;

    /// <summary>Stop when (objective − bound) / objective is at most this.</summary>
    public double RelativeGapTolerance { get; init; } = 1e-9;

    /// <summary>Seed of the randomised parts (restarts of the local search).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Receives the incumbent and bound whenever either improves; called on the solving thread.</summary>
    public IProgress<FacilitySolverProgress>? Progress { get; init; }
}

/// <summary>A progress report: the incumbent objective, the global lower bound and the nodes explored so far.</summary>
/// <param name="Objective">Best objective found so far (infinity before the first solution).</param>
/// <param name="LowerBound">Best proven lower bound so far.</param>
/// <param name="Nodes">Branch-and-bound nodes explored.</param>
public readonly record struct FacilitySolverProgress(double Objective, double LowerBound, int Nodes);
