using CsCheck;
using Microchain.Domain.Catalog;
using Microchain.Planning.Assortment;
using Xunit;

namespace Microchain.Planning.Tests.Assortment;

public sealed class AssortmentPlannerTests
{
    private static AssortmentCandidate Sku(string id, double perDay, long margin = 100, long? fallback = null, int ml = 1_000, int pack = 1,
        TemperatureZone zone = TemperatureZone.Ambient) =>
        new(id, zone, perDay, margin, fallback, fallback is null ? null : "DC", ml, pack);

    private static NodeAssortmentRequest Node(IReadOnlyList<AssortmentCandidate> skus, int slots, long ambientMl = 1_000_000, IReadOnlySet<string>? current = null) =>
        new("M1", new NodeSpace(ambientMl, 1_000_000, 1_000_000, slots), skus, current);

    [Fact]
    public void Size_demandTimesCover_roundsUpToWholePacksAndAtLeastOne()
    {
        var settings = new AssortmentSettings(CoverDays: 3);
        Assert.Equal(12, AssortmentPlanner.Size(Sku("a", 2.5, pack: 6), settings).Units);
        Assert.Equal(6, AssortmentPlanner.Size(Sku("a", 0.1, pack: 6), settings).Units);
        Assert.Equal(6_000, AssortmentPlanner.Size(Sku("a", 0.1, pack: 6), settings).Milliliters);
        Assert.Equal(2, AssortmentPlanner.Size(Sku("a", 2, ml: 1) with { ShelfLifeDays = 1 }, settings).Units);
    }

    [Fact]
    public void PlanNode_oneSlot_stocksTheSkuWhoseDemandWouldOtherwiseBeLost()
    {
        // Same demand and margin; b can be served from the DC for 10 cents a unit more, a cannot be served at all.
        var plan = AssortmentPlanner.PlanNode(Node([Sku("a", 5), Sku("b", 5, fallback: 10)], slots: 1), AssortmentSettings.Default);
        Assert.Equal(["a"], plan.Skus);
        Assert.Contains("otherwise lost", plan.Lines.Single(l => l.SkuId == "a").Reason);
        Assert.Contains("earn more with other SKUs", plan.Lines.Single(l => l.SkuId == "b").Reason);
        // Captured: 5 × 100 for a, 5 × (100 − 10) for b served from the DC.
        Assert.Equal(950, plan.ValueCentsPerDay);
    }

    [Fact]
    public void PlanNode_demandMovesSlightly_hysteresisKeepsTheCurrentSku()
    {
        var settings = new AssortmentSettings(HorizonDays: 7, SwitchCostCents: 2_000);
        // b is now worth 20 cents a day more than a: 140 over the horizon, far below two switches (4,000).
        var plan = AssortmentPlanner.PlanNode(Node([Sku("a", 5.0), Sku("b", 5.2)], slots: 1, current: new HashSet<string> { "a" }), settings);
        Assert.Equal(["a"], plan.Skus);
        Assert.Empty(plan.Added);
        Assert.Equal(["a", "b"], plan.HeldBySwitchingCost);
        Assert.Contains("kept by hysteresis", plan.Lines.Single(l => l.SkuId == "a").Reason);
        Assert.Contains("not added", plan.Lines.Single(l => l.SkuId == "b").Reason);
        Assert.Equal(0, plan.SwitchingCents);
    }

