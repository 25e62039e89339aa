using Microchain.Domain.Geo;
using Microchain.Domain.Orders;

namespace Microchain.Domain.Tests.Orders;

/// <summary>
/// <see cref="Order.Merge"/> and the parts an allocation makes are written as loops for speed; these pin them to their
/// definition in LINQ: one line per SKU in ordinal SKU order, zero totals left out, parts in order of first appearance.
/// </summary>
public sealed class OrderMergePropertyTests
{
    private static readonly string[] Skus = ["B", "a", "apple", "b", "Z-1"];
    private static readonly string[] Nodes = ["n2", "n1", "n3"];

    private static OrderLine[] Defined(IReadOnlyList<OrderLine> lines) =>
        lines.GroupBy(l => l.SkuId, StringComparer.Ordinal)
            .Select(g => new OrderLine(g.Key, g.Sum(l => l.Quantity)))
            .Where(l => l.Quantity > 0)
            .OrderBy(l => l.SkuId, StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void Merge_adds_up_each_sku_in_ordinal_order_and_drops_zero_totals()
    {
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 20]).Select((s, q) => new OrderLine(Skus[s], q)).Array[0, 12]
            .Sample(lines => Assert.Equal(Defined(lines), Order.Merge(lines, allowZero: true)));
    }

    [Fact]
    public void An_allocation_makes_one_part_per_node_in_order_of_first_appearance()
    {
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 4], Gen.Int[1, 9]).Array[1, 10].Sample(picks =>
        {
            var allocations = picks.Select(p => new Allocation(Nodes[p.Item1], Skus[p.Item2], p.Item3)).ToArray();
            var lines = allocations.GroupBy(a => a.SkuId).Select(g => new OrderLine(g.Key, g.Sum(a => a.Quantity))).ToArray();
            var at = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
            var order = Order.Capture("o-1", "c-1", lines, new GeoPoint(45.7, 4.8), null, null, at);
            order.Validate(at);
            order.Allocate(allocations, at);

            var expected = allocations.GroupBy(a => a.NodeId, StringComparer.Ordinal)
                .Select(g => (g.Key, Defined(g.Select(a => new OrderLine(a.SkuId, a.Quantity)).ToArray())))
                .ToArray();
            Assert.Equal(expected.Select(e => e.Key), order.Parts.Select(p => p.NodeId));
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i].Item2, order.Parts[i].Lines);
                Assert.Equal("o-1", order.Parts[i].ReservationId);
            }
        });
    }

    [Fact]
    public void An_allocation_that_misses_or_exceeds_an_ordered_quantity_is_refused()
    {
        var at = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
        var order = Order.Capture("o-1", "c-1", [new OrderLine("a", 2), new OrderLine("b", 1)], new GeoPoint(45.7, 4.8), null, null, at);
        order.Validate(at);
        Assert.Equal("order.allocation", Assert.Throws<DomainException>(() => order.Allocate([new Allocation("n1", "a", 2)], at)).Code);
        Assert.Equal("order.allocation", Assert.Throws<DomainException>(() => order.Allocate([new Allocation("n1", "a", 2), new Allocation("n1", "b", 1), new Allocation("n1", "c", 1)], at)).Code);
        Assert.Equal("order.allocation", Assert.Throws<DomainException>(() => order.Allocate([new Allocation("n1", "a", 3), new Allocation("n2", "a", -1), new Allocation("n1", "b", 1)], at)).Code);
        order.Allocate([new Allocation("n2", "a", 1), new Allocation("n1", "b", 1), new Allocation("n1", "a", 1)], at);
        Assert.Equal(["n2", "n1"], order.Parts.Select(p => p.NodeId));
    }
}
