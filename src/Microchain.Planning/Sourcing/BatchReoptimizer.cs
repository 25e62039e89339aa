using Microchain.Domain.Orders;

namespace Microchain.Planning.Sourcing;

/// <summary>
/// Re-assigns a batch of not-yet-picked orders jointly, each order whole to one node, minimising total cost to serve
/// subject to ATP per node × SKU and optional pick units per node.
/// <para>
/// Formulation: branch and bound whose relaxation is a min-cost flow. Units flow source → order line → (node, SKU)
/// [capacity ATP] → node [capacity pick units] → sink; a unit of order o sent to node n costs c(o, n) / units(o), where
/// c(o, n) is the cost to serve o from n alone. Every whole-order assignment is such a flow with the same cost, so the
/// flow optimum is a lower bound; when the flow keeps every order whole it is an optimal assignment. Otherwise the
/// first split order is branched on (forced to its largest node / forbidden there). At every branch node the
/// relaxation is also rounded to a feasible assignment (see <c>BatchModel.Repair</c>) for an early incumbent. Exact when the search finishes
/// (<see cref="BatchResult.ProvedOptimal"/>); otherwise the best feasible assignment found. The input is the first
/// incumbent, so the result never costs more and never exceeds ATP.
/// </para>
/// Orders that no single node can fill keep their current allocation (their stock is set aside first).
/// Load penalties are priced against the nodes' queued units outside the batch: the batch's own load is not re-priced.
/// </summary>
public static class BatchReoptimizer
{
    private const double Tolerance = 1e-6;

    /// <summary>Re-optimises <paramref name="orders"/>; ATP in <paramref name="context"/> must include what they hold now.</summary>
    public static BatchResult Reoptimize(IReadOnlyList<BatchOrder> orders, SourcingContext context, BatchSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(context);
        settings ??= BatchSettings.Default;
        if (orders.Count > settings.MaxOrders) throw new ArgumentException($"a batch holds at most {settings.MaxOrders} orders", nameof(orders));
        var model = BatchModel.Build(orders, context, settings);
        var before = orders.Select(o => CostToServe.Price(o.CurrentAllocations, o.Request, context).TotalCents).ToArray();
        var costBefore = before.Sum();

        var movable = model.Movable;
        var incumbentCost = costBefore;
        int[]? incumbent = null;
        var stack = new Stack<(int[] Forced, bool[] Forbidden)>();
        stack.Push((Enumerable.Repeat(-1, movable.Length).ToArray(), new bool[movable.Length * model.NodeCount]));
        var explored = 0;
        var proved = true;
        var rootBound = double.NaN;
        while (stack.Count > 0)
        {
            if (explored >= settings.MaxBranchNodes) { proved = false; break; }
            explored++;
            var (forced, forbidden) = stack.Pop();
            var relaxation = model.Relax(forced, forbidden);
            if (explored == 1) rootBound = relaxation is null ? double.PositiveInfinity : relaxation.Value.Cost + model.FixedCostCents;
            if (relaxation is not { } r) continue;
            if (r.Cost + model.FixedCostCents >= incumbentCost - Tolerance) continue;
            // Branch on the largest split order: it constrains the most stock, so either branch moves the bound most.
            var split = -1;
            for (var i = 0; i < movable.Length; i++)
                if (r.Assigned[i] < 0 && (split < 0 || model.Units(i) > model.Units(split))) split = i;
            if (split < 0)
            {
                var exact = model.ExactCost(r.Assigned);
                if (exact < incumbentCost) (incumbentCost, incumbent) = (exact, r.Assigned);
                continue;
            }
            if (model.Repair(r.Assigned) is { } repaired && model.ExactCost(repaired) < incumbentCost)
                (incumbentCost, incumbent) = (model.ExactCost(repaired), repaired);
            if (r.Cost + model.FixedCostCents >= incumbentCost - Tolerance) continue;
            var node = r.LargestShare[split];
            var forbid = (int[])forced.Clone();
            var forbidMask = (bool[])forbidden.Clone();
            forbidMask[split * model.NodeCount + node] = true;
            stack.Push((forbid, forbidMask));
            var force = (int[])forced.Clone();
            force[split] = node;
            stack.Push((force, forbidden));
        }

        var assignments = new BatchAssignment[orders.Count];
        for (var i = 0; i < orders.Count; i++)
            assignments[i] = new BatchAssignment(orders[i].Request.OrderId, Sorted(orders[i].CurrentAllocations), Sorted(orders[i].CurrentAllocations), before[i], before[i]);
        if (incumbent is not null)
        {
            for (var m = 0; m < movable.Length; m++)
            {
                var i = movable[m];
                var after = model.WholeOrder(m, incumbent[m]);
                assignments[i] = assignments[i] with { After = after, CostAfterCents = model.Cost(m, incumbent[m]) };
            }
        }
        var costAfter = assignments.Sum(a => a.CostAfterCents);
        var moved = assignments.Count(a => a.Changed);
        var explanation = (incumbent is null
                ? "no whole-order assignment is cheaper than the current one"
                : $"moved {moved} of {orders.Count} order(s), saving {costBefore - costAfter} cents")
            + (proved ? $"; proved optimal after {explored} branch node(s)" : $"; search stopped at {explored} branch node(s), best found kept")
            + $"; {orders.Count - movable.Length} order(s) no single node can fill were kept as they are";
        return new BatchResult(assignments, costBefore, costAfter, proved, explored, rootBound, explanation);
    }

    private static Allocation[] Sorted(IReadOnlyList<Allocation> allocations) =>
        allocations.OrderBy(a => a.NodeId, StringComparer.Ordinal).ThenBy(a => a.SkuId, StringComparer.Ordinal).ToArray();
}
