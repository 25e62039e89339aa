using Microchain.Domain;
using Microchain.Domain.Network;
using Microchain.Domain.Orders;
using Microchain.Domain.Validation;
using Microchain.Planning.Sourcing;
using Microchain.Runtime.Nodes;

namespace Microchain.Server.Orders;

/// <summary>
/// From a batch of captured orders and their allocations to the batch re-optimiser's inputs. The orders hold their
/// allocated units now (reserved, so not in ATP): those units are added back to live ATP and taken out of the pick
/// queue, so the optimiser may move them. Stores nothing: the answer is a proposal.
/// </summary>
public static class BatchReoptimizing
{
    /// <summary>Largest batch accepted.</summary>
    public const int MaxOrders = 1_000;

    /// <summary>
    /// Orders × branch-and-bound nodes one request may spend. One relaxation of a 1,000-order batch costs seconds
    /// (measured: ~3.7 s per node in a Debug build on 2 shared cores), so the solver's default of 20,000 nodes would
    /// hold a core for hours; a batch of n orders gets this budget / n nodes (at least 1), then keeps the best found.
    /// </summary>
    public const int OrderBranchNodeBudget = 5_000;

    /// <summary>The solver limits for a batch of <paramref name="orders"/> orders.</summary>
    public static BatchSettings Settings(int orders) =>
        new(MaxBranchNodes: Math.Max(1, OrderBranchNodeBudget / Math.Max(1, orders)), MaxOrders: MaxOrders);

    /// <summary>Most allocations one order may list: every line split over at most three nodes.</summary>
    public const int MaxAllocationsPerOrder = 3 * Limits.MaxLinesPerOrder;

    public const string OrdersEmpty = "orders.empty";
    public const string OrderIdMissing = "order.id_missing";
    public const string OrderIdDuplicate = "order.id_duplicate";
    public const string OrderMissing = "order.missing";
    public const string AllocationsTooMany = "allocations.too_many";
    public const string AllocationsNotCovering = "allocations.not_covering";
    public const string AllocationNodeUnknown = "allocation.node_unknown";
    public const string AllocationQuantityNotPositive = "allocation.quantity_not_positive";

    /// <summary>What is wrong with the batch; empty when it can be re-optimised.</summary>
    public static IReadOnlyList<Violation> Check(ReoptimizeRequest request, NetworkModel network)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(network);
        var violations = new List<Violation>();
        var orders = request.Orders ?? [];
        if (orders.Count == 0) violations.Add(new(OrdersEmpty, "orders", "a batch needs at least one order"));
        var context = ValidationContext.For(network);
        var fulfilment = context.FulfilmentNodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < orders.Count; i++)
        {
            var prefix = $"orders[{i}].";
            if (orders[i] is not { } o)
            {
                violations.Add(new(OrderMissing, $"orders[{i}]", "an order must be an object"));
                continue;
            }
            if (string.IsNullOrWhiteSpace(o.OrderId) || o.OrderId.Length > Limits.MaxIdLength)
                violations.Add(new(OrderIdMissing, prefix + "orderId", $"an order id of 1..{Limits.MaxIdLength} characters is needed"));
            else if (!ids.Add(o.OrderId))
                violations.Add(new(OrderIdDuplicate, prefix + "orderId", $"order '{o.OrderId}' is listed more than once"));
            if (o.Order is not { } order)
            {
                violations.Add(new(OrderMissing, prefix + "order", "the order is needed"));
                continue;
            }
            if (order.CustomerId is null || !context.Customers.ContainsKey(order.CustomerId))
                violations.Add(new(ViolationCodes.CustomerUnknown, prefix + "order.customerId", $"customer '{order.CustomerId}' does not exist"));
            var before = violations.Count;
            RequestChecks.Lines(order.Lines, prefix + "order.", network, violations);
            RequestChecks.Destination(order.DeliverTo, order.LockerId, prefix + "order.", network, violations);
            CheckAllocations(o, prefix, fulfilment, violations, linesValid: violations.Count == before);
        }
        return violations;
    }

    private static void CheckAllocations(ReoptimizeOrderRequest o, string prefix, HashSet<string> fulfilment, List<Violation> violations, bool linesValid)
    {
        var allocations = o.Allocations ?? [];
        if (allocations.Count > MaxAllocationsPerOrder)
        {
            violations.Add(new(AllocationsTooMany, prefix + "allocations", $"{allocations.Count} allocations exceed the limit of {MaxAllocationsPerOrder}"));
            return;
        }
        var held = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var j = 0; j < allocations.Count; j++)
        {
            var path = $"{prefix}allocations[{j}]";
            if (allocations[j] is not { } a)
            {
                violations.Add(new(AllocationNodeUnknown, path, "an allocation must be an object"));
                continue;
            }
            if (a.NodeId is null || !fulfilment.Contains(a.NodeId))
                violations.Add(new(AllocationNodeUnknown, path + ".nodeId", $"'{a.NodeId}' is not an open fulfilment node"));
            if (a.Quantity <= 0)
                violations.Add(new(AllocationQuantityNotPositive, path + ".quantity", $"quantity {a.Quantity} must be positive"));
            else if (a.SkuId is not null)
                held[a.SkuId] = held.GetValueOrDefault(a.SkuId) + a.Quantity;
        }
        if (!linesValid) return;
        var ordered = o.Order.Lines.GroupBy(l => l.SkuId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(l => (long)l.Quantity), StringComparer.Ordinal);
        if (ordered.Count != held.Count || ordered.Any(p => held.GetValueOrDefault(p.Key) != p.Value))
            violations.Add(new(AllocationsNotCovering, prefix + "allocations", "the allocations must hold exactly the units of every line"));
    }

    /// <summary>The optimiser's orders (call after <see cref="Check"/> found nothing).</summary>
    public static IReadOnlyList<BatchOrder> Orders(ReoptimizeRequest request, NetworkModel network) =>
        [.. request.Orders.Select(o => new BatchOrder(
            OrderSourcing.Request(network, o.Order.ToDraft(), o.OrderId, null),
            [.. o.Allocations.Select(a => new Allocation(a.NodeId, a.SkuId, a.Quantity))]))];

    /// <summary>Live availability with the batch's own allocations added back to ATP and taken out of the pick queue.</summary>
    public static IReadOnlyList<NodeAvailability> WithHeldUnits(IReadOnlyList<NodeAvailability> live, IReadOnlyList<BatchOrder> orders)
    {
        var held = orders.SelectMany(o => o.CurrentAllocations).ToLookup(a => a.NodeId, StringComparer.Ordinal);
        return [.. live.Select(node =>
        {
            var atp = new Dictionary<string, int>(node.Atp, StringComparer.Ordinal);
            var units = 0;
            foreach (var a in held[node.NodeId])
            {
                atp[a.SkuId] = checked(atp.GetValueOrDefault(a.SkuId) + a.Quantity);
                units = checked(units + a.Quantity);
            }
            return new NodeAvailability(node.NodeId, atp, Math.Max(0, node.ReservedUnits - units));
        })];
    }

    /// <summary>The optimiser's result as the HTTP answer (a bound that is not finite is left out).</summary>
    public static ReoptimizeAnswer Answer(BatchResult result) => new(
        [.. result.Assignments.Select(a => new ReassignmentAnswer(a.OrderId, a.Changed, a.Before, a.After, a.CostBeforeCents, a.CostAfterCents))],
        result.CostBeforeCents, result.CostAfterCents, result.SavingCents, result.OrdersMoved, result.ProvedOptimal, result.BranchNodes,
        double.IsFinite(result.LowerBoundCents) ? result.LowerBoundCents : null, result.Explanation);
}
