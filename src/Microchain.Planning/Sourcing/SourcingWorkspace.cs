using System.Buffers;
using Microchain.Domain.Geo;

namespace Microchain.Planning.Sourcing;

/// <summary>
/// One order's candidates indexed for the strategies: eligible nodes nearest first (ties by id), the order's SKUs
/// merged, ATP as a node × SKU matrix. Built once per decision so that strategies work on arrays. It runs once per
/// order on the request path, so it avoids LINQ and per-call collections (stack buffers, exact-size arrays).
/// Allocating and pricing are in SourcingWorkspace.Allocation.cs.
/// </summary>
internal sealed partial class SourcingWorkspace
{
    /// <summary>Candidates handled in stack buffers; more use pooled arrays.</summary>
    private const int StackCandidates = 128;
    /// <summary>Candidate counts checked for duplicate ids pairwise; more use a hash set.</summary>
    private const int PairwiseDuplicateCheck = 32;

    private static readonly string BeyondNote = $"beyond the {SourcingContext.MaxCandidates} nearest candidates";

    private SourcingWorkspace(SourcingRequest request, CostToServeWeights weights, NodeCandidate[] nodes, double[] meters,
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

    /// <summary>Every candidate: the kept nodes first (entry n is node n), then those without pick capacity, then those beyond the limit.</summary>
    public List<CandidateEvaluation> Evaluations { get; }

    public static SourcingWorkspace Build(SourcingRequest request, SourcingContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.Lines.Count == 0) throw new ArgumentException("an order to source needs at least one line", nameof(request));
        var weights = context.Settings.For(request.SegmentId);
        weights.Check();
        var (skus, demand) = MergeLines(request);
        var candidates = context.Candidates;
        var count = candidates.Count;
        double[]? rentedMeters = null;
        int[]? rentedOrder = null;
        var candidateMeters = count <= StackCandidates ? stackalloc double[count] : (rentedMeters = ArrayPool<double>.Shared.Rent(count)).AsSpan(0, count);
        var order = count <= StackCandidates ? stackalloc int[count] : (rentedOrder = ArrayPool<int>.Shared.Rent(count)).AsSpan(0, count);
        try
        {
            var seen = count > PairwiseDuplicateCheck ? new HashSet<string>(count, StringComparer.Ordinal) : null;
            var eligible = 0;
            for (var i = 0; i < count; i++)
            {
                var c = candidates[i];
                candidateMeters[i] = context.Travel.Travel(c.Location, request.DeliverTo, VehicleKind.Van).DistanceMeters;
                if (seen is null ? ListedBefore(candidates, i) : !seen.Add(c.NodeId))
                    throw new ArgumentException($"candidate {c.NodeId} is listed twice", nameof(context));
                if (c.CanPick) order[eligible++] = i;
            }
            var byDistance = order[..eligible];
            SortByDistance(byDistance, candidates, candidateMeters);
            var kept = Math.Min(eligible, SourcingContext.MaxCandidates);
            var nodes = new NodeCandidate[kept];
            var meters = new double[kept];
            for (var n = 0; n < kept; n++) (nodes[n], meters[n]) = (candidates[byDistance[n]], candidateMeters[byDistance[n]]);
            var atp = new int[kept, skus.Length];
            for (var n = 0; n < kept; n++)
                for (var s = 0; s < skus.Length; s++) atp[n, s] = nodes[n].AtpOf(skus[s]);
            var evaluations = new List<CandidateEvaluation>(count);
            var ws = new SourcingWorkspace(request, weights, nodes, meters, skus, demand, atp, evaluations);
            for (var n = 0; n < kept; n++)
            {
                var all = ws.FillsAll(n);
                evaluations.Add(new(nodes[n].NodeId, meters[n], ws.Fillable(n), all, all ? ws.PriceAlone(n) : null, AssortmentNote(nodes[n], skus)));
            }
            for (var i = 0; i < count; i++)
                if (!candidates[i].CanPick) evaluations.Add(new(candidates[i].NodeId, candidateMeters[i], 0, false, null, "no pick capacity"));
            foreach (var i in byDistance[kept..]) evaluations.Add(new(candidates[i].NodeId, candidateMeters[i], 0, false, null, BeyondNote));
            return ws;
        }
        finally
        {
            if (rentedMeters is not null) ArrayPool<double>.Shared.Return(rentedMeters);
            if (rentedOrder is not null) ArrayPool<int>.Shared.Return(rentedOrder);
        }
    }

