using System.Text.Json;
using Microchain.Domain.Geo;
using Microchain.Domain.Orders;

namespace Microchain.Domain.Tests.Orders;

public sealed class OrderPickingPropertyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly string[] Skus = ["apple", "bread", "milk", "tea"];
    private static readonly string[] NodeIds = ["n1", "n2", "n3", "n4", "n5"];

    /// <summary>An allocated order: line i of SKU i goes whole to node NodeOf[i] (n1..n3).</summary>
    private sealed record Allocated(int[] Quantities, int[] NodeOf)
    {
        public Order Run()
        {
            var lines = Quantities.Select((q, i) => new OrderLine(Skus[i], q)).ToArray();
            var order = Order.Capture("o-1", "c-1", lines, new GeoPoint(45.7, 4.8), null, null, T0);
            order.Validate(T0);
            order.Allocate(lines.Select((l, i) => new Allocation(NodeIds[NodeOf[i]], l.SkuId, l.Quantity)).ToArray(), T0);
            return order;
        }

        public override string ToString() => $"Allocated([{string.Join(",", Quantities)}] at [{string.Join(",", NodeOf)}])";
    }

    private static readonly Gen<Allocated> Orders = Gen.Int[1, 4].SelectMany(n =>
        Gen.Select(Gen.Int[1, 9].Array[n], Gen.Int[0, 2].Array[n], (q, at) => new Allocated(q, at)));

    /// <summary>A step to try: 0 pick a part, 1 re-source, 2 mark short, 3 complete; A and B choose what and how much.</summary>
    private readonly record struct Step(int Kind, int A, int B);

    private static readonly Gen<Step> Steps = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 99], Gen.Int[0, 99], (k, a, b) => new Step(k, a, b));

    private static void Try(Order order, Step step, DateTimeOffset now)
    {
        var open = order.Parts.Where(p => p.IsOpen).ToArray();
        var unresolved = order.Unresolved();
        switch (step.Kind)
        {
            case 0 when open.Length > 0:
                var part = open[step.A % open.Length];
                order.PickPart(part.NodeId, part.Lines.Select(l => new OrderLine(l.SkuId, (l.Quantity * (step.B % 101) / 100))).ToArray(), now);
                break;
            case 1 when unresolved.Count > 0:
                var line = unresolved[step.A % unresolved.Count];
                order.Reallocate(NodeIds[step.B % NodeIds.Length], "o-1~" + (order.Parts.Count + 1), [line with { Quantity = 1 + step.B % line.Quantity }], now);
                break;
            case 2 when unresolved.Count > 0:
                var shortLine = unresolved[step.A % unresolved.Count];
                order.MarkShort([shortLine with { Quantity = 1 + step.B % shortLine.Quantity }], now);
                break;
            case 3:
                order.CompletePick(now);
                break;
        }
    }

    private static void AssertUnitsAddUp(Order order)
    {
        foreach (var line in order.Lines)
        {
            var picked = order.Parts.Sum(p => p.Picked?.Where(l => l.SkuId == line.SkuId).Sum(l => l.Quantity) ?? 0);
            var open = order.Parts.Where(p => p.IsOpen).Sum(p => p.Lines.Where(l => l.SkuId == line.SkuId).Sum(l => l.Quantity));
            var unresolved = order.Unresolved().Where(l => l.SkuId == line.SkuId).Sum(l => l.Quantity);
            var shorted = order.ShortLines.Where(l => l.SkuId == line.SkuId).Sum(l => l.Quantity);
            Assert.Equal(line.Quantity, picked + open + unresolved + shorted);
        }
        Assert.True(order.Parts.GroupBy(p => p.NodeId).All(g => g.Count() == 1), "one part per node");
    }

    [Fact]
    public void Picking_randomSteps_keepUnitsAddingUpAndStayAllocatedUntilComplete()
    {
        Gen.Select(Orders, Steps.Array[0, 16]).Sample((allocated, steps) =>
        {
            var order = allocated.Run();
            var now = T0;
            foreach (var step in steps)
            {
                now = now.AddMinutes(1);
                var count = order.History.Count;
                try
                {
                    Try(order, step, now);
                }
                catch (DomainException)
                {
                    Assert.Equal(count, order.History.Count); // a refused step changes nothing
                }
                AssertUnitsAddUp(order);
                if (order.Status == OrderStatus.Picked) break;
                Assert.Equal(OrderStatus.Allocated, order.Status);
            }

            // Drive to the end: pick every open part whole, mark the rest short, complete.
            now = now.AddMinutes(1);
            if (order.Status == OrderStatus.Allocated)
            {
                foreach (var part in order.Parts.Where(p => p.IsOpen).ToArray()) order.PickPart(part.NodeId, part.Lines, now);
                if (order.Unresolved() is { Count: > 0 } rest) order.MarkShort(rest, now);
                Assert.True(order.IsPickComplete);
                var e = Assert.IsType<OrderPicked>(order.CompletePick(now));
                foreach (var line in order.Lines)
                    Assert.Equal(line.Quantity, e.Picked.Where(a => a.SkuId == line.SkuId).Sum(a => a.Quantity) + e.ShortLines.Where(l => l.SkuId == line.SkuId).Sum(l => l.Quantity));
            }
            Assert.Equal(OrderStatus.Picked, order.Status);
            Assert.Throws<DomainException>(() => order.MarkShort([new OrderLine("apple", 1)], now));

            var restored = JsonSerializer.Deserialize<List<IOrderEvent>>(JsonSerializer.Serialize<IReadOnlyList<IOrderEvent>>(order.History))!;
            Assert.Equal(Snapshot(order), Snapshot(Order.Replay(restored)));
        }, iter: 300);
    }

    [Fact]
    public void PickPart_lastOfTwoParts_leavesOrderAllocatedUntilCompletePick()
    {
        var order = new Allocated([2, 3], [0, 1]).Run();
        order.PickPart("n1", [new OrderLine("apple", 2)], T0);
        Assert.Equal(OrderStatus.Allocated, order.Status);
        Assert.False(order.IsPickComplete);
        var ex = Assert.Throws<DomainException>(() => order.CompletePick(T0));
        Assert.Equal("order.pick_incomplete", ex.Code);
        order.PickPart("n2", [new OrderLine("bread", 3)], T0);
        order.CompletePick(T0);
        Assert.Equal(OrderStatus.Picked, order.Status);
        Assert.Equal([typeof(OrderPartPicked), typeof(OrderPartPicked), typeof(OrderPicked)], order.History.Skip(3).Select(e => e.GetType()));
    }

    [Fact]
    public void PickPart_overPickOrSecondTime_isRefused()
    {
        var order = new Allocated([2], [0]).Run();
        Assert.Equal("order.over_pick", Assert.Throws<DomainException>(() => order.PickPart("n1", [new OrderLine("apple", 3)], T0)).Code);
        Assert.Equal("order.over_pick", Assert.Throws<DomainException>(() => order.PickPart("n1", [new OrderLine("milk", 1)], T0)).Code);
        order.PickPart("n1", [new OrderLine("apple", 1)], T0);
        Assert.Equal("order.no_open_part", Assert.Throws<DomainException>(() => order.PickPart("n1", [new OrderLine("apple", 1)], T0)).Code);
        Assert.Equal([new OrderLine("apple", 1)], order.Unresolved());
    }

    [Fact]
    public void Reallocate_atNodeWithPartOrBeyondUnresolved_isRefused()
    {
        var order = new Allocated([4], [0]).Run();
        order.PickPart("n1", [new OrderLine("apple", 1)], T0);
        Assert.Equal("order.node_has_part", Assert.Throws<DomainException>(() => order.Reallocate("n1", "o-1~1", [new OrderLine("apple", 1)], T0)).Code);
        Assert.Equal("order.over_allocation", Assert.Throws<DomainException>(() => order.Reallocate("n2", "o-1~1", [new OrderLine("apple", 4)], T0)).Code);
        order.Reallocate("n2", "o-1~1", [new OrderLine("apple", 3)], T0);
        Assert.Equal("n2", order.OpenPartAt("n2")!.NodeId);
        Assert.Contains(new Allocation("n2", "apple", 3), order.Allocations);
        Assert.Empty(order.Unresolved());
    }

    [Fact]
    public void PickSteps_onOrderNotAllocated_areIllegalMoves()
    {
        var order = new Allocated([1], [0]).Run();
        order.Cancel("changed mind", T0);
        Assert.Equal("order.illegal_transition", Assert.Throws<DomainException>(() => order.PickPart("n1", [new OrderLine("apple", 1)], T0)).Code);
        var replayed = new Allocated([1], [0]).Run();
        var history = replayed.History.Append(new OrderCancelled("x", T0)).Append(new OrderLinesShorted([new OrderLine("apple", 1)], T0));
        Assert.Equal("order.illegal_transition", Assert.Throws<DomainException>(() => Order.Replay(history)).Code);
    }

    private static string Snapshot(Order o) => JsonSerializer.Serialize(new
    {
        o.Id, o.Status, o.Allocations, o.ShortLines, o.Parts, History = o.History.Select(e => JsonSerializer.Serialize(e)).ToArray(),
    });
}
