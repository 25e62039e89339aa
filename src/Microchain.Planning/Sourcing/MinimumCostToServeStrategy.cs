namespace Microchain.Planning.Sourcing;

/// <summary>
/// The plan of least cost to serve (see <see cref="CostToServe"/>): pick cost + last mile + split penalty + load
/// penalty + stock-balancing penalty, with the order's segment weights. Every single node is priced; combinations of
/// 2..MaxNodesPerOrder nodes are priced among the <see cref="CombinationPool"/> nearest candidates. Within a
/// combination each SKU is taken from the cheapest-to-pick node first. Ties: fewer nodes, then nearer nodes, then id.
/// </summary>
/// <remarks>
/// Runs once per order on the request path, so the enumeration allocates nothing: combinations live in stack
/// buffers, only the best <see cref="SourcingExplanation.MaxPlansListed"/> plans are kept (a stable insertion keeps
/// the order a stable sort of every plan would give), and objects are built only for the plans listed and the winner.
/// </remarks>
public sealed class MinimumCostToServeStrategy : ISourcingStrategy
{
    /// <summary>Candidates combined into splits: C(16, 3) = 560 triples at most per order.</summary>
    public const int CombinationPool = 16;

    /// <inheritdoc />
    public string Name => "min-cost-to-serve";

    /// <inheritdoc />
    public SourcingDecision Decide(SourcingRequest request, SourcingContext context)
    {
        var ws = SourcingWorkspace.Build(request, context);
        var count = ws.Nodes.Length;
        Span<Priced> top = stackalloc Priced[SourcingExplanation.MaxPlansListed];
        var listed = 0;
        var evaluated = 0;
        // Single nodes: the cost of each that holds everything was priced when its candidate was evaluated.
        for (var n = 0; n < count; n++)
        {
            evaluated++;
            if (ws.CanFillAll(n)) Offer(top, ref listed, new Priced(ws.SingleNodeCost(n), 0d + ws.Meters[n], 1, n, -1, -1));
        }
        var pool = Math.Min(count, CombinationPool);
        // Rank of each pooled node by pick cost, ties by index: the preference within any combination.
        Span<int> rank = stackalloc int[pool];
        var everyNodeFillsAll = true;
        for (var n = 0; n < pool; n++)
        {
            var r = 0;
            for (var m = 0; m < pool; m++)
                if (PickBefore(ws, m, n)) r++;
            rank[n] = r;
            everyNodeFillsAll &= ws.CanFillAll(n);
        }
        Span<int> combo = stackalloc int[3];
        Span<int> preference = stackalloc int[3];
        for (var k = 2; k <= ws.Weights.MaxNodesPerOrder; k++)
        {
            evaluated = checked(evaluated + Binomial(pool, k));
            // Allocate would take everything from the preferred node of any combination: none uses every node.
            if (everyNodeFillsAll || k > pool) continue;
            var idx = combo[..k];
            var pref = preference[..k];
            for (var i = 0; i < k; i++) idx[i] = i;
            do
            {
                ByRank(idx, pref, rank);
                // A node that ends up giving nothing makes this a smaller combination, priced on its own.
                if (ws.CanFillAll(pref[0]) || !ws.TryPriceEvery(pref, out var cost)) continue;
                double meters = 0;
                foreach (var n in idx) meters += ws.Meters[n];
                Offer(top, ref listed, new Priced(cost, meters, k, idx[0], idx[1], k > 2 ? idx[2] : -1));
            }
            while (SourcingWorkspace.NextCombination(idx, pool));
        }
        if (listed == 0)
        {
            var all = new int[count];
            for (var n = 0; n < count; n++) all[n] = n;
            var (partial, missing) = ws.Allocate(all);
            var why = missing.Count > 0
                ? $"the candidates together are short of {missing.Sum(s => s.Quantity)} unit(s); took what exists, nearest first"
                : $"no combination of up to {ws.Weights.MaxNodesPerOrder} node(s) holds every line; split over the nearest nodes with stock";
            return ws.Decide(Name, partial, missing, [], evaluated, why, ws.Price(partial));
        }
        var plans = new PlanEvaluation[listed];
        for (var i = 0; i < listed; i++) plans[i] = ws.Plan(top[i].Nodes(combo), top[i].Cost, true);
        var best = top[0].Nodes(combo);
        ByRank(best, preference[..best.Length], rank);
        var (chosen, shortages) = ws.Allocate(preference[..best.Length]);
        var winner = plans[0];
        var reason = $"{string.Join(" + ", winner.NodeIds)} serves at {winner.Cost.TotalCents} cents " +
            $"(pick {winner.Cost.PickCents}, last mile {winner.Cost.LastMileCents}, split {winner.Cost.SplitPenaltyCents}, " +
            $"load {winner.Cost.LoadPenaltyCents}, stock balance {winner.Cost.StockBalancePenaltyCents})" +
            (plans.Length > 1 ? $", {plans[1].Cost.TotalCents - winner.Cost.TotalCents} cents below the runner-up {string.Join(" + ", plans[1].NodeIds)}" : ", the only feasible plan");
        return ws.Decide(Name, chosen, shortages, plans, evaluated, reason, winner.Cost);
    }

