using Microchain.Domain.Catalog;
using Microchain.Planning.Replenishment;
using Xunit;

namespace Microchain.Planning.Tests.Replenishment;

public sealed class ReplenishmentPlannerTests
{
    private static ReplenishmentItem Item(string sku, int onHand, double mean = 10, double sd = 3) => new()
    {
        NodeId = "M1",
        Sku = sku,
        OnHandUnits = onHand,
        DemandMeanPerDay = mean,
        DemandSdPerDay = sd,
        LeadTimeDays = 1,
        ReviewPeriodDays = 1,
        Service = new ServiceTarget(0.95, ServiceMeasure.CycleService),
        UnitVolumeLitres = 1,
    };

    private static ReplenishmentPlan Plan(params ReplenishmentItem[] items) =>
        ReplenishmentPlanner.Plan(new ReplenishmentRequest { SourceNodeId = "DC", Items = items });

    [Fact]
    public void Levels_cycleService95_matchNormalFormula()
    {
        var levels = ReplenishmentLevels.For(Item("a", 0));
        // σ√P = 3√2, k = 1.645, s = 20 + 6.98.
        Assert.Equal(1.6448536 * 3 * Math.Sqrt(2), levels.SafetyStockUnits, 4);
        Assert.Equal(20 + 1.6448536 * 3 * Math.Sqrt(2), levels.ReorderPointUnits, 4);
        Assert.Equal(levels.ReorderPointUnits, levels.OrderUpToUnits, 9);
    }

    [Fact]
    public void Levels_fillRateTarget_solvesLossEquation()
    {
        var item = Item("a", 0) with { Service = new ServiceTarget(0.98, ServiceMeasure.FillRate) };
        var levels = ReplenishmentLevels.For(item);
        var sdP = 3 * Math.Sqrt(2);
        Assert.Equal(0.02 * 10 / sdP, Microchain.Planning.Forecasting.Normal.Loss(levels.SafetyFactor), 6);
    }

    [Fact]
    public void Levels_countModel_reorderPointIsPoissonQuantile()
    {
        // Mean 10/day over 2 days, variance below the mean → Poisson(20); its 95% quantile is 28.
        var levels = ReplenishmentLevels.For(Item("a", 0, sd: 1) with { DemandModel = DemandModel.Count });
        Assert.Equal(28, levels.ReorderPointUnits, 9);
        Assert.Equal(8, levels.SafetyStockUnits, 9);
    }

    [Fact]
    public void Levels_targetCover_raisesOrderUpTo()
    {
        var levels = ReplenishmentLevels.For(Item("a", 0) with { TargetCoverDays = 5 });
        Assert.Equal(levels.SafetyStockUnits + 50, levels.OrderUpToUnits, 9);
    }

    [Fact]
    public void Levels_fillRateWithoutExpectedDemand_noSafetyStock()
    {
        var item = Item("a", 0, mean: 0, sd: 1) with { Service = new ServiceTarget(0.99, ServiceMeasure.FillRate) };
        Assert.Equal(0, ReplenishmentLevels.For(item).SafetyStockUnits);
        Assert.Empty(Plan(item).Orders);
    }

    [Fact]
    public void Plan_enoughCover_ordersNothing()
    {
        var plan = Plan(Item("a", 40));
        Assert.Empty(plan.Orders);
        Assert.Empty(plan.Deferred);
    }

    [Fact]
    public void Plan_belowReorderPoint_ordersUpToS_withReason()
    {
        var plan = Plan(Item("a", 12));
        var order = Assert.Single(plan.Orders);
        // S = 26.98 → 27 − 12 = 15.
        Assert.Equal(15, order.QuantityUnits);
        Assert.Equal("DC", order.FromNodeId);
        Assert.Contains("nightly: position 12 (1.2 d of cover) < reorder point 27.0", order.Reason);
        Assert.Contains("95% cycle service", order.Reason);
    }

    [Fact]
    public void Plan_packAndMoq_roundUp()
    {
        var plan = Plan(Item("a", 12) with { PackSizeUnits = 6, MinOrderUnits = 20 });
        var order = Assert.Single(plan.Orders);
        Assert.Equal(24, order.QuantityUnits);
        Assert.Contains("(from 15: pack 6, MOQ 20)", order.Reason);
    }

    [Fact]
    public void Plan_intraDay_onlyUrgentLines_topUpToReorderPoint()
    {
        var request = new ReplenishmentRequest { Run = ReplenishmentRun.IntraDay, SourceNodeId = "DC", Items = [Item("a", 5), Item("b", 18)] };
        var plan = ReplenishmentPlanner.Plan(request);
        // Trigger: lead-time demand 10 + safety 6.98 = 17.0; b (18) is fine, a tops up to s = 27.0 → 22.
        var order = Assert.Single(plan.Orders);
        Assert.Equal("a", order.Sku);
        Assert.Equal(22, order.QuantityUnits);
        Assert.StartsWith("intra-day", order.Reason);
    }

    [Fact]
    public void Plan_sameRequest_sameResult()
    {
        var items = Enumerable.Range(0, 50).Select(i => Item("s" + i, i % 30, mean: 1 + i % 7, sd: 1 + i % 3) with { Priority = i % 3, UnitVolumeLitres = 0.5 + i % 4 }).ToArray();
        var request = new ReplenishmentRequest
        {
            SourceNodeId = "DC",
            Items = items,
            Capacities = [new NodeCapacity("M1", [new ZoneCapacity(TemperatureZone.Ambient, 400, 45)])],
        };
        Assert.Equal(ReplenishmentPlanner.Plan(request).Orders, ReplenishmentPlanner.Plan(request).Orders);
    }
}
