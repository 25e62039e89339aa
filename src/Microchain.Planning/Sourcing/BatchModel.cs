using Microchain.Domain.Orders;

namespace Microchain.Planning.Sourcing;

/// <summary>
/// The batch re-optimisation problem as arrays: picking nodes by id, SKUs by id, ATP and pick units with the
/// stock of unmovable orders set aside, and c(o, n) for every order that node n can fill alone.
/// </summary>
internal sealed class BatchModel
{
    private readonly NodeCandidate[] _nodes;
    private readonly string[] _skus;
    private readonly long[,] _atp;
    private readonly long[] _pickUnits;
    private readonly (int Sku, int Units)[][] _lines;
    private readonly long[,] _cost;
    private readonly bool[,] _feasible;

    private BatchModel(NodeCandidate[] nodes, string[] skus, long[,] atp, long[] pickUnits, int[] movable,
        (int, int)[][] lines, long[,] cost, bool[,] feasible, long fixedCostCents)
    {
        (_nodes, _skus, _atp, _pickUnits, Movable, _lines, _cost, _feasible, FixedCostCents) =
            (nodes, skus, atp, pickUnits, movable, lines, cost, feasible, fixedCostCents);
    }

    /// <summary>Input indexes of the orders that some single node can fill.</summary>
    public int[] Movable { get; }
    public int NodeCount => _nodes.Length;
    /// <summary>Cost of the orders kept as they are.</summary>
    public long FixedCostCents { get; }

    public long Cost(int order, int node) => _cost[order, node];

    /// <summary>Units of movable order <paramref name="order"/>.</summary>
    public int Units(int order) => _lines[order].Sum(l => l.Units);

    public long ExactCost(int[] assigned)
    {
        var total = FixedCostCents;
        for (var m = 0; m < assigned.Length; m++) total = checked(total + _cost[m, assigned[m]]);
        return total;
    }

    public Allocation[] WholeOrder(int order, int node) =>
        _lines[order].Select(l => new Allocation(_nodes[node].NodeId, _skus[l.Sku], l.Units)).ToArray();

