using Microchain.Domain.Customers;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;
using Microchain.Domain.Orders;
using Microchain.Planning.Promise;

namespace Microchain.Planning.Tests.Promise;

public sealed class PromiseCalculatorTests
{
    // Each 0.01° north of the customer is ~1.45 road km, ~3.5 van minutes.
    private static readonly GeoPoint Customer = new(52.0, 13.0);
    private static readonly ITravelModel Travel = new HaversineTravelModel();
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly OrderLine[] Basket = [new("x", 2), new("y", 1)];

    private static GeoPoint North(double hundredths) => new(52.0 + hundredths / 100, 13.0);

    private static Node Node(string id, NodeKind kind, double hundredths, int pickPerHour = 60, long pickCents = 20, int radiusMinutes = 60,
        OperatingHours? hours = null, NodeLifecycle lifecycle = NodeLifecycle.Open) => new()
    {
        Id = id, Name = id, Kind = kind, Location = North(hundredths), Storage = new StorageCapacity(1000, 100, 100, 100),
        PickCapacityPerHour = pickPerHour, Costs = new NodeCosts(0, pickCents), ServiceRadiusMinutes = radiusMinutes,
        Hours = hours ?? OperatingHours.AllDay, Lifecycle = lifecycle,
    };

    private static NetworkModel Network(params Node[] nodes) => new() { Name = "promise", Nodes = nodes };