    /// <summary>The order's SKUs in ordinal order with their summed quantities; lines are checked in their own order.</summary>
    private static (string[] Skus, int[] Demand) MergeLines(SourcingRequest request)
    {
        var lines = request.Lines;
        var skus = new string[lines.Count];
        var demand = new int[lines.Count];
        var distinct = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Quantity <= 0) throw new ArgumentException($"line {line.SkuId}: quantity must be positive", nameof(request));
            if (line.SkuId is null) throw new ArgumentNullException(nameof(request), "a line has no SKU id");
            var at = Array.BinarySearch(skus, 0, distinct, line.SkuId, StringComparer.Ordinal);
            if (at >= 0)
            {
                demand[at] = checked(demand[at] + line.Quantity);
                continue;
            }
            at = ~at;
            Array.Copy(skus, at, skus, at + 1, distinct - at);
            Array.Copy(demand, at, demand, at + 1, distinct - at);
            (skus[at], demand[at]) = (line.SkuId, line.Quantity);
            distinct++;
        }
        if (distinct == lines.Count) return (skus, demand);
        return (skus.AsSpan(0, distinct).ToArray(), demand.AsSpan(0, distinct).ToArray());
    }

    private static bool ListedBefore(IReadOnlyList<NodeCandidate> candidates, int i)
    {
        var id = candidates[i].NodeId;
        for (var j = 0; j < i; j++)
            if (string.Equals(candidates[j].NodeId, id, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Nearest first, ties by id (ordinal). Insertion sort: candidate lists are short and ids unique.</summary>
    private static void SortByDistance(Span<int> order, IReadOnlyList<NodeCandidate> candidates, ReadOnlySpan<double> meters)
    {
        for (var i = 1; i < order.Length; i++)
        {
            var item = order[i];
            var j = i - 1;
            while (j >= 0 && CompareDistance(order[j], item, candidates, meters) > 0)
            {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = item;
        }
    }

    private static int CompareDistance(int a, int b, IReadOnlyList<NodeCandidate> candidates, ReadOnlySpan<double> meters) =>
        meters[a] != meters[b] ? meters[a].CompareTo(meters[b]) : string.CompareOrdinal(candidates[a].NodeId, candidates[b].NodeId);

    /// <summary>Says which of the order's SKUs the node's assortment excludes, if any.</summary>
    private static string? AssortmentNote(NodeCandidate node, string[] skus)
    {
        var notStocked = node.NotStocked;
        if (notStocked is null) return null;
        var any = false;
        for (var i = 0; i < notStocked.Count && !any; i++) any = Array.BinarySearch(skus, notStocked[i], StringComparer.Ordinal) >= 0;
        if (!any) return null;
        var excluded = notStocked.Where(s => Array.BinarySearch(skus, s, StringComparer.Ordinal) >= 0).Order(StringComparer.Ordinal);
        return $"assortment excludes {string.Join(", ", excluded)}";
    }

    /// <summary>Whether the node alone holds every line (read from its evaluation, computed once in <see cref="Build"/>).</summary>
    public bool CanFillAll(int node) => Evaluations[node].CanFillAll;

    /// <summary>The cost to serve the whole order from the node alone; only when <see cref="CanFillAll"/>.</summary>
    public CostBreakdown SingleNodeCost(int node) => Evaluations[node].SingleNodeCost!.Value;

    private bool FillsAll(int node)
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

    public string Km(int node) => $"{Meters[node] / 1000:F1} km";

    /// <summary>Advances <paramref name="idx"/> (k of 0..n-1, increasing) to the next combination in lexicographic order; false after the last.</summary>
    public static bool NextCombination(Span<int> idx, int n)
    {
        var k = idx.Length;
        var i = k - 1;
        while (i >= 0 && idx[i] == n - k + i) i--;
        if (i < 0) return false;
        idx[i]++;
        for (var j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
        return true;
    }
}
