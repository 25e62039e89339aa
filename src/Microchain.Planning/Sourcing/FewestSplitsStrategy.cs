namespace Microchain.Planning.Sourcing;

/// <summary>
/// The fewest nodes that together hold the whole order; among equally few, the smallest total distance, then
/// node ids. Exact up to <see cref="ExactCandidateLimit"/> candidates (every combination of 1, 2, 3 nodes is
/// checked); with more candidates, or when 3 nodes do not suffice, greedy set cover (most units first).
/// </summary>
public sealed class FewestSplitsStrategy : ISourcingStrategy
{
    /// <summary>Most candidates enumerated exactly: C(20, 3) = 1 140 combinations.</summary>
    public const int ExactCandidateLimit = 20;

    /// <inheritdoc />
    public string Name => "fewest-splits";

    /// <inheritdoc />
    public SourcingDecision Decide(SourcingRequest request, SourcingContext context)
    {
        var ws = SourcingWorkspace.Build(request, context);
        var count = ws.Nodes.Length;
        var evaluated = 0;
        if (count <= ExactCandidateLimit)
        {
            Span<int> buffer = stackalloc int[3];
            for (var k = 1; k <= Math.Min(3, ws.Weights.MaxNodesPerOrder); k++)
            {
                var feasible = new List<(int[] Combo, double Meters)>();
                if (k <= count)
                {
                    // One index buffer for the enumeration; only combinations that cover the order are copied.
                    var combo = buffer[..k];
                    for (var i = 0; i < k; i++) combo[i] = i;
                    do
                    {
                        evaluated++;
                        if (!ws.Covers(combo)) continue;
                        double meters = 0;
                        foreach (var n in combo) meters += ws.Meters[n];
                        feasible.Add((combo.ToArray(), meters));
                    }
                    while (SourcingWorkspace.NextCombination(combo, count));
                }
                if (feasible.Count == 0) continue;
                // Combinations come in lexicographic order of distance rank, so a stable sort breaks ties by rank, then id.
                var ranked = feasible.OrderBy(f => f.Meters).ToList();
                var best = ranked[0].Combo;
                var (allocations, shortages) = ws.Allocate(best);
                var plans = ranked.Select(f => ws.Plan(f.Combo, ws.Allocate(f.Combo).Allocations, true));
                var ids = string.Join(", ", best.Select(n => ws.Nodes[n].NodeId));
                var reason = k == 1
                    ? $"{ids} holds every line alone and is the nearest of {feasible.Count} such node(s)"
                    : $"no {k - 1} node(s) hold every line; {ids} is the nearest of {feasible.Count} {k}-node combination(s) that do";
                return ws.Decide(Name, allocations, shortages, plans, evaluated, reason);
            }
        }
        return Greedy(ws, evaluated);
    }

    private SourcingDecision Greedy(SourcingWorkspace ws, int evaluated)
    {
        var remaining = (int[])ws.Demand.Clone();
        var chosen = new List<int>();
        while (remaining.Any(r => r > 0))
        {
            int best = -1, bestUnits = 0;
            for (var n = 0; n < ws.Nodes.Length; n++)
            {
                if (chosen.Contains(n)) continue;
                var units = 0;
                for (var s = 0; s < remaining.Length; s++) units += Math.Min(remaining[s], ws.Atp[n, s]);
                evaluated++;
                // Nodes are nearest first, so strict > keeps the nearest (then smallest id) on ties.
                if (units > bestUnits) (best, bestUnits) = (n, units);
            }
            if (best < 0) break;
            chosen.Add(best);
            for (var s = 0; s < remaining.Length; s++) remaining[s] -= Math.Min(remaining[s], ws.Atp[best, s]);
        }
        var (allocations, shortages) = ws.Allocate(chosen.ToArray());
        var plan = ws.Plan(chosen.ToArray(), allocations, shortages.Count == 0);
        var ids = string.Join(", ", chosen.Select(n => ws.Nodes[n].NodeId));
        var reason = shortages.Count == 0
            ? $"greedy set cover (most units first) over {ws.Nodes.Length} candidates chose {ids}"
            : $"the candidates together are short of {shortages.Sum(s => s.Quantity)} unit(s); greedy cover took what exists from {(ids.Length == 0 ? "no node" : ids)}";
        return ws.Decide(Name, allocations, shortages, [plan], evaluated, reason);
    }
}