    private static NetworkState State(Dictionary<string, string> atp, Dictionary<string, int>? queued = null) => new(
        atp.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, int>)kv.Value.Split(',').Select(p => p.Split(':'))
            .ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))),
        queued ?? []);

    private static IReadOnlyList<DeliveryOption> Options(NetworkModel network, NetworkState state, PromiseQuery? query = null,
        DateTimeOffset? now = null, PromiseSettings? settings = null, params ServicePromise[] promises) =>
        PromiseCalculator.Options(query ?? new PromiseQuery(Basket, Customer), network, state, Travel, promises, now ?? Now, settings);

    [Fact]
    public void Options_nearMfcHoldsAllAndIsIdle_offersThirtyMinuteExpress()
    {
        var network = Network(Node("mfc", NodeKind.Mfc, 1));
        var options = Options(network, State(new() { ["mfc"] = "x:5,y:5" }));
        var express = options[0];
        Assert.Equal(ServicePromise.ThirtyMinutes, express.Promise);
        // Ready after 3 min of picking, 3.5 min of driving: 10:06:30, rounded up to the 15-minute grid.
        Assert.Equal(Now.AddMinutes(15), express.WindowStart);
        Assert.Equal(Now.AddMinutes(30), express.WindowEnd);
        Assert.Equal(["mfc"], express.NodeIds);
        Assert.Equal(DeliveryMode.Delivery, express.Mode);
        Assert.Equal(3 * 20 + 87 + 150, express.EstimatedCostCents);
        Assert.Single(options); // same-day and next-day would repeat the same plan
    }

    [Fact]
    public void Options_busyMfc_noExpressButSameDay()
    {
        var network = Network(Node("mfc", NodeKind.Mfc, 1));
        var options = Options(network, State(new() { ["mfc"] = "x:5,y:5" }, new() { ["mfc"] = 57 }));
        // 60 queued + basket units at 60/h: one hour of picking, then 3.5 min of driving: 11:03:30 → 11:15.
        var option = Assert.Single(options);
        Assert.Equal(ServicePromise.SameDay, option.Promise);
        Assert.Equal(Now.AddMinutes(75), option.WindowStart);
    }

    [Fact]
    public void Options_mfcLacksStock_offersSameDayFromDistantDc()
    {
        var network = Network(Node("mfc", NodeKind.Mfc, 1), Node("dc", NodeKind.CentralDc, 12, pickPerHour: 600, pickCents: 5));
        var options = Options(network, State(new() { ["mfc"] = "x:5", ["dc"] = "x:50,y:50" }));
        var option = Assert.Single(options);
        Assert.Equal(ServicePromise.SameDay, option.Promise);
        Assert.Equal(["dc"], option.NodeIds);
        Assert.True(option.WindowStart > Now.AddMinutes(30));
    }

    [Fact]
    public void Options_noSingleNodeHoldsAll_splitsOverNearestAndAddsPenalty()
    {
        var network = Network(Node("a", NodeKind.Mfc, 1), Node("b", NodeKind.DarkStore, 2));
        var options = Options(network, State(new() { ["a"] = "x:5", ["b"] = "y:5" }));
        var option = options[0];
        Assert.Equal(["a", "b"], option.NodeIds);
        Assert.Equal(ServicePromise.ThirtyMinutes, option.Promise);
        Assert.Equal(2 * 20 + 87 + 150 + 1 * 20 + 173 + 150 + 300, option.EstimatedCostCents);
    }

    [Fact]
    public void Options_lockerNearby_offersPickupInLockerHours()
    {
        var lockerHours = new OperatingHours(new TimeOnly(7, 0), new TimeOnly(21, 0));
        var network = Network(Node("mfc", NodeKind.Mfc, 1), Node("locker", NodeKind.Locker, -0.5, pickPerHour: 0, hours: lockerHours));
        var early = new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);
        var options = Options(network, State(new() { ["mfc"] = "x:5,y:5" }), now: early);
        var pickup = Assert.Single(options, o => o.Mode == DeliveryMode.LockerPickup);
        Assert.Equal("locker", pickup.LockerId);
        Assert.Equal(early.AddHours(2), pickup.WindowStart);
        Assert.Contains(options, o => o.Mode == DeliveryMode.Delivery && o.WindowStart == early.AddMinutes(15));
    }

    [Fact]
    public void Options_lockerChosen_offersOnlyPickup()
    {
        var network = Network(Node("mfc", NodeKind.Mfc, 1), Node("locker", NodeKind.Locker, 3, pickPerHour: 0));
        var options = Options(network, State(new() { ["mfc"] = "x:5,y:5" }), new PromiseQuery(Basket, null, "locker"));
        var option = Assert.Single(options);
        Assert.Equal(DeliveryMode.LockerPickup, option.Mode);
        Assert.Equal(ServicePromise.Pickup, option.Promise);
    }

    [Fact]
    public void Options_nodeClosedAtNight_startsAfterOpening()
    {
        var hours = new OperatingHours(new TimeOnly(8, 0), new TimeOnly(22, 0));
        var network = Network(Node("mfc", NodeKind.Mfc, 1, hours: hours));
        var night = new DateTimeOffset(2026, 11, 23, 23, 0, 0, TimeSpan.Zero);
        var option = Assert.Single(Options(network, State(new() { ["mfc"] = "x:5,y:5" }), now: night));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 15, 0, TimeSpan.Zero), option.WindowStart);
        Assert.Equal(ServicePromise.SameDay, option.Promise);
    }

    [Fact]
    public void Options_outsideEveryServiceRadius_offersNothing()
    {
        var network = Network(Node("mfc", NodeKind.Mfc, 10, radiusMinutes: 10));
        Assert.Empty(Options(network, State(new() { ["mfc"] = "x:5,y:5" })));
    }

    [Fact]
    public void Options_closedNodeOrSupplier_isNotUsed()
    {
        var network = Network(Node("mfc", NodeKind.Mfc, 1, lifecycle: NodeLifecycle.Closed), Node("sup", NodeKind.Supplier, 1));
        Assert.Empty(Options(network, State(new() { ["mfc"] = "x:5,y:5", ["sup"] = "x:5,y:5" })));
    }

    [Fact]
    public void Options_thirtyMinuteSlots_roundUpToTheGrid()
    {
        var network = Network(Node("mfc", NodeKind.Mfc, 1));
        var option = Options(network, State(new() { ["mfc"] = "x:5,y:5" }), settings: PromiseSettings.Default with { SlotMinutes = 30 })[0];
        Assert.Equal(Now.AddMinutes(30), option.WindowStart);
        Assert.Equal(Now.AddMinutes(60), option.WindowEnd);
    }
}
