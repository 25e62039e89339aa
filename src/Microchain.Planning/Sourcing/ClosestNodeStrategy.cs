namespace Microchain.Planning.Sourcing;

/// <summary>
/// The nearest node that holds the whole order; if none does, the order is split over the nearest nodes in turn,
/// each giving what it has. Distance is road distance from the travel model; ties go to the smaller node id.
/// </summary>
public sealed class ClosestNodeStrategy : ISourcingStrategy
{
    /// <inheritdoc />
    public string Name => "closest-node";

    /// <inheritdoc />
    public SourcingDecision Decide(SourcingRequest request, SourcingContext context)
    {
        var ws = SourcingWorkspace.Build(request, context);
        var plans = new List<PlanEvaluation>(ws.Nodes.Length + 1);
        for (var n = 0; n < ws.Nodes.Length; n++) plans.Add(ws.Plan([n], ws.PriceGreedy([n]), ws.CanFillAll(n)));
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