    /// <summary>Whether node <paramref name="a"/> is preferred to <paramref name="b"/>: cheaper to pick, ties by index.</summary>
    private static bool PickBefore(SourcingWorkspace ws, int a, int b)
    {
        var (ca, cb) = (ws.Nodes[a].PickCostCentsPerUnit, ws.Nodes[b].PickCostCentsPerUnit);
        return ca < cb || (ca == cb && a < b);
    }

    /// <summary>Copies the combination into <paramref name="preference"/> ordered by rank (insertion sort of ≤ 3).</summary>
    private static void ByRank(ReadOnlySpan<int> combo, Span<int> preference, ReadOnlySpan<int> rank)
    {
        for (var i = 0; i < combo.Length; i++)
        {
            var item = combo[i];
            var j = i - 1;
            while (j >= 0 && rank[preference[j]] > rank[item])
            {
                preference[j + 1] = preference[j];
                j--;
            }
            preference[j + 1] = item;
        }
    }

    private static int Binomial(int n, int k) => k > n ? 0 : k == 2 ? n * (n - 1) / 2 : n * (n - 1) * (n - 2) / 6;

    /// <summary>
    /// Inserts the plan after every kept plan that ranks no worse (cost, then node count, then total distance), so
    /// that equal plans keep enumeration order as a stable sort would; plans beyond the listed ones are dropped.
    /// </summary>
    private static void Offer(Span<Priced> top, ref int listed, Priced plan)
    {
        var at = listed;
        while (at > 0 && Compare(top[at - 1], plan) > 0) at--;
        if (at == top.Length) return;
        var last = Math.Min(listed, top.Length - 1);
        for (var i = last; i > at; i--) top[i] = top[i - 1];
        top[at] = plan;
        listed = Math.Min(listed + 1, top.Length);
    }

    private static int Compare(in Priced a, in Priced b)
    {
        var byCost = a.TotalCents.CompareTo(b.TotalCents);
        if (byCost != 0) return byCost;
        var byCount = a.Count.CompareTo(b.Count);
        return byCount != 0 ? byCount : a.Meters.CompareTo(b.Meters);
    }

    /// <summary>A priced plan: its cost, total distance and nodes (indexes in distance order, up to three).</summary>
    private readonly struct Priced(CostBreakdown cost, double meters, int count, int first, int second, int third)
    {
        public CostBreakdown Cost { get; } = cost;
        public long TotalCents { get; } = cost.TotalCents;
        public double Meters { get; } = meters;
        public int Count { get; } = count;

        /// <summary>The plan's node indexes, written into <paramref name="buffer"/> (length 3).</summary>
        public Span<int> Nodes(Span<int> buffer)
        {
            (buffer[0], buffer[1], buffer[2]) = (first, second, third);
            return buffer[..Count];
        }
    }
}
