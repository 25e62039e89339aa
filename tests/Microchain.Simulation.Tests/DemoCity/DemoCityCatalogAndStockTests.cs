using Microchain.Domain.Catalog;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;
using Microchain.Simulation.DemoCity;
using GeneratedCity = Microchain.Simulation.DemoCity.DemoCity;
using Xunit;

namespace Microchain.Simulation.Tests.DemoCity;

public sealed class DemoCityCatalogAndStockTests
{
    private static readonly GeneratedCity City = DemoCities.Default;
    private static NetworkModel Network => City.Network;

    [Fact]
    public void Catalog_popularity_isALongTailSummingToOne()
    {
        var sorted = City.SkuPopularity.OrderByDescending(w => w).ToArray();

        Assert.Equal(1.0, sorted.Sum(), 9);
        Assert.All(sorted, w => Assert.True(w > 0));
        Assert.InRange(sorted.Take(sorted.Length / 5).Sum(), 0.6, 0.9);
        Assert.True(sorted[0] > 50 * sorted[^1]);
    }

    [Fact]
    public void Catalog_prices_haveALongTail()
    {
        var prices = Network.Skus.Select(s => s.ValueCents).Order().ToArray();
        var median = prices[prices.Length / 2];

        Assert.InRange(median, 150, 600);
        Assert.True(prices[^1] > 6 * median, $"max {prices[^1]} vs median {median}");
        Assert.All(prices, p => Assert.Equal(9, p % 10));
    }

    [Fact]
    public void Catalog_zones_followCategories()
    {
        for (var i = 0; i < Network.Skus.Count; i++)
        {
            var sku = Network.Skus[i];
            switch (City.SkuCategories[i])
            {
                case SkuCategory.Dairy or SkuCategory.Produce: Assert.Equal(TemperatureZone.Chilled, sku.Zone); break;
                case SkuCategory.Frozen: Assert.Equal(TemperatureZone.Frozen, sku.Zone); break;
                case SkuCategory.Household: Assert.Null(sku.ShelfLifeDays); break;
                case SkuCategory.Bakery: Assert.InRange(sku.ShelfLifeDays!.Value, 1, 10); break;
                case SkuCategory.Kit: Assert.True(sku.IsModular); break;
            }
        }
        Assert.All(Enum.GetValues<SkuCategory>(), c => Assert.Contains(c, City.SkuCategories));
    }

    [Fact]
    public void Catalog_modularProducts_areFivePercentBuiltFromComponents()
    {
        var modular = Network.Skus.Where(s => s.IsModular).ToArray();

        Assert.Equal(100, modular.Length);
        Assert.All(modular, s => Assert.InRange(s.Bom!.Lines.Count, 4, 9));
        Assert.Contains(modular, s => s.Name.StartsWith("Meal kit", StringComparison.Ordinal));
        Assert.Contains(modular, s => s.Name.StartsWith("Gift box", StringComparison.Ordinal));
        var components = Network.Components.ToDictionary(c => c.Id);
        Assert.All(modular, s => Assert.True(s.ValueCents > s.Bom!.Lines.Sum(l => components[l.ComponentId].CostCents * l.Quantity)));
    }

    [Fact]
    public void Stock_everyNode_fitsItsStoragePerZoneAndSlots()
    {
        CityInvariants.AssertFits(City);
    }

    [Fact]
    public void Stock_demandFarAboveOneMfc_isCutToFit()
    {
        // 60,000 customers on one small MFC: a few days of demand cannot fit, so capacities are cut to the liters.
        var crowded = DemoCityGenerator.Generate(new DemoCityOptions { Seed = 3, Customers = 60_000, Mfcs = 1, Lockers = 1, Skus = 500 });

        CityInvariants.AssertFits(crowded);
        var mfc = crowded.Network.Nodes.Single(n => n.Kind == NodeKind.Mfc);
        var usedMl = CityInvariants.UsedMilliliters(crowded, mfc);
        var fullest = Enum.GetValues<TemperatureZone>().Max(z => usedMl[z] / (mfc.Storage.LitersFor(z) * 1_000.0));
        Assert.InRange(fullest, 0.95, 1.0);
    }

