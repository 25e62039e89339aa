using Microchain.Domain.Geo;
using Microchain.Domain.Orders;
using Microchain.Planning.Sourcing;

namespace Microchain.Planning.Tests.Sourcing;

/// <summary>
/// PRE-OPTIMISATION REFERENCE, kept only to check equivalence: a verbatim copy of SourcingWorkspace as it was before
/// the allocation-free rewrite (do not optimise or fix it here; change the production code and let the property compare).
/// One order's candidates indexed for the strategies: eligible nodes nearest first (ties by id), the order's SKUs
/// merged, ATP as a node × SKU matrix. Built once per decision so that strategies work on arrays.
/// </summary>
internal sealed class ReferenceSourcingWorkspace
{
    private ReferenceSourcingWorkspace(SourcingRequest request, CostToServeWeights weights, NodeCandidate[] nodes, double[] meters,
        string[] skus, int[] demand, int[,] atp, List<CandidateEvaluation> evaluations)
    {
        (Request, Weights, Nodes, Meters, Skus, Demand, Atp, Evaluations) = (request, weights, nodes, meters, skus, demand, atp, evaluations);
    }

    public SourcingRequest Request { get; }
    public CostToServeWeights Weights { get; }
    public NodeCandidate[] Nodes { get; }
    public double[] Meters { get; }
    public string[] Skus { get; }
    public int[] Demand { get; }
    public int[,] Atp { get; }
    public List<CandidateEvaluation> Evaluations { get; }

