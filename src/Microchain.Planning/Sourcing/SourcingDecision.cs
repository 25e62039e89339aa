using Microchain.Domain.Orders;

namespace Microchain.Planning.Sourcing;

/// <summary>Units of a SKU that no candidate could supply.</summary>
public readonly record struct Shortage(string SkuId, int Quantity);

/// <summary>The cost-to-serve terms of a plan, in cents.</summary>
public readonly record struct CostBreakdown(long PickCents, long LastMileCents, long SplitPenaltyCents, long LoadPenaltyCents, long StockBalancePenaltyCents)
{
    /// <summary>Sum of all terms.</summary>
    public long TotalCents => checked(PickCents + LastMileCents + SplitPenaltyCents + LoadPenaltyCents + StockBalancePenaltyCents);
}

/// <summary>How one candidate node looked to the strategy.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="DistanceMeters">Road distance to the delivery point.</param>
/// <param name="FillableUnits">Units of the order this node alone could supply.</param>
/// <param name="CanFillAll">Whether it alone holds every line.</param>
/// <param name="SingleNodeCost">Cost to serve the whole order from this node alone, when it can.</param>
/// <param name="Note">Why it was excluded, when it was (e.g. no pick capacity).</param>
public sealed record CandidateEvaluation(string NodeId, double DistanceMeters, int FillableUnits, bool CanFillAll, CostBreakdown? SingleNodeCost, string? Note);

/// <summary>One set of nodes the strategy priced.</summary>
public sealed record PlanEvaluation(IReadOnlyList<string> NodeIds, bool Feasible, CostBreakdown Cost, double TotalDistanceMeters);

/// <summary>Why a strategy chose what it chose.</summary>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="Candidates">Every candidate considered, nearest first.</param>
/// <param name="Plans">The plans priced, best first (capped at <see cref="MaxPlansListed"/>; see <paramref name="PlansEvaluated"/>).</param>
/// <param name="PlansEvaluated">How many plans were evaluated in total.</param>
/// <param name="WinnerNodeIds">The nodes of the chosen plan.</param>
/// <param name="Reason">A sentence for people: why the winner won.</param>
public sealed record SourcingExplanation(
    string Strategy,
    IReadOnlyList<CandidateEvaluation> Candidates,
    IReadOnlyList<PlanEvaluation> Plans,
    int PlansEvaluated,
    IReadOnlyList<string> WinnerNodeIds,
    string Reason)
{
    /// <summary>Most plans listed in an explanation; the rest are only counted.</summary>
    public const int MaxPlansListed = 20;
}

/// <summary>A sourcing decision: where each unit comes from, or what is short.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Strategy">The strategy that decided.</param>
/// <param name="Fulfilled">True when every unit is allocated; otherwise <paramref name="Shortages"/> lists what is missing.</param>
/// <param name="Allocations">Node × SKU × quantity, ordered by node then SKU.</param>
/// <param name="Shortages">Units that no candidate could supply.</param>
/// <param name="Cost">The cost to serve of the allocations.</param>
/// <param name="Explanation">Candidates, cost terms and the reason.</param>
public sealed record SourcingDecision(
    string OrderId,
    string Strategy,
    bool Fulfilled,
    IReadOnlyList<Allocation> Allocations,
    IReadOnlyList<Shortage> Shortages,
    CostBreakdown Cost,
    SourcingExplanation Explanation);

/// <summary>A sourcing strategy: chooses the nodes and quantities that fill an order.</summary>
public interface ISourcingStrategy
{
    /// <summary>Stable name, e.g. "closest-node"; used in settings and explanations.</summary>
    string Name { get; }

    /// <summary>Decides where the order's units come from. Pure and deterministic (ties broken by node id).</summary>
    SourcingDecision Decide(SourcingRequest request, SourcingContext context);
}
