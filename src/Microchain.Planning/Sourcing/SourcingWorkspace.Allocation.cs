using System.Buffers;
using Microchain.Domain.Orders;

namespace Microchain.Planning.Sourcing;

/// <summary>Covering, allocating and pricing on the workspace's arrays.</summary>
internal sealed partial class SourcingWorkspace
{
    /// <summary>Node × SKU takes held on the stack by <see cref="Allocate"/> and <see cref="PriceGreedy"/>.</summary>
    private const int StackTakes = 256;

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
    /// Takes each SKU from the nodes in the given order of preference; what none holds is short. Allocations are
    /// ordered by node id (ordinal), then SKU.
    /// </summary>
    public (List<Allocation> Allocations, List<Shortage> Shortages) Allocate(ReadOnlySpan<int> preference)
    {
        var size = preference.Length * Skus.Length;
        int[]? rented = null;
        var takes = size <= StackTakes ? stackalloc int[size] : (rented = ArrayPool<int>.Shared.Rent(size)).AsSpan(0, size);
        try
        {
            var shortages = new List<Shortage>();
            var count = Take(preference, takes, shortages, out _);
            var allocations = new List<Allocation>(count);
            // Positions in the preference ordered by node id; the preference is short (a combination or the candidates).
            Span<int> byId = preference.Length <= StackCandidates ? stackalloc int[preference.Length] : new int[preference.Length];
            for (var i = 0; i < byId.Length; i++)
            {
                var j = i - 1;
                while (j >= 0 && string.CompareOrdinal(Nodes[preference[byId[j]]].NodeId, Nodes[preference[i]].NodeId) > 0)
                {
                    byId[j + 1] = byId[j];
                    j--;
                }
                byId[j + 1] = i;
            }
            foreach (var i in byId)
                for (var s = 0; s < Skus.Length; s++)
                    if (takes[i * Skus.Length + s] > 0) allocations.Add(new Allocation(Nodes[preference[i]].NodeId, Skus[s], takes[i * Skus.Length + s]));
            return (allocations, shortages);
        }
        finally
        {
            if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The greedy takes of <see cref="Allocate"/> into takes[position × SKUs + sku]; returns how many are positive, and
    /// whether some units are left short (with <paramref name="shortages"/>, which ones).
    /// </summary>
    private int Take(ReadOnlySpan<int> preference, Span<int> takes, List<Shortage>? shortages, out bool isShort)
    {
        takes.Clear();
        isShort = false;
        var count = 0;
        for (var s = 0; s < Skus.Length; s++)
        {
            var remaining = Demand[s];
            for (var i = 0; i < preference.Length && remaining > 0; i++)
            {
                var take = Math.Min(remaining, Atp[preference[i], s]);
                if (take <= 0) continue;
                takes[i * Skus.Length + s] = take;
                count++;
                remaining -= take;
            }
            if (remaining <= 0) continue;
            isShort = true;
            shortages?.Add(new Shortage(Skus[s], remaining));
        }
        return count;
    }

    /// <summary>The cost of <see cref="Allocate"/> with this preference, without building the allocation.</summary>
    public CostBreakdown PriceGreedy(ReadOnlySpan<int> preference)
    {
        var size = preference.Length * Skus.Length;
        int[]? rented = null;
        var takes = size <= StackTakes ? stackalloc int[size] : (rented = ArrayPool<int>.Shared.Rent(size)).AsSpan(0, size);
        try
        {
            Take(preference, takes, null, out _);
            return PriceTakes(preference, takes);
        }
        finally
        {
            if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Whether the nodes together hold every unit and <see cref="Allocate"/> with this preference takes
    /// something from every one of them (else the plan is a smaller combination, priced on its own); if so, the cost.
    /// </summary>
    public bool TryPriceEvery(ReadOnlySpan<int> preference, out CostBreakdown cost)
    {
        cost = default;
        var size = preference.Length * Skus.Length;
        int[]? rented = null;
        var takes = size <= StackTakes ? stackalloc int[size] : (rented = ArrayPool<int>.Shared.Rent(size)).AsSpan(0, size);
        try
        {
            // Greedy leaves units short only when the nodes together hold too few (ATP is never negative).
            Take(preference, takes, null, out var isShort);
            if (isShort) return false;
            for (var i = 0; i < preference.Length; i++)
                if (!takes.Slice(i * Skus.Length, Skus.Length).ContainsAnyExcept(0)) return false;
            cost = PriceTakes(preference, takes);
            return true;
        }
        finally
        {
            if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        }
    }

    private CostBreakdown PriceTakes(ReadOnlySpan<int> preference, ReadOnlySpan<int> takes)
    {
        long pick = 0, lastMile = 0, load = 0, balance = 0;
        var used = 0;
        for (var i = 0; i < preference.Length; i++)
        {
            var n = preference[i];
            var node = Nodes[n];
            var units = 0;
            for (var s = 0; s < Skus.Length; s++)
            {
                var take = takes[i * Skus.Length + s];
                if (take <= 0) continue;
                units = checked(units + take);
                balance = checked(balance + CostToServe.BalancePenalty(node, Skus[s], take, Weights));
            }
            if (units == 0) continue;
            used++;
            pick = checked(pick + units * node.PickCostCentsPerUnit);
            lastMile = checked(lastMile + CostToServe.LastMile(Meters[n], Weights));
            load = checked(load + CostToServe.LoadPenalty(node, units, Weights));
        }
        return new CostBreakdown(pick, lastMile, Math.Max(0, used - 1) * Weights.SplitPenaltyCents, load, balance);
    }

    /// <summary>The cost of serving every line from the node alone (it must hold them all).</summary>
    private CostBreakdown PriceAlone(int n)
    {
        var node = Nodes[n];
        var units = 0;
        long balance = 0;
        for (var s = 0; s < Skus.Length; s++)
        {
            units = checked(units + Demand[s]);
            balance = checked(balance + CostToServe.BalancePenalty(node, Skus[s], Demand[s], Weights));
        }
        return new CostBreakdown(checked(units * node.PickCostCentsPerUnit), CostToServe.LastMile(Meters[n], Weights), 0,
            CostToServe.LoadPenalty(node, units, Weights), balance);
    }

    public int IndexOf(string nodeId)
    {
        for (var n = 0; n < Nodes.Length; n++)
            if (Nodes[n].NodeId == nodeId) return n;
        return -1;
    }

    public CostBreakdown Price(IReadOnlyList<Allocation> allocations)
    {
        // Units per node, in the order nodes first appear (as a group-by would visit them).
        Span<int> units = Nodes.Length <= StackCandidates ? stackalloc int[Nodes.Length] : new int[Nodes.Length];
        Span<int> visit = Nodes.Length <= StackCandidates ? stackalloc int[Nodes.Length] : new int[Nodes.Length];
        units.Clear();
        long pick = 0, lastMile = 0, load = 0, balance = 0;
        var used = 0;
        for (var a = 0; a < allocations.Count; a++)
        {
            var allocation = allocations[a];
            var n = IndexOf(allocation.NodeId);
            var node = Nodes[n];
            if (!visit[..used].Contains(n)) visit[used++] = n;
            units[n] = checked(units[n] + allocation.Quantity);
            balance = checked(balance + CostToServe.BalancePenalty(node, allocation.SkuId, allocation.Quantity, Weights));
        }
        foreach (var n in visit[..used])
        {
            var node = Nodes[n];
            pick = checked(pick + units[n] * node.PickCostCentsPerUnit);
            lastMile = checked(lastMile + CostToServe.LastMile(Meters[n], Weights));
            load = checked(load + CostToServe.LoadPenalty(node, units[n], Weights));
        }
        return new CostBreakdown(pick, lastMile, Math.Max(0, used - 1) * Weights.SplitPenaltyCents, load, balance);
    }

    public PlanEvaluation Plan(ReadOnlySpan<int> nodes, IReadOnlyList<Allocation> allocations, bool feasible) =>
        Plan(nodes, Price(allocations), feasible);

    public PlanEvaluation Plan(ReadOnlySpan<int> nodes, CostBreakdown cost, bool feasible)
    {
        var ids = new string[nodes.Length];
        double meters = 0;
        for (var i = 0; i < nodes.Length; i++) (ids[i], meters) = (Nodes[nodes[i]].NodeId, meters + Meters[nodes[i]]);
        return new PlanEvaluation(ids, feasible, cost, meters);
    }

    public SourcingDecision Decide(string strategy, List<Allocation> allocations, List<Shortage> shortages,
        IEnumerable<PlanEvaluation> plans, int plansEvaluated, string reason) =>
        Decide(strategy, allocations, shortages, plans.Take(SourcingExplanation.MaxPlansListed).ToArray(), plansEvaluated, reason, Price(allocations));

    /// <param name="listed">The plans to list, already capped at <see cref="SourcingExplanation.MaxPlansListed"/>.</param>
    /// <param name="cost">The cost of <paramref name="allocations"/>.</param>
    public SourcingDecision Decide(string strategy, List<Allocation> allocations, List<Shortage> shortages,
        PlanEvaluation[] listed, int plansEvaluated, string reason, CostBreakdown cost)
    {
        var explanation = new SourcingExplanation(strategy, Evaluations, listed, plansEvaluated, Winners(allocations), reason);
        return new SourcingDecision(Request.OrderId, strategy, shortages.Count == 0, allocations, shortages, cost, explanation);
    }

    /// <summary>The distinct node ids of the allocations, in order of first appearance.</summary>
    private static string[] Winners(List<Allocation> allocations)
    {
        Span<int> first = allocations.Count <= StackTakes ? stackalloc int[allocations.Count] : new int[allocations.Count];
        var count = 0;
        for (var a = 0; a < allocations.Count; a++)
        {
            var seen = false;
            for (var w = 0; w < count && !seen; w++) seen = string.Equals(allocations[first[w]].NodeId, allocations[a].NodeId, StringComparison.Ordinal);
            if (!seen) first[count++] = a;
        }
        var winners = new string[count];
        for (var w = 0; w < count; w++) winners[w] = allocations[first[w]].NodeId;
        return winners;
    }
}
