namespace Microchain.Planning.NetworkDesign;

/// <summary>Why a network-design solver stopped.</summary>
public enum SolveStatus
{
    /// <summary>The search finished: the objective equals the lower bound within the tolerance.</summary>
    Optimal = 0,

    /// <summary>The search finished but the lower bound is not tight (single-source assignment is solved heuristically).</summary>
    Completed = 1,

    /// <summary>The time limit ran out; the result is the best found with its bound.</summary>
    TimeLimit = 2,

    /// <summary>The node limit ran out; the result is the best found with its bound.</summary>
    NodeLimit = 3,

    /// <summary>The caller cancelled; the result is the best found with its bound.</summary>
    Cancelled = 4,

    /// <summary>No solution satisfies the constraints (capacity, budget, site count or travel time).</summary>
    Infeasible = 5,
}
