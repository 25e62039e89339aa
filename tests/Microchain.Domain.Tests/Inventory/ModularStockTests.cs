using System.Text.Json;
using Microchain.Domain.Catalog;
using Microchain.Domain.Inventory;

namespace Microchain.Domain.Tests.Inventory;

public sealed class ModularStockTests
{
    internal static readonly DateTimeOffset T0 = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    /// <summary>kit-a = 2 × c1 + 1 × c2 (60 s); kit-b = 1 × c2 + 3 × c3 (120 s).</summary>
    internal static AssemblySetup Setup(int capacityPerHour, int horizonMinutes = 60) => new(capacityPerHour, horizonMinutes,
    [
        new AssemblyRecipe("kit-a", [new BomLine("c1", 2), new BomLine("c2", 1)], 60),
        new AssemblyRecipe("kit-b", [new BomLine("c2", 1), new BomLine("c3", 3)], 120),
    ]);

    private static NodeStock Stocked(int capacityPerHour, params (string Sku, int Units)[] levels)
    {
        var stock = new NodeStock("mfc-1");
        stock.ConfigureAssembly(Setup(capacityPerHour), T0);
        foreach (var (sku, units) in levels)
        {
            stock.SetCapacity(sku, 1_000, T0);
            if (units > 0) stock.Receive(sku, units, "po", T0);
        }
        return stock;
    }

    private static ReservationResult Reserve(NodeStock stock, string id, params (string Sku, int Units)[] lines) =>
        stock.TryReserve(id, [.. lines.Select(l => new StockLine(l.Sku, l.Units))], T0.AddMinutes(15), T0);

    [Fact]
    public void AtpOf_componentsShort_isLimitedByTheScarcestComponent()
    {
        var stock = Stocked(100, ("c1", 10), ("c2", 3));
        var atp = stock.AtpOf("kit-a");
        Assert.Equal(new SkuAtp("kit-a", true, 3, 0, 3, 3, 98, "component:c2"), atp);
        Assert.Equal(3, stock.AvailableToPromise("kit-a"));
        Assert.Equal(0, stock.AvailableToPromise("kit-b")); // no c3 at all
        Assert.Equal("component:c3", stock.AtpOf("kit-b").Limit);
    }

    [Fact]
    public void AtpOf_littleCapacity_isLimitedByAssemblyCapacityWithinTheHorizon()
    {
        // 4 units per hour over 60 min less 60 s of assembly = 4 × 3540 / 3600 = 3 units.
        var stock = Stocked(4, ("c1", 100), ("c2", 100));
        Assert.Equal(new SkuAtp("kit-a", true, 3, 0, 3, 50, 3, SkuAtp.CapacityLimit), stock.AtpOf("kit-a"));
        Assert.Equal(7, stock.AtpOf("kit-a", horizonMinutes: 120).Atp);
        Assert.Equal(0, stock.AtpOf("kit-a", horizonMinutes: 1).Atp); // one minute leaves no time to assemble
    }

    [Fact]
    public void AtpOf_zeroAssemblyCapacity_offersFinishedUnitsOnly()
    {
        var stock = Stocked(0, ("c1", 100), ("c2", 100), ("kit-a", 2));
        var atp = stock.AtpOf("kit-a");
        Assert.Equal((2, 0, SkuAtp.CapacityLimit), (atp.Atp, atp.Assemblable, atp.Limit));
        Assert.False(Reserve(stock, "r1", ("kit-a", 3)).Succeeded);
        Assert.True(Reserve(stock, "r2", ("kit-a", 2)).Succeeded);
        Assert.Equal(0, stock.PositionOf("c1").Reserved);
    }

    [Fact]
    public void TryReserve_modularLine_takesFinishedUnitsFirstThenComponents()
    {
        var stock = Stocked(100, ("c1", 10), ("c2", 10), ("kit-a", 1));
        var result = Reserve(stock, "r1", ("kit-a", 3));
        Assert.True(result.Succeeded);
        var reserved = (StockReserved)result.Events.Single();
        Assert.Equal([new StockLine("c1", 4), new StockLine("c2", 2), new StockLine("kit-a", 1)], reserved.Lines);
        var hold = Assert.Single(reserved.Assemblies!);
        Assert.Equal((3, 1, 2), (hold.Quantity, hold.Finished, hold.Assembled));
        Assert.Equal(2, stock.CommittedAssemblyUnits);
        Assert.Equal(98 - 2, stock.AtpOf("kit-a").CapacityLeft);
    }

    [Fact]
    public void TryReserve_plainAndModularShareAComponent_allOrNothing()
    {
        var stock = Stocked(100, ("c1", 10), ("c2", 3));
        var refused = Reserve(stock, "r1", ("c2", 3), ("kit-a", 1));
        Assert.False(refused.Succeeded);
        Assert.Equal([new Shortage("c2", 3, 3), new Shortage("kit-a", 1, 3)], refused.Shortages);
        Assert.Empty(stock.Reservations);
        Assert.Equal(0, stock.PositionOf("c2").Reserved);
        Assert.True(Reserve(stock, "r2", ("c2", 2), ("kit-a", 1)).Succeeded);
        Assert.Equal(3, stock.PositionOf("c2").Reserved);
        Assert.Equal(0, stock.AvailableToPromise("kit-a"));
    }