    [Fact]
    public void Stock_mfcs_holdTheirTopSellersAsAssortment()
    {
        var rank = City.SkuPopularity.Select((w, i) => (w, i)).OrderByDescending(x => x.w).Select((x, r) => (x.i, r)).ToDictionary(x => Network.Skus[x.i].Id, x => x.r);
        var regular = Network.Skus.Count(s => !s.IsModular);
        foreach (var mfcId in City.MfcIds)
        {
            var skus = City.Stock.Where(s => s.NodeId == mfcId && rank.ContainsKey(s.SkuId)).ToArray();
            Assert.InRange(skus.Length, (int)(0.35 * regular), (int)(0.72 * regular));
            Assert.All(skus, s => Assert.InRange(rank[s.SkuId], 0, (int)(0.72 * Network.Skus.Count)));
            Assert.All(skus, s => Assert.InRange(s.OnHand, Math.Max(1, (int)(0.75 * s.Capacity)), s.Capacity));
            var held = City.Stock.Where(s => s.NodeId == mfcId).Select(s => s.SkuId).ToHashSet();
            var kits = Network.Skus.Where(s => s.IsModular && held.Contains(s.Id)).ToArray();
            Assert.NotEmpty(kits);
            Assert.All(kits.SelectMany(k => k.Bom!.Lines), l => Assert.Contains(l.ComponentId, held));
        }
    }

    [Fact]
    public void Stock_dc_holdsEverySkuAndComponentDeeply()
    {
        var dc = City.Stock.Where(s => s.NodeId == City.CentralDcId).ToDictionary(s => s.SkuId);
        var mfcCapacity = City.Stock.Where(s => s.NodeId != City.CentralDcId).GroupBy(s => s.SkuId).ToDictionary(g => g.Key, g => g.Max(s => s.Capacity));

        Assert.Equal(Network.Skus.Count + Network.Components.Count, dc.Count);
        Assert.All(Network.Skus, s => Assert.True(dc.ContainsKey(s.Id), s.Id));
        Assert.All(Network.Components, c => Assert.True(dc.ContainsKey(c.Id), c.Id));
        Assert.All(dc.Values, s => Assert.InRange(s.Capacity, StockPlannerMinUnits, int.MaxValue));
        Assert.All(mfcCapacity, kv => Assert.True(dc[kv.Key].Capacity >= kv.Value, kv.Key));
    }

    [Fact]
    public void Nodes_mfcs_haveRealisticSizesHoursAndCosts()
    {
        foreach (var mfc in Network.Nodes.Where(n => n.Kind == NodeKind.Mfc))
        {
            var liters = mfc.Storage.AmbientLiters + mfc.Storage.ChilledLiters + mfc.Storage.FrozenLiters;
            Assert.InRange(liters, 3_000 * 34, 10_000 * 35);
            Assert.InRange(mfc.Storage.Slots, 1_500, 4_000);
            Assert.InRange(mfc.PickCapacityPerHour, 300, 3_000);
            Assert.Equal(new OperatingHours(new TimeOnly(7, 0), new TimeOnly(23, 0)), mfc.Hours);
            Assert.InRange(mfc.Costs.FixedCostCentsPerDay, 50_000, 300_000);
            Assert.InRange(mfc.Costs.PickCostCentsPerUnit, 10, 50);
            Assert.True(mfc.ServiceRadiusMinutes > 0);
        }
    }

    [Fact]
    public void Supply_contracts_areShortTermBelowValueAroundTheStartDate()
    {
        var value = Network.Skus.ToDictionary(s => s.Id, s => s.ValueCents);
        foreach (var c in Network.Components) value[c.Id] = c.CostCents;

        Assert.All(Network.Contracts, c =>
        {
            Assert.InRange(c.LeadTimeDays, 1, 5);
            Assert.True(c.IsActiveOn(City.Options.StartDate));
            Assert.InRange(c.End.DayNumber - c.Start.DayNumber, 60, 210);
            Assert.True(c.UnitCostCents < value[c.SkuId], c.Id);
            Assert.True(c.MinimumOrderUnits >= c.PackSizeUnits && c.MinimumOrderUnits % c.PackSizeUnits == 0, c.Id);
        });
        Assert.InRange(Network.Contracts.Count, Network.Skus.Count - 100 + Network.Components.Count, 2 * (Network.Skus.Count + Network.Components.Count));
    }

    [Fact]
    public void Fleet_everyMfc_hasVansBikesAndWalkersWithColdSkills()
    {
        foreach (var mfcId in City.MfcIds)
        {
            var kinds = Network.Vehicles.Where(v => v.NodeId == mfcId).Select(v => v.Kind).ToHashSet();
            Assert.Equal([VehicleKind.Van, VehicleKind.CargoBike, VehicleKind.Walker], kinds.Order());
        }
        Assert.Contains(Network.Vehicles, v => v.Skills.Contains("frozen"));
        Assert.Contains(Network.Vehicles, v => v.Kind == VehicleKind.CargoBike && v.Skills.Contains("chilled"));
        Assert.Contains(Network.Vehicles, v => v.Kind == VehicleKind.Truck && v.NodeId == City.CentralDcId);
        Assert.All(Network.Vehicles.Where(v => v.Kind == VehicleKind.Walker), v => Assert.Empty(v.Skills));
    }

    private const int StockPlannerMinUnits = 24;
}
