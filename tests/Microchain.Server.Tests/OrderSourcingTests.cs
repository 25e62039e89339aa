using Microchain.Domain.Catalog;
using Microchain.Domain.Customers;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;
using Microchain.Domain.Orders;
using Microchain.Domain.Validation;
using Microchain.Planning.Sourcing;
using Microchain.Runtime.Nodes;
using Microchain.Server.Orders;

namespace Microchain.Server.Tests;

/// <summary>The glue from an order draft to a sourcing decision, without a server.</summary>
public sealed class OrderSourcingTests
{
    private static readonly GeoPoint Home = new(45.7500, 4.8500);

    // "near" is ~150 m from the customer but picks at 90 cents a unit; "far" is ~5 km away and picks at 10.
    private static NetworkModel Network(SourcingPolicy? policy = null) => new()
    {
        Name = "test",
        Nodes =
        [
            new Node { Id = "near", Name = "Near", Kind = NodeKind.Mfc, Location = new(45.7510, 4.8510), Storage = new(1000, 1000, 0, 100), PickCapacityPerHour = 100, Costs = new(0, 90) },
            new Node { Id = "far", Name = "Far", Kind = NodeKind.Mfc, Location = new(45.7900, 4.8800), Storage = new(1000, 1000, 0, 100), PickCapacityPerHour = 100, Costs = new(0, 10) },
            new Node { Id = "L1", Name = "Locker", Kind = NodeKind.Locker, Location = new(45.7600, 4.8600), Storage = new(10, 0, 0, 10) },
        ],
        Skus =
        [
            new Sku { Id = "milk", Name = "Milk", VolumeMilliliters = 1000, WeightGrams = 1030, Zone = TemperatureZone.Chilled, ValueCents = 120 },
            new Sku { Id = "bread", Name = "Bread", VolumeMilliliters = 2000, WeightGrams = 500, ValueCents = 250 },
        ],
        Segments =
        [
            new Segment { Id = "express", Name = "Express", Promise = ServicePromise.ThirtyMinutes },
            new Segment { Id = "eco", Name = "Eco", Promise = ServicePromise.NextDay },
        ],
        Customers = [new Customer { Id = "c1", SegmentId = "express", Location = Home }],
        SourcingPolicy = policy ?? SourcingPolicy.Default,
    };

    private static readonly IReadOnlyList<NodeAvailability> Live =
    [
        new("near", new Dictionary<string, int> { ["milk"] = 10, ["bread"] = 10 }, 0),
        new("far", new Dictionary<string, int> { ["milk"] = 10, ["bread"] = 10 }, 0),
    ];

    private static OrderDraft Draft(int milk = 20, string customer = "c1") => new(customer, [new OrderLine("milk", milk), new OrderLine("bread", 1)], Home);

    [Fact]
    public void Request_takes_segment_promise_from_customer_and_zones_from_catalog()
    {
        var request = OrderSourcing.Request(Network(), Draft(2), "o-1", null);
        Assert.Equal("express", request.SegmentId);
        Assert.Equal(ServicePromise.ThirtyMinutes, request.Promise);
        Assert.Equal([new SourcingLine("milk", 2, TemperatureZone.Chilled, 1000), new SourcingLine("bread", 1, TemperatureZone.Ambient, 2000)], request.Lines);
        Assert.Equal("o-1", request.OrderId);
        Assert.Equal("eco", OrderSourcing.Request(Network(), Draft(2), "o-1", "eco").SegmentId);
    }

    [Fact]
    public void Decide_without_strategy_uses_network_policy_and_lists_every_candidate()
    {
        var decision = OrderSourcing.Decide(Network(), Draft(2), Live, null);
        Assert.Equal("min-cost-to-serve", decision.Strategy);
        Assert.Equal(OrderSourcing.DraftOrderId, decision.OrderId);
        Assert.Equal(["far", "near"], decision.Explanation.Candidates.Select(c => c.NodeId).Order(StringComparer.Ordinal));
        Assert.True(decision.Fulfilled);

        var closest = OrderSourcing.Decide(Network(SourcingPolicy.Default with { Strategy = "closest-node" }), Draft(2), Live, null);
        Assert.Equal("closest-node", closest.Strategy);
        Assert.Equal(["near"], closest.Explanation.WinnerNodeIds);
        Assert.Equal("fewest-splits", OrderSourcing.Decide(Network(SourcingPolicy.Default with { Strategy = "closest-node" }), Draft(2), Live, "fewest-splits").Strategy);
    }

    [Fact]
    public void Decide_with_segment_weights_prices_last_mile_with_them()
    {
        var expensiveExpress = SourcingPolicy.Default with
        {
            WeightsBySegment = new Dictionary<string, SourcingWeights> { ["express"] = SourcingWeights.Default with { LastMileCentsPerKm = 10_000 } },
        };
        var cheap = OrderSourcing.Decide(Network(), Draft(2), Live, "closest-node");
        var dear = OrderSourcing.Decide(Network(expensiveExpress), Draft(2), Live, "closest-node");
        Assert.Equal(cheap.Allocations, dear.Allocations);
        Assert.True(dear.Cost.LastMileCents > cheap.Cost.LastMileCents);
    }

    [Fact]
    public void Decide_splits_when_no_node_holds_the_basket()
    {
        var decision = OrderSourcing.Decide(Network(), Draft(20), Live, "fewest-splits");
        Assert.True(decision.Fulfilled);
        Assert.Equal(20, decision.Allocations.Where(a => a.SkuId == "milk").Sum(a => a.Quantity));
        Assert.Equal(["far", "near"], decision.Allocations.Select(a => a.NodeId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Decide_for_a_locker_order_sources_to_the_locker()
    {
        var draft = new OrderDraft("c1", [new OrderLine("bread", 1)], null, "L1");
        Assert.Equal(new GeoPoint(45.7600, 4.8600), OrderSourcing.Destination(Network(), draft));
        Assert.True(OrderSourcing.Decide(Network(), draft, Live, null).Fulfilled);
    }

    [Theory]
    [InlineData("nobody", null)]
    [InlineData("c1", "cheapest")]
    public void Decide_with_unknown_customer_or_strategy_throws(string customer, string? strategy) =>
        Assert.Throws<ArgumentException>(() => OrderSourcing.Decide(Network(), Draft(2, customer), Live, strategy));
}
