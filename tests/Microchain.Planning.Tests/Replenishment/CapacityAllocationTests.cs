using Microchain.Domain.Catalog;
using CsCheck;
using Microchain.Planning.Replenishment;
using Xunit;

namespace Microchain.Planning.Tests.Replenishment;

public sealed class CapacityAllocationTests
{
    private static ReplenishmentItem Item(string sku, int onHand, double mean, int priority = 0, TemperatureZone zone = TemperatureZone.Chilled) => new()
    {
        NodeId = "M1",
        Sku = sku,
        OnHandUnits = onHand,
        DemandMeanPerDay = mean,
        DemandSdPerDay = 0,
        Zone = zone,
        UnitVolumeLitres = 1,
        Priority = priority,
    };

    private static ReplenishmentPlan Plan(IReadOnlyList<ReplenishmentItem> items, double volume, int slots = 100, IReadOnlyDictionary<string, int>? source = null) =>
        ReplenishmentPlanner.Plan(new ReplenishmentRequest
        {
            SourceNodeId = "DC",
            Items = items,
            Capacities = [new NodeCapacity("M1", [new ZoneCapacity(TemperatureZone.Chilled, volume, slots)])],
            SourceAvailableUnits = source ?? new Dictionary<string, int>(),
        });

    [Fact]
    public void Allocation_volumeBinds_lowerPriorityLineIsCutAndSaysSo()
    {
        // Each wants 20 (S = 2 d × 10), 10 litres free: priority 1 is served first.
        var plan = Plan([Item("low", 0, 10, priority: 0), Item("high", 0, 10, priority: 1)], volume: 10);
        var order = Assert.Single(plan.Orders);
        Assert.Equal("high", order.Sku);
        Assert.Equal(10, order.QuantityUnits);
        Assert.Contains("cut from 20 to 10: Chilled volume at M1 is full", order.Reason);
        Assert.Equal("low", Assert.Single(plan.Deferred).Sku);
    }

    [Fact]
    public void Allocation_samePriority_equalisesDaysOfCover()
    {
        // a (0 d cover) wants 20, b (1 d) wants 10; 20 litres free: a first fills to b's 10, then they alternate to 15 each.
        var plan = Plan([Item("a", 0, 10), Item("b", 10, 10)], volume: 30);
        Assert.Equal(15, plan.Orders.Single(o => o.Sku == "a").QuantityUnits);
        Assert.Equal(5, plan.Orders.Single(o => o.Sku == "b").QuantityUnits);
    }

    [Fact]
    public void Allocation_noZoneAtNode_defersWithReason()
    {
        var plan = Plan([Item("ice", 0, 5, zone: TemperatureZone.Frozen)], volume: 100);
        Assert.Contains("has no Frozen zone", Assert.Single(plan.Deferred).Reason);
    }

    [Fact]
    public void Allocation_noFreeSlot_newSkuDeferred()
    {
        var plan = Plan([Item("held", 5, 10), Item("new", 0, 10)], volume: 1000, slots: 1);
        Assert.Equal("held", Assert.Single(plan.Orders).Sku);
        Assert.Contains("no free Chilled slot", Assert.Single(plan.Deferred).Reason);
    }

    [Fact]
    public void Allocation_sourceShort_mostUrgentNodeFirst()
    {
        var items = new[] { Item("x", 15, 10) with { NodeId = "M2" }, Item("x", 0, 10) };
        var plan = ReplenishmentPlanner.Plan(new ReplenishmentRequest
        {
            SourceNodeId = "DC",
            Items = items,
            SourceAvailableUnits = new Dictionary<string, int> { ["x"] = 12 },
        });
        Assert.Equal(12, plan.Orders.Sum(o => o.QuantityUnits));
        Assert.Equal(12, plan.Orders.Single(o => o.ToNodeId == "M1").QuantityUnits);
    }

    [Fact]
    public void Allocation_randomLines_neverExceedCapacityAndRespectPacks()
    {
        var line = Gen.Select(Gen.Int[0, 40], Gen.Double[0, 12], Gen.Int[1, 6], Gen.Int[0, 15], Gen.Double[0.1, 3], Gen.Int[0, 2]);
        Gen.Select(line.Array[1, 30], Gen.Double[0, 300], Gen.Int[0, 30]).Sample((lines, volume, slots) =>
        {
            var items = lines.Select((l, i) => new ReplenishmentItem
            {
                NodeId = "M1",
                Sku = "s" + i,
                OnHandUnits = l.Item1,
                DemandMeanPerDay = l.Item2,
                DemandSdPerDay = Math.Sqrt(l.Item2),
                PackSizeUnits = l.Item3,
                MinOrderUnits = l.Item4,
                UnitVolumeLitres = l.Item5,
                Priority = l.Item6,
                Zone = TemperatureZone.Chilled,
            }).ToArray();
            var plan = Plan(items, volume, slots);
            var bySku = items.ToDictionary(i => i.Sku);
            var before = items.Sum(i => i.OnHandUnits * i.UnitVolumeLitres);
            var added = plan.Orders.Sum(o => o.QuantityUnits * bySku[o.Sku].UnitVolumeLitres);
            Assert.True(added == 0 || before + added <= volume + 1e-6, $"volume {before} + {added} > {volume}");
            var held = items.Count(i => i.OnHandUnits > 0);
            var opened = plan.Orders.Count(o => bySku[o.Sku].OnHandUnits == 0);
            Assert.True(opened == 0 || held + opened <= slots, $"slots {held} + {opened} > {slots}");
            foreach (var o in plan.Orders)
            {
                var item = bySku[o.Sku];
                Assert.Equal(0, o.QuantityUnits % item.PackSizeUnits);
                Assert.True(o.QuantityUnits >= item.MinOrderUnits);
                Assert.True(o.QuantityUnits <= o.RequestedUnits);
            }
        }, iter: 300, seed: "0000000000002");
    }
}
