using Microchain.Domain.Catalog;
using Microchain.Domain.Customers;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;
using Microchain.Domain.Supply;
using Microchain.Planning.Replenishment;
using Xunit;

namespace Microchain.Planning.Tests.Replenishment;

/// <summary>The whole-network run: forecasts, segment service levels, transfers and purchases with reasons.</summary>
public sealed class NetworkReplenishmentTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static Node Node(string id, NodeKind kind, double lon, long ambientLitres) => new()
    {
        Id = id, Name = id, Kind = kind, Location = new GeoPoint(45.75, lon), Storage = new StorageCapacity(ambientLitres, 0, 0, 50),
    };

    private static SupplierContract Contract(string supplier, long costCents, int leadDays) => new()
    {
        Id = "K-" + supplier, SupplierId = supplier, SkuId = "milk", NodeId = "DC", Start = Today.AddDays(-30), End = Today.AddDays(30),
        LeadTimeDays = leadDays, UnitCostCents = costCents, PackSizeUnits = 10, MinimumOrderUnits = 10,
    };

    private static NetworkModel Network(params Segment[] segments) => new()
    {
        Name = "tiny",
        Nodes = [Node("DC", NodeKind.CentralDc, 4.80, 100_000), Node("M1", NodeKind.Mfc, 4.85, 1_000), Node("M2", NodeKind.Mfc, 4.86, 1_000)],
        Skus = [new Sku { Id = "milk", Name = "Milk", VolumeMilliliters = 1_000, WeightGrams = 1_000, Zone = TemperatureZone.Ambient, ValueCents = 150 }],
        Segments = segments,
        Suppliers = [new Supplier { Id = "S1", Name = "Cheap" }, new Supplier { Id = "S2", Name = "Backup" }],
        Contracts = [Contract("S1", 60, 1), Contract("S2", 75, 2)],
    };

    private static Segment Segment(string id, double level) => new() { Id = id, Name = id, Promise = ServicePromise.SameDay, ServiceLevel = level };

    /// <summary>Four weeks of steady demand (10 a day, a little noise) at both MFCs.</summary>
    private static DemandHistoryLine[] Demand() =>
    [
        new("M1", "milk", [.. Enumerable.Range(0, 28).Select(d => 10.0 + (d % 3) - 1)]),
        new("M2", "milk", [.. Enumerable.Range(0, 28).Select(d => 10.0 + (d % 2))]),
    ];

    private static NetworkReplenishmentRequest Request(params StockPosition[] stock) => new() { Today = Today, Stock = stock, Demand = Demand() };

    [Fact]
    public void Plan_emptyNodes_transferFromTheDcWithReasons_andPurchaseFromTheCheapestSupplier()
    {
        var result = NetworkReplenishment.Plan(Network(), Request(new StockPosition("DC", "milk", 100, 0)), null, TestContext.Current.CancellationToken);
        Assert.Equal(["M1", "M2"], result.Transfers.Orders.Select(t => t.ToNodeId));
        Assert.All(result.Transfers.Orders, t => Assert.Contains("< reorder point", t.Reason, StringComparison.Ordinal));
        Assert.True(result.Transfers.Orders.Sum(t => t.QuantityUnits) <= 100);
        var purchase = Assert.Single(result.Purchases.Orders);
        Assert.Equal("S1", purchase.SupplierId);
        Assert.Equal(0, purchase.QuantityUnits % 10);
        Assert.All(result.Forecasts, f => Assert.InRange(f.MeanPerDay, 9, 11));
        Assert.Null(result.Disruption);
    }

    [Fact]
    public void Plan_disruptedSupplier_switchesToTheBackup_andReportsCostAgainstTheUndisruptedPlan()
    {
        var request = Request(new StockPosition("DC", "milk", 100, 0)) with { DisruptedSuppliers = new HashSet<string> { "S1" } };
        var result = NetworkReplenishment.Plan(Network(), request, null, TestContext.Current.CancellationToken);
        var purchase = Assert.Single(result.Purchases.Orders);
        Assert.Equal("S2", purchase.SupplierId);
        Assert.Contains("S1 disrupted", purchase.Reason, StringComparison.Ordinal);
        var impact = Assert.IsType<SupplierSwitchImpact>(result.Disruption);
        var change = Assert.Single(impact.Switches);
        Assert.Equal(("S1", "S2"), (change.From, change.To));
        Assert.Equal(purchase.CostCents, impact.After.CostCents);
        Assert.True(impact.CostDeltaCents > 0, impact.Summary());
        Assert.Contains("disrupted S1", impact.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_positionCapacity_clipsTheTransfer_andSaysSo()
    {
        var result = NetworkReplenishment.Plan(Network(),
            Request(new StockPosition("DC", "milk", 500, 0), new StockPosition("M1", "milk", 2, 0, CapacityUnits: 12)), null, TestContext.Current.CancellationToken);
        var m1 = Assert.Single(result.Transfers.Orders, t => t.ToNodeId == "M1");
        Assert.Equal(10, m1.QuantityUnits);
        Assert.Contains("capacity-clipped", m1.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_intraDay_proposesNoPurchases()
    {
        var request = Request(new StockPosition("DC", "milk", 100, 0)) with { Run = ReplenishmentRun.IntraDay };
        var result = NetworkReplenishment.Plan(Network(), request, null, TestContext.Current.CancellationToken);
        Assert.NotEmpty(result.Transfers.Orders);
        Assert.All(result.Transfers.Orders, t => Assert.StartsWith("intra-day", t.Reason, StringComparison.Ordinal));
        Assert.Empty(result.Purchases.Orders);
    }

    [Fact]
    public void Plan_strictSegmentAtANode_raisesItsLevel_andItsSafetyStock()
    {
        var network = Network(Segment("express", 0.99), Segment("eco", 0.80));
        var request = Request(new StockPosition("DC", "milk", 1_000, 0)) with
        {
            SegmentDemand = [new("M1", "express", 5), new("M1", "eco", 95), new("M2", "eco", 100)],
        };
        var strict = NetworkReplenishment.Plan(network, request, null, TestContext.Current.CancellationToken);
        Assert.Equal(0.99, strict.Forecasts.Single(f => f.NodeId == "M1").ServiceLevel);
        Assert.Equal(0.80, strict.Forecasts.Single(f => f.NodeId == "M2").ServiceLevel);
        int Units(NetworkReplenishmentResult r, string node) => r.Transfers.Orders.Single(t => t.ToNodeId == node).QuantityUnits;
        Assert.True(Units(strict, "M1") > Units(strict, "M2"), $"{Units(strict, "M1")} vs {Units(strict, "M2")}");

        var weighted = NetworkReplenishment.Plan(network with { Replenishment = network.Replenishment with { SegmentRule = SegmentServiceRule.DemandWeighted } },
            request, null, TestContext.Current.CancellationToken);
        Assert.Equal(0.05 * 0.99 + 0.95 * 0.80, weighted.Forecasts.Single(f => f.NodeId == "M1").ServiceLevel, 9);
    }

    [Fact]
    public void Plan_sameInputs_sameProposals()
    {
        var a = NetworkReplenishment.Plan(Network(), Request(new StockPosition("DC", "milk", 100, 0)), null, TestContext.Current.CancellationToken);
        var b = NetworkReplenishment.Plan(Network(), Request(new StockPosition("DC", "milk", 100, 0)), null, TestContext.Current.CancellationToken);
        Assert.Equal(a.Transfers.Orders, b.Transfers.Orders);
        Assert.Equal(a.Purchases.Orders, b.Purchases.Orders);
    }
}