    [Fact]
    public void TryReserve_capacityTakenByAnotherOrder_isRefusedAsShortage()
    {
        var stock = Stocked(4, ("c1", 100), ("c2", 100), ("c3", 100));
        Assert.True(Reserve(stock, "r1", ("kit-a", 3)).Succeeded);
        var refused = Reserve(stock, "r2", ("kit-b", 1));
        Assert.Equal([new Shortage("kit-b", 1, 0)], refused.Shortages);
        stock.Release("r1", "cancelled", T0);
        Assert.True(Reserve(stock, "r2", ("kit-b", 1)).Succeeded);
    }

    [Fact]
    public void TryReserve_sameIdAgain_isIdempotentAndOtherLinesConflict()
    {
        var stock = Stocked(100, ("c1", 10), ("c2", 10), ("kit-a", 1));
        Assert.True(Reserve(stock, "r1", ("kit-a", 2), ("c1", 1)).Succeeded);
        var again = Reserve(stock, "r1", ("c1", 1), ("kit-a", 1), ("kit-a", 1));
        Assert.True(again.Succeeded);
        Assert.Empty(again.Events);
        Assert.Equal("stock.reservation_conflict", Assert.Throws<DomainException>(() => Reserve(stock, "r1", ("kit-a", 3))).Code);
    }

    [Fact]
    public void Release_modularReservation_givesComponentsAndCapacityBack()
    {
        var stock = Stocked(100, ("c1", 10), ("c2", 10));
        var before = stock.AtpOf("kit-a");
        Assert.True(Reserve(stock, "r1", ("kit-a", 4)).Succeeded);
        Assert.Equal(1, stock.AvailableToPromise("kit-a"));
        stock.ExpireDue(T0.AddMinutes(16));
        Assert.Equal(before, stock.AtpOf("kit-a"));
        Assert.Equal(0, stock.PositionOf("c1").Reserved);
        Assert.Equal(0, stock.CommittedAssemblyUnits);
    }

    [Fact]
    public void Pick_modularLine_consumesComponentsRecordsAssemblyAndReleasesTheShortRest()
    {
        var stock = Stocked(100, ("c1", 10), ("c2", 10), ("c3", 10), ("kit-a", 1));
        Assert.True(Reserve(stock, "r1", ("kit-a", 3), ("c3", 2)).Succeeded);
        var events = stock.Pick("r1", [new StockLine("kit-a", 2), new StockLine("c3", 2)], T0);
        var picked = (StockPicked)events.Single();
        Assert.Equal([new StockLine("c1", 2), new StockLine("c2", 1), new StockLine("c3", 2), new StockLine("kit-a", 1)], picked.Picked);
        Assert.Equal([new StockLine("kit-a", 1)], picked.Assembled);
        Assert.Equal((8, 0), (stock.PositionOf("c1").OnHand, stock.PositionOf("c1").Reserved));
        Assert.Equal((9, 0), (stock.PositionOf("c2").OnHand, stock.PositionOf("c2").Reserved));
        Assert.Equal(0, stock.PositionOf("kit-a").OnHand);
        Assert.Equal(1, stock.AssembledUnits["kit-a"]);
        Assert.Equal(0, stock.CommittedAssemblyUnits);
    }

    [Fact]
    public void Pick_componentsHeldForAssembly_cannotBePickedAsPlainUnits()
    {
        var stock = Stocked(100, ("c1", 10), ("c2", 10));
        Assert.True(Reserve(stock, "r1", ("kit-a", 1)).Succeeded);
        Assert.Equal("stock.over_pick", Assert.Throws<DomainException>(() => stock.Pick("r1", [new StockLine("c1", 1)], T0)).Code);
        Assert.Equal("stock.over_pick", Assert.Throws<DomainException>(() => stock.Pick("r1", [new StockLine("kit-a", 2)], T0)).Code);
        Assert.Single(stock.Reservations);
    }

    [Fact]
    public void ConfigureAssembly_sameSetupAgain_raisesNothingAndBadSetupIsRefused()
    {
        var stock = Stocked(10);
        Assert.Empty(stock.ConfigureAssembly(Setup(10), T0));
        Assert.Single(stock.ConfigureAssembly(Setup(11), T0));
        Assert.Empty(new NodeStock("n").ConfigureAssembly(new AssemblySetup(0, 60, []), T0));
        var nested = new AssemblySetup(10, 60, [new AssemblyRecipe("k", [new BomLine("j", 1)], 10), new AssemblyRecipe("j", [new BomLine("c", 1)], 10)]);
        Assert.Equal("assembly.nested", Assert.Throws<DomainException>(() => stock.ConfigureAssembly(nested, T0)).Code);
        Assert.Equal("assembly.horizon", Assert.Throws<DomainException>(() => stock.ConfigureAssembly(Setup(10, 0), T0)).Code);
    }

    [Fact]
    public void Snapshot_withAssemblies_roundTripsThroughJson()
    {
        var stock = Stocked(100, ("c1", 10), ("c2", 10), ("kit-a", 1));
        Assert.True(Reserve(stock, "r1", ("kit-a", 3)).Succeeded);
        Assert.True(Reserve(stock, "r2", ("kit-a", 1)).Succeeded);
        stock.Pick("r2", [new StockLine("kit-a", 1)], T0);
        var json = JsonSerializer.Serialize(stock.ToSnapshot());
        var restored = NodeStock.FromSnapshot(JsonSerializer.Deserialize<NodeStockSnapshot>(json)!);
        Assert.Equal(ModularStockPropertyTests.Describe(stock), ModularStockPropertyTests.Describe(restored));
        Assert.Equal(stock.AtpOf("kit-a"), restored.AtpOf("kit-a"));
        restored.Pick("r1", [new StockLine("kit-a", 3)], T0);
        Assert.Equal(3, restored.AssembledUnits["kit-a"]);
    }
}