    public static ReferenceSourcingWorkspace Build(SourcingRequest request, SourcingContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.Lines.Count == 0) throw new ArgumentException("an order to source needs at least one line", nameof(request));
        var weights = context.Settings.For(request.SegmentId);
        weights.Check();
        var demandBySku = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in request.Lines)
        {
            if (line.Quantity <= 0) throw new ArgumentException($"line {line.SkuId}: quantity must be positive", nameof(request));
            demandBySku[line.SkuId] = checked(demandBySku.GetValueOrDefault(line.SkuId) + line.Quantity);
        }
        var skus = demandBySku.Keys.ToArray();
        var demand = demandBySku.Values.ToArray();
        var evaluations = new List<CandidateEvaluation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var eligible = new List<(NodeCandidate Node, double Meters)>();
        foreach (var c in context.Candidates)
        {
            var m = context.Travel.Travel(c.Location, request.DeliverTo, VehicleKind.Van).DistanceMeters;
            if (!seen.Add(c.NodeId)) throw new ArgumentException($"candidate {c.NodeId} is listed twice", nameof(context));
            if (!c.CanPick) evaluations.Add(new(c.NodeId, m, 0, false, null, "no pick capacity"));
            else eligible.Add((c, m));
        }
        eligible.Sort((a, b) => a.Meters != b.Meters ? a.Meters.CompareTo(b.Meters) : string.CompareOrdinal(a.Node.NodeId, b.Node.NodeId));
        foreach (var (c, m) in eligible.Skip(SourcingContext.MaxCandidates))
            evaluations.Add(new(c.NodeId, m, 0, false, null, $"beyond the {SourcingContext.MaxCandidates} nearest candidates"));
        if (eligible.Count > SourcingContext.MaxCandidates) eligible.RemoveRange(SourcingContext.MaxCandidates, eligible.Count - SourcingContext.MaxCandidates);
        var nodes = eligible.Select(e => e.Node).ToArray();
        var meters = eligible.Select(e => e.Meters).ToArray();
        var atp = new int[nodes.Length, skus.Length];
        for (var n = 0; n < nodes.Length; n++)
            for (var s = 0; s < skus.Length; s++) atp[n, s] = nodes[n].AtpOf(skus[s]);
        var ws = new ReferenceSourcingWorkspace(request, weights, nodes, meters, skus, demand, atp, evaluations);
        var listed = new List<CandidateEvaluation>(nodes.Length + evaluations.Count);
        for (var n = 0; n < nodes.Length; n++)
        {
            var all = ws.CanFillAll(n);
            listed.Add(new(nodes[n].NodeId, meters[n], ws.Fillable(n), all, all ? ws.Price(ws.Allocate([n]).Allocations) : null, AssortmentNote(nodes[n], skus)));
        }
        listed.AddRange(evaluations);
        evaluations.Clear();
        evaluations.AddRange(listed);
        return ws;
    }

    /// <summary>Says which of the order's SKUs the node's assortment excludes, if any.</summary>
    private static string? AssortmentNote(NodeCandidate node, string[] skus)
    {
        var excluded = node.NotStocked?.Where(s => Array.BinarySearch(skus, s, StringComparer.Ordinal) >= 0).Order(StringComparer.Ordinal).ToArray();
        return excluded is { Length: > 0 } ? $"assortment excludes {string.Join(", ", excluded)}" : null;
    }

    public bool CanFillAll(int node)
    {
        for (var s = 0; s < Skus.Length; s++)
            if (Atp[node, s] < Demand[s]) return false;
        return true;
    }

    public int Fillable(int node)
    {
        var units = 0;
        for (var s = 0; s < Skus.Length; s++) units += Math.Min(Atp[node, s], Demand[s]);
        return units;
    }

    /// <summary>Whether the nodes together hold every unit.</summary>
    public bool Covers(ReadOnlySpan<int> combo)
    {
        for (var s = 0; s < Skus.Length; s++)
        {
            long sum = 0;
            foreach (var n in combo) sum += Atp[n, s];
            if (sum < Demand[s]) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether <see cref="Allocate"/> with this preference takes something from every node, without building the
    /// allocation (most combinations fail this when one node holds the whole basket: the hot path of the strategy).
    /// </summary>
    public bool UsesEvery(ReadOnlySpan<int> preference)
    {
        Span<bool> used = stackalloc bool[preference.Length];
        for (var s = 0; s < Skus.Length; s++)
        {
            var remaining = Demand[s];
            for (var i = 0; i < preference.Length && remaining > 0; i++)
            {
                var take = Math.Min(remaining, Atp[preference[i], s]);
                if (take <= 0) continue;
                used[i] = true;
                remaining -= take;
            }
        }
        return !used.Contains(false);
    }

    /// <summary>Takes each SKU from the nodes in the given order of preference; what none holds is short.</summary>
    public (List<Allocation> Allocations, List<Shortage> Shortages) Allocate(ReadOnlySpan<int> preference)
    {
        var taken = new List<(int Node, int Sku, int Units)>();
        var shortages = new List<Shortage>();
        for (var s = 0; s < Skus.Length; s++)
        {
            var remaining = Demand[s];
            foreach (var n in preference)
            {
                if (remaining == 0) break;
                var take = Math.Min(remaining, Atp[n, s]);
                if (take <= 0) continue;
                taken.Add((n, s, take));
                remaining -= take;
            }
            if (remaining > 0) shortages.Add(new Shortage(Skus[s], remaining));
        }
        var allocations = taken
            .OrderBy(t => Nodes[t.Node].NodeId, StringComparer.Ordinal).ThenBy(t => Skus[t.Sku], StringComparer.Ordinal)
            .Select(t => new Allocation(Nodes[t.Node].NodeId, Skus[t.Sku], t.Units))
            .ToList();
        return (allocations, shortages);
    }

    public int IndexOf(string nodeId) => Array.FindIndex(Nodes, n => n.NodeId == nodeId);

    public CostBreakdown Price(IReadOnlyList<Allocation> allocations)
    {
        long pick = 0, lastMile = 0, load = 0, balance = 0;
        var used = 0;
        foreach (var group in allocations.GroupBy(a => a.NodeId, StringComparer.Ordinal))
        {
            var n = IndexOf(group.Key);
            var node = Nodes[n];
            used++;
            var units = 0;
            foreach (var a in group)
            {
                units = checked(units + a.Quantity);
                balance = checked(balance + CostToServe.BalancePenalty(node, a.SkuId, a.Quantity, Weights));
            }
            pick = checked(pick + units * node.PickCostCentsPerUnit);
            lastMile = checked(lastMile + CostToServe.LastMile(Meters[n], Weights));
            load = checked(load + CostToServe.LoadPenalty(node, units, Weights));
        }
        return new CostBreakdown(pick, lastMile, Math.Max(0, used - 1) * Weights.SplitPenaltyCents, load, balance);
    }

    public PlanEvaluation Plan(ReadOnlySpan<int> nodes, IReadOnlyList<Allocation> allocations, bool feasible)
    {
        var ids = new string[nodes.Length];
        double meters = 0;
        for (var i = 0; i < nodes.Length; i++) (ids[i], meters) = (Nodes[nodes[i]].NodeId, meters + Meters[nodes[i]]);
        return new PlanEvaluation(ids, feasible, Price(allocations), meters);
    }

    public SourcingDecision Decide(string strategy, List<Allocation> allocations, List<Shortage> shortages,
        IEnumerable<PlanEvaluation> plans, int plansEvaluated, string reason)
    {
        var winners = allocations.Select(a => a.NodeId).Distinct(StringComparer.Ordinal).ToArray();
        var explanation = new SourcingExplanation(strategy, Evaluations, plans.Take(SourcingExplanation.MaxPlansListed).ToArray(),
            plansEvaluated, winners, reason);
        return new SourcingDecision(Request.OrderId, strategy, shortages.Count == 0, allocations, shortages, Price(allocations), explanation);
    }

    public string Km(int node) => $"{Meters[node] / 1000:F1} km";

    /// <summary>All combinations of exactly k indexes from 0..n-1, in lexicographic order.</summary>
    public static IEnumerable<int[]> Combinations(int n, int k)
    {
        if (k > n || k <= 0) yield break;
        var idx = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])idx.Clone();
            var i = k - 1;
            while (i >= 0 && idx[i] == n - k + i) i--;
            if (i < 0) yield break;
            idx[i]++;
            for (var j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
        }
    }
}