    public static BatchModel Build(IReadOnlyList<BatchOrder> orders, SourcingContext context, BatchSettings settings)
    {
        var byId = new Dictionary<string, NodeCandidate>(StringComparer.Ordinal);
        foreach (var c in context.Candidates)
            if (!byId.TryAdd(c.NodeId, c)) throw new ArgumentException($"candidate {c.NodeId} is listed twice", nameof(context));
        var nodes = context.Candidates.Where(c => c.CanPick).OrderBy(c => c.NodeId, StringComparer.Ordinal).ToArray();
        var nodeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 0; n < nodes.Length; n++) nodeIndex[nodes[n].NodeId] = n;
        var skus = orders.SelectMany(o => o.Request.Lines).Select(l => l.SkuId).Distinct().Order(StringComparer.Ordinal).ToArray();
        var skuIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < skus.Length; s++) skuIndex[skus[s]] = s;
        var atp = new long[nodes.Length, skus.Length];
        for (var n = 0; n < nodes.Length; n++)
            for (var s = 0; s < skus.Length; s++) atp[n, s] = nodes[n].AtpOf(skus[s]);
        var pickUnits = nodes.Select(c => settings.PickUnitsAvailable is { } p && p.TryGetValue(c.NodeId, out var u) ? (long)Math.Max(0, u) : long.MaxValue / 4).ToArray();

        // Every current allocation must cover its order exactly and fit in ATP together with the others.
        var held = new Dictionary<(string, string), long>();
        var lines = new (int Sku, int Units)[orders.Count][];
        for (var i = 0; i < orders.Count; i++)
        {
            var request = orders[i].Request;
            var demand = request.Lines.GroupBy(l => l.SkuId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.Ordinal);
            if (demand.Values.Any(q => q <= 0)) throw new ArgumentException($"order {request.OrderId}: quantities must be positive", nameof(orders));
            var current = orders[i].CurrentAllocations.GroupBy(a => a.SkuId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(a => a.Quantity), StringComparer.Ordinal);
            if (current.Count != demand.Count || current.Any(c => demand.GetValueOrDefault(c.Key) != c.Value))
                throw new ArgumentException($"order {request.OrderId}: current allocations do not cover its lines exactly", nameof(orders));
            foreach (var a in orders[i].CurrentAllocations)
            {
                if (!byId.TryGetValue(a.NodeId, out var node)) throw new ArgumentException($"order {request.OrderId}: node {a.NodeId} is not a candidate", nameof(orders));
                var total = held[(a.NodeId, a.SkuId)] = held.GetValueOrDefault((a.NodeId, a.SkuId)) + a.Quantity;
                if (total > node.AtpOf(a.SkuId)) throw new ArgumentException($"node {a.NodeId}: the batch holds {total} of {a.SkuId}, above its ATP", nameof(context));
            }
            lines[i] = demand.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => (skuIndex[d.Key], d.Value)).ToArray();
        }

        var cost = new long[orders.Count, nodes.Length];
        var feasible = new bool[orders.Count, nodes.Length];
        var movable = new List<int>();
        long fixedCost = 0;
        for (var i = 0; i < orders.Count; i++)
        {
            for (var n = 0; n < nodes.Length; n++)
            {
                feasible[i, n] = lines[i].All(l => atp[n, l.Sku] >= l.Units);
                if (feasible[i, n])
                {
                    var whole = lines[i].Select(l => new Allocation(nodes[n].NodeId, skus[l.Sku], l.Units)).ToArray();
                    cost[i, n] = CostToServe.Price(whole, orders[i].Request, context).TotalCents;
                }
            }
            if (Enumerable.Range(0, nodes.Length).Any(n => feasible[i, n])) { movable.Add(i); continue; }
            fixedCost = checked(fixedCost + CostToServe.Price(orders[i].CurrentAllocations, orders[i].Request, context).TotalCents);
            foreach (var a in orders[i].CurrentAllocations)
            {
                if (!nodeIndex.TryGetValue(a.NodeId, out var n)) continue;
                atp[n, skuIndex[a.SkuId]] -= a.Quantity;
                pickUnits[n] = Math.Max(0, pickUnits[n] - a.Quantity);
            }
        }
        // Re-index the movable orders densely: row m of the model is input order Movable[m].
        var m2 = movable.Count;
        var movedLines = movable.Select(i => lines[i]).ToArray();
        var movedCost = new long[m2, nodes.Length];
        var movedFeasible = new bool[m2, nodes.Length];
        for (var m = 0; m < m2; m++)
            for (var n = 0; n < nodes.Length; n++) (movedCost[m, n], movedFeasible[m, n]) = (cost[movable[m], n], feasible[movable[m], n]);
        return new BatchModel(nodes, skus, atp, pickUnits, movable.ToArray(), movedLines, movedCost, movedFeasible, fixedCost);
    }

    /// <summary>
    /// Rounds a relaxation to a feasible whole-order assignment: orders the flow kept whole stay (the flow proves they
    /// fit together), each split order then takes its cheapest node with stock and pick units left. Null when some
    /// split order fits nowhere. Gives branch and bound good incumbents early, so it prunes more.
    /// </summary>
    public int[]? Repair(int[] assigned)
    {
        var atp = (long[,])_atp.Clone();
        var pick = (long[])_pickUnits.Clone();
        var result = (int[])assigned.Clone();
        for (var m = 0; m < result.Length; m++)
            if (result[m] >= 0) Take(m, result[m]);
        for (var m = 0; m < result.Length; m++)
        {
            if (result[m] >= 0) continue;
            var best = -1;
            for (var n = 0; n < NodeCount; n++)
                if (_feasible[m, n] && Fits(m, n) && (best < 0 || _cost[m, n] < _cost[m, best])) best = n;
            if (best < 0) return null;
            result[m] = best;
            Take(m, best);
        }
        return result;

        bool Fits(int m, int n) =>
            _lines[m].Sum(l => (long)l.Units) <= pick[n] && _lines[m].All(l => atp[n, l.Sku] >= l.Units);

        void Take(int m, int n)
        {
            foreach (var (sku, units) in _lines[m])
            {
                atp[n, sku] -= units;
                pick[n] -= units;
            }
        }
    }

    /// <summary>
    /// Solves the flow relaxation under the branching constraints; null when no flow carries every unit.
    /// Assigned[m] is the node holding all of order m's units, or -1 when the flow splits it.
    /// </summary>
    public (double Cost, int[] Assigned, int[] LargestShare)? Relax(int[] forced, bool[] forbidden)
    {
        var orders = Movable.Length;
        var lineCount = _lines.Sum(l => l.Length);
        // Vertices: 0 source, 1 sink, lines, node × SKU pairs, nodes.
        var lineBase = 2;
        var pairBase = lineBase + lineCount;
        var nodeBase = pairBase + NodeCount * _skus.Length;
        var flow = new MinCostFlow(nodeBase + NodeCount);
        var arcs = new List<(int Order, int Node, int Arc)>();
        long total = 0;
        var line = lineBase;
        for (var m = 0; m < orders; m++)
        {
            var units = _lines[m].Sum(l => l.Units);
            foreach (var (sku, q) in _lines[m])
            {
                flow.AddArc(0, line, q, 0);
                total += q;
                for (var n = 0; n < NodeCount; n++)
                {
                    var allowed = forced[m] >= 0 ? forced[m] == n : _feasible[m, n] && !forbidden[m * NodeCount + n];
                    if (allowed) arcs.Add((m, n, flow.AddArc(line, pairBase + n * _skus.Length + sku, q, (double)_cost[m, n] / units)));
                }
                line++;
            }
        }
        for (var n = 0; n < NodeCount; n++)
        {
            for (var s = 0; s < _skus.Length; s++)
                if (_atp[n, s] > 0) flow.AddArc(pairBase + n * _skus.Length + s, nodeBase + n, _atp[n, s], 0);
            flow.AddArc(nodeBase + n, 1, _pickUnits[n], 0);
        }
        var (sent, cost) = flow.Solve(0, 1, total);
        if (sent < total) return null;
        var share = new long[orders, NodeCount];
        foreach (var (m, n, arc) in arcs) share[m, n] += flow.Flow(arc);
        var assigned = new int[orders];
        var largest = new int[orders];
        for (var m = 0; m < orders; m++)
        {
            var units = _lines[m].Sum(l => l.Units);
            var best = 0;
            for (var n = 1; n < NodeCount; n++) if (share[m, n] > share[m, best]) best = n;
            largest[m] = best;
            assigned[m] = share[m, best] == units ? best : -1;
        }
        return (cost, assigned, largest);
    }
}
