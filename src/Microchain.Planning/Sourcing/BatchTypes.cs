using Microchain.Domain.Orders;

namespace Microchain.Planning.Sourcing;

/// <summary>A not-yet-picked order and where its units are allocated now (must cover every line exactly).</summary>
public sealed record BatchOrder(SourcingRequest Request, IReadOnlyList<Allocation> CurrentAllocations);

/// <summary>Limits of a batch re-optimisation.</summary>
/// <param name="MaxBranchNodes">Branch-and-bound nodes explored before the best assignment found so far is returned.</param>
/// <param name="MaxOrders">Largest batch accepted.</param>
/// <param name="PickUnitsAvailable">
/// Optional units each node can still pick for this batch (by node id); absent = unlimited. The input assignment
/// is kept when it already breaks these, unless a feasible cheaper one is found.
/// </param>
public sealed record BatchSettings(int MaxBranchNodes = 20_000, int MaxOrders = 1_000, IReadOnlyDictionary<string, int>? PickUnitsAvailable = null)
{
    /// <summary>The defaults.</summary>
    public static BatchSettings Default { get; } = new();
}

/// <summary>One order's allocation before and after re-optimisation.</summary>
public sealed record BatchAssignment(
    string OrderId,
    IReadOnlyList<Allocation> Before,
    IReadOnlyList<Allocation> After,
    long CostBeforeCents,
    long CostAfterCents)
{
    /// <summary>Whether the order moved.</summary>
    public bool Changed => !Before.SequenceEqual(After);
}

/// <summary>The outcome of a batch re-optimisation.</summary>
/// <param name="Assignments">One per input order, in input order.</param>
/// <param name="CostBeforeCents">Total cost to serve of the input allocations.</param>
/// <param name="CostAfterCents">Total cost to serve of the returned allocations; never above <paramref name="CostBeforeCents"/>.</param>
/// <param name="ProvedOptimal">True when branch and bound finished: no whole-order assignment is cheaper.</param>
/// <param name="BranchNodes">Branch-and-bound nodes explored.</param>
/// <param name="LowerBoundCents">Cost of the root relaxation: no whole-order assignment can cost less.</param>
/// <param name="Explanation">A sentence for people.</param>
public sealed record BatchResult(
    IReadOnlyList<BatchAssignment> Assignments,
    long CostBeforeCents,
    long CostAfterCents,
    bool ProvedOptimal,
    int BranchNodes,
    double LowerBoundCents,
    string Explanation)
{
    /// <summary>What the re-optimisation saved.</summary>
    public long SavingCents => CostBeforeCents - CostAfterCents;

    /// <summary>Orders whose allocation changed.</summary>
    public int OrdersMoved => Assignments.Count(a => a.Changed);
}
