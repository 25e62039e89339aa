using Microchain.Domain.Supply;
using Microchain.Planning.Replenishment;
using Xunit;

namespace Microchain.Planning.Tests.Replenishment;

public sealed class PurchasePlannerTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static DcItem Dc(int onHand) => new()
    {
        DcNodeId = "DC",
        Sku = "milk",
        OnHandUnits = onHand,
        DemandMeanPerDay = 10,
        DemandSdPerDay = 0,
        Service = new ServiceTarget(0.95, ServiceMeasure.CycleService),
    };

    private static SupplierContract Contract(string id, int lead, long cost, int capacity = int.MaxValue) => new()
    {
        Id = "K-" + id,
        SupplierId = id,
        SkuId = "milk",
        NodeId = "DC",
        Start = DateOnly.MinValue,
        End = DateOnly.MaxValue,
        LeadTimeDays = lead,
        UnitCostCents = cost,
        CapacityUnitsPerWeek = capacity,
    };

    [Fact]
    public void Plan_cheapSupplierTooSlow_picksCheapestThatMeetsNeedDate()
    {
        // 45 units at 10/day: need date in 4 days. Slow S1 (10 d) misses it, S3 (4 d) is the cheaper of the two that meet it.
        var plan = PurchasePlanner.Plan(Today, [Dc(45)], [Contract("S1", 10, 50), Contract("S2", 2, 120), Contract("S3", 4, 90)]);
        var order = Assert.Single(plan.Orders);
        Assert.Equal("S3", order.SupplierId);
        // s = S = 10 × (4 + 1) = 50 with no demand variance: 5 units.
        Assert.Equal(5, order.QuantityUnits);
        Assert.Equal(Today.AddDays(4), order.ArrivalDate);
        Assert.Contains("cheapest supplier arriving by then", order.Reason);
    }

    [Fact]
    public void Plan_cheapestDisrupted_switchesAndSaysSo()
    {
        var plan = PurchasePlanner.Plan(Today, [Dc(15)], [Contract("S1", 1, 50), Contract("S2", 1, 80)], new HashSet<string> { "S1" });
        var order = Assert.Single(plan.Orders);
        Assert.Equal("S2", order.SupplierId);
        Assert.Equal(5, order.QuantityUnits);
        Assert.Contains("not used: S1 disrupted", order.Reason);
        Assert.Equal(order.QuantityUnits * 80, order.CostCents);
    }

    [Fact]
    public void Plan_quantityAboveCapacity_spillsToNextSupplier()
    {
        // Lead 1 + review 1, mean 10, target cover 10 d: S = 100, position 0 → 100 units, S1 takes 60.
        var item = Dc(0) with { TargetCoverDays = 10 };
        var plan = PurchasePlanner.Plan(Today, [item], [Contract("S1", 1, 50, capacity: 60), Contract("S2", 1, 70)]);
        Assert.Equal(["S1", "S2"], plan.Orders.Select(o => o.SupplierId));
        Assert.Equal([60, 40], plan.Orders.Select(o => o.QuantityUnits));
        Assert.Contains("capped at capacity 60", plan.Orders[0].Reason);
    }

    [Fact]
    public void Plan_enoughStock_ordersNothing()
    {
        Assert.Empty(PurchasePlanner.Plan(Today, [Dc(500)], [Contract("S1", 3, 50)]).Orders);
    }

    [Fact]
    public void Plan_contractExpired_reportsUnplaced()
    {
        var plan = PurchasePlanner.Plan(Today, [Dc(0)], [Contract("S1", 1, 50) with { End = Today.AddDays(-1) }]);
        Assert.Empty(plan.Orders);
        Assert.Contains("S1 outside contract dates", Assert.Single(plan.Unplaced));
    }

    [Fact]
    public void Plan_noSupplierInTime_usesFastestAndSaysLate()
    {
        var plan = PurchasePlanner.Plan(Today, [Dc(10)], [Contract("S1", 6, 50), Contract("S2", 3, 90)]);
        var order = Assert.Single(plan.Orders);
        Assert.Equal("S2", order.SupplierId);
        Assert.Contains("(2 d late)", order.Reason);
    }
}