    [Fact]
    public void PlanNode_demandMovesALot_swapsAndReportsAddAndDrop()
    {
        var settings = new AssortmentSettings(HorizonDays: 7, SwitchCostCents: 2_000);
        var plan = AssortmentPlanner.PlanNode(Node([Sku("a", 1), Sku("b", 20)], slots: 1, current: new HashSet<string> { "a" }), settings);
        Assert.Equal(["b"], plan.Skus);
        Assert.Equal(["b"], plan.Added);
        Assert.Equal(["a"], plan.Dropped);
        Assert.Equal(4_000, plan.SwitchingCents);
        Assert.StartsWith("add:", plan.Lines.Single(l => l.SkuId == "b").Reason, StringComparison.Ordinal);
        Assert.StartsWith("drop:", plan.Lines.Single(l => l.SkuId == "a").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanNode_currentSkuNoLongerACandidate_isDropped()
    {
        var plan = AssortmentPlanner.PlanNode(Node([Sku("a", 1)], slots: 5, current: new HashSet<string> { "a", "gone" }), AssortmentSettings.Default);
        Assert.Equal(["a"], plan.Skus);
        Assert.Equal(["gone"], plan.Dropped);
    }

    [Fact]
    public void PlanNode_randomNodes_neverExceedCapacityAndGapNotNegative()
    {
        var sku = Gen.Select(Gen.Double[0, 30], Gen.Long[0, 500], Gen.Select(Gen.Long[0, 300], Gen.Bool).Select((v, lost) => lost ? null : (long?)v), Gen.Int[50, 5_000], Gen.Int[1, 12], Gen.Int[0, 2], Gen.Bool);
        Gen.Select(sku.Array[0, 40], Gen.Long[0, 200_000].Array[3], Gen.Int[0, 30], Gen.Bool).Sample((skus, ml, slots, hasCurrent) =>
        {
            var candidates = skus.Select((s, i) => new AssortmentCandidate($"s{i:00}", (TemperatureZone)s.Item6, s.Item1, s.Item2, s.Item3, "DC", s.Item4, s.Item5)).ToArray();
            var current = hasCurrent ? candidates.Where((_, i) => skus[i].Item7).Select(c => c.SkuId).ToHashSet() : null;
            var request = new NodeAssortmentRequest("M1", new NodeSpace(ml[0], ml[1], ml[2], slots), candidates, current);
            var a = AssortmentPlanner.PlanNode(request, AssortmentSettings.Default);
            Assert.True(a.Skus.Count <= slots);
            Assert.All(a.Zones, z => Assert.True(z.UsedMilliliters <= z.CapacityMilliliters, $"{z.Zone}: {z.UsedMilliliters} > {z.CapacityMilliliters}"));
            Assert.True(a.Gap >= 0 && a.BoundCents >= a.ObjectiveCents);
            Assert.Equal(a.Skus, AssortmentPlanner.PlanNode(request, AssortmentSettings.Default).Skus);
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void PlanNode_moreSpace_neverLowersTheObjective()
    {
        var sku = Gen.Select(Gen.Double[0, 30], Gen.Long[0, 500], Gen.Int[50, 5_000], Gen.Int[0, 2]);
        Gen.Select(sku.Array[0, 12], Gen.Long[0, 100_000], Gen.Int[0, 8], Gen.Long[0, 50_000], Gen.Int[0, 3]).Sample((skus, ml, slots, moreMl, moreSlots) =>
        {
            var candidates = skus.Select((s, i) => new AssortmentCandidate($"s{i:00}", (TemperatureZone)s.Item4, s.Item1, s.Item2, null, null, s.Item3)).ToArray();
            var small = AssortmentPlanner.PlanNode(new("M1", new NodeSpace(ml, ml, ml, slots), candidates, null), AssortmentSettings.Default);
            var large = AssortmentPlanner.PlanNode(new("M1", new NodeSpace(ml + moreMl, ml + moreMl, ml + moreMl, slots + moreSlots), candidates, null), AssortmentSettings.Default);
            Assert.True(large.ObjectiveCents >= small.ObjectiveCents);
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void DailyRates_historyLongerThanWindow_averagesTheLastDays()
    {
        var history = new DemandRecord[] { new("M1", "a", 0, 100), new("M1", "a", 8, 4), new("M1", "a", 9, 2), new("M2", "b", 9, 1) };
        var rates = AssortmentDemand.DailyRates(history, windowDays: 2);
        Assert.Equal(3, rates["M1"]["a"]);
        Assert.Equal(0.5, rates["M2"]["b"]);
    }
}
