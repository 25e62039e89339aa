using Microchain.Planning.Sourcing;

namespace Microchain.Planning.Tests.Sourcing;

/// <summary>
/// PRE-OPTIMISATION REFERENCE, kept only to check equivalence: a verbatim copy of MinimumCostToServeStrategy as it was
/// before the allocation-free rewrite; <c>MinimumCostToServeEquivalenceTests</c> checks the production strategy against it.
/// The plan of least cost to serve (see <see cref="CostToServe"/>): pick cost + last mile + split penalty + load
/// penalty + stock-balancing penalty, with the order's segment weights. Every single node is priced; combinations of
/// 2..MaxNodesPerOrder nodes are priced among the <see cref="CombinationPool"/> nearest candidates. Within a
/// combination each SKU is taken from the cheapest-to-pick node first. Ties: fewer nodes, then nearer nodes, then id.
/// </summary>
internal sealed class ReferenceMinimumCostToServe : ISourcingStrategy
{
    /// <summary>Candidates combined into splits: C(16, 3) = 560 triples at most per order.</summary>
    public const int CombinationPool = 16;

    /// <inheritdoc />
    public string Name => "min-cost-to-serve";

    /// <inheritdoc />
    public SourcingDecision Decide(SourcingRequest request, SourcingContext context)
    {
        var ws = ReferenceSourcingWorkspace.Build(request, context);
        var priced = new List<(PlanEvaluation Plan, int[] Preference)>();
        var evaluated = 0;
        for (var k = 1; k <= ws.Weights.MaxNodesPerOrder; k++)
        {
            var pool = k == 1 ? ws.Nodes.Length : Math.Min(ws.Nodes.Length, CombinationPool);
            foreach (var combo in ReferenceSourcingWorkspace.Combinations(pool, k))
            {
                evaluated++;
                if (!ws.Covers(combo)) continue;
                var preference = ByPickCost(ws, combo);
                // A node that ends up giving nothing makes this a smaller combination, priced on its own.
                if (!ws.UsesEvery(preference)) continue;
                var allocations = ws.Allocate(preference).Allocations;
                priced.Add((ws.Plan(combo, allocations, true), preference));
            }
        }
        // A stable sort: equal plans keep enumeration order (nearer nodes first, then id).
        var ranked = priced.OrderBy(p => p.Plan.Cost.TotalCents).ThenBy(p => p.Plan.NodeIds.Count).ThenBy(p => p.Plan.TotalDistanceMeters).ToList();
        var plans = ranked.Select(p => p.Plan).ToList();
        if (ranked.Count == 0)
        {
            var all = Enumerable.Range(0, ws.Nodes.Length).ToArray();
            var (partial, missing) = ws.Allocate(all);
            var why = missing.Count > 0
                ? $"the candidates together are short of {missing.Sum(s => s.Quantity)} unit(s); took what exists, nearest first"
                : $"no combination of up to {ws.Weights.MaxNodesPerOrder} node(s) holds every line; split over the nearest nodes with stock";
            return ws.Decide(Name, partial, missing, plans, evaluated, why);
        }
        var (chosen, shortages) = ws.Allocate(ranked[0].Preference);
        var winner = plans[0];
        var reason = $"{string.Join(" + ", winner.NodeIds)} serves at {winner.Cost.TotalCents} cents " +
            $"(pick {winner.Cost.PickCents}, last mile {winner.Cost.LastMileCents}, split {winner.Cost.SplitPenaltyCents}, " +
            $"load {winner.Cost.LoadPenaltyCents}, stock balance {winner.Cost.StockBalancePenaltyCents})" +
            (plans.Count > 1 ? $", {plans[1].Cost.TotalCents - winner.Cost.TotalCents} cents below the runner-up {string.Join(" + ", plans[1].NodeIds)}" : ", the only feasible plan");
        return ws.Decide(Name, chosen, shortages, plans, evaluated, reason);
    }

    private static int[] ByPickCost(ReferenceSourcingWorkspace ws, int[] combo) =>
        combo.OrderBy(n => ws.Nodes[n].PickCostCentsPerUnit).ThenBy(n => n).ToArray();
}
