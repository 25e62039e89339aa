using Microchain.Planning.Sourcing;

namespace Microchain.Planning.Tests.Sourcing;

/// <summary>
/// PRE-OPTIMISATION REFERENCE, kept only to check equivalence: a verbatim copy of ClosestNodeStrategy on the workspace as it was
/// before the allocation-free rewrite.
/// The nearest node that holds the whole order; if none does, the order is split over the nearest nodes in turn,
/// each giving what it has. Distance is road distance from the travel model; ties go to the smaller node id.
/// </summary>
internal sealed class ReferenceClosestNode : ISourcingStrategy
{
    /// <inheritdoc />
    public string Name => "closest-node";

    /// <inheritdoc />
    public SourcingDecision Decide(SourcingRequest request, SourcingContext context)
    {
        var ws = ReferenceSourcingWorkspace.Build(request, context);
        var plans = new List<PlanEvaluation>();
        for (var n = 0; n < ws.Nodes.Length; n++)
        {
            var alone = ws.Allocate([n]).Allocations;
            plans.Add(ws.Plan([n], alone, ws.CanFillAll(n)));
        }
        for (var n = 0; n < ws.Nodes.Length; n++)
        {
            if (!ws.CanFillAll(n)) continue;
            var (allocations, shortages) = ws.Allocate([n]);
            var skipped = n == 0 ? "" : $"; {n} nearer node(s) lacked stock";
            return ws.Decide(Name, allocations, shortages, Ordered(plans, n), plans.Count,
                $"{ws.Nodes[n].NodeId} is the nearest node ({ws.Km(n)}) that holds every line{skipped}");
        }
        var all = Enumerable.Range(0, ws.Nodes.Length).ToArray();
        var (split, missing) = ws.Allocate(all);
        var usedNodes = all.Where(n => split.Exists(a => a.NodeId == ws.Nodes[n].NodeId)).ToArray();
        plans.Insert(0, ws.Plan(usedNodes, split, missing.Count == 0));
        var reason = missing.Count == 0
            ? $"no single node holds every line; split over the {usedNodes.Length} nearest node(s) with stock"
            : $"no single node holds every line and all {ws.Nodes.Length} candidates together are short of {missing.Sum(s => s.Quantity)} unit(s)";
        return ws.Decide(Name, split, missing, plans, plans.Count, reason);
    }

    private static IEnumerable<PlanEvaluation> Ordered(List<PlanEvaluation> plans, int winner) =>
        plans.Skip(winner).Take(1).Concat(plans.Where((_, i) => i != winner));
}
