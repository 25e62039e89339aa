using Microchain.Domain.Geo;
using Microchain.Domain.Inventory;
using Microchain.Domain.Orders;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Nodes;
using Microchain.Runtime.Orders;

namespace Microchain.Runtime.Tests.Grains;

[Collection(GrainTestGroup.Name)]
public sealed class OrderPickingGrainTests(GrainClusterFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> StockedNode(int units)
    {
        var node = "N-" + Guid.NewGuid().ToString("N")[..8];
        Assert.True((await Node(node).SetLevels([new StockLevelCommand("SKU-1", 100, units)], "test", Ct)).Succeeded);
        return node;
    }

    private INodeGrain Node(string node) => fixture.Grains.GetGrain<INodeGrain>(GrainKey.Compose("t", node));

    private async Task<(IOrderGrain Grain, string OrderId)> Placed(string node, int quantity)
    {
        var id = OrderIds.FromIdempotencyKey("t", Guid.NewGuid().ToString());
        var grain = fixture.Grains.GetGrain<IOrderGrain>(GrainKey.Compose("t", id));
        var outcome = await fixture.Intake.PlaceAsync("t", id, new PlaceOrder("C-1", null, [new OrderLine("SKU-1", quantity)], new GeoPoint(45.7, 4.8), null, null, "k", "h",
            [new Allocation(node, "SKU-1", quantity)], null, [], false), Ct);
        Assert.Equal(OrderStatus.Allocated, outcome.Order!.Status);
        return (grain, id);
    }

    [Fact]
    public async Task ConfirmPick_short_with_nothing_suggested_marks_the_line_short_and_announces_it()
    {
        var node = await StockedNode(5);
        var (grain, id) = await Placed(node, 3);
        var outcome = await grain.ConfirmPick(new PickConfirmation(node, [new OrderLine("SKU-1", 1)], []), Ct);

        Assert.Equal(PickStatus.Recorded, outcome.Status);
        Assert.Equal(OrderStatus.Picked, outcome.Order!.Status);
        Assert.Equal([new OrderLine("SKU-1", 2)], outcome.Order.ShortLines);
        Assert.Equal([typeof(OrderPartPicked), typeof(OrderLinesShorted), typeof(OrderPicked)], outcome.Order.History.Skip(3).Select(e => e.GetType()));
        var position = await Node(node).GetPosition("SKU-1", Ct);
        Assert.Equal((4, 0), (position!.OnHand, position.Reserved));
        var topics = (await fixture.Journal.ReadOutboxAsync(10_000, Ct))
            .Where(m => m.Topic.StartsWith(OrderNotification.TopicPrefix, StringComparison.Ordinal) && OrderNotification.FromOutbox(m.Data) is { } n && n.OrderId == id).Select(m => m.Topic).ToArray();
        Assert.Equal(["order.part-picked", "order.short", "order.picked"], topics[^3..]);
    }

    [Fact]
    public async Task Sweep_extends_a_recorded_resourcing_reservation_and_releases_one_never_recorded()
    {
        var first = await StockedNode(2);
        var second = await StockedNode(10);
        var (grain, id) = await Placed(first, 2);
        var outcome = await grain.ConfirmPick(new PickConfirmation(first, [], [new Allocation(second, "SKU-1", 2)]), Ct);
        Assert.Equal(OrderStatus.Allocated, outcome.Order!.Status);
        Assert.Equal(OrderIds.ReservationFor(id, 1), Assert.IsType<OrderReallocated>(outcome.Order.History[^1]).ReservationId);
        var stray = OrderIds.ReservationFor(id, 7);
        Assert.True((await Node(second).Reserve(stray, [new StockLine("SKU-1", 3)], GrainClusterFixture.Clock.GetUtcNow().AddMinutes(1), Ct)).Succeeded);
        Assert.Equal(5, (await Node(second).GetPosition("SKU-1", Ct))!.Reserved);

        GrainClusterFixture.Clock.Advance(OrderGrain.ReservationTtl + TimeSpan.FromMinutes(1));
        await Node(second).SweepExpired(Ct); // the node's timer may have swept first: the state after is the same

        Assert.Equal(2, (await Node(second).GetPosition("SKU-1", Ct))!.Reserved);
        var picked = await grain.ConfirmPick(new PickConfirmation(second, [new OrderLine("SKU-1", 2)], []), Ct);
        Assert.Equal(OrderStatus.Picked, picked.Order!.Status);
        var position = await Node(second).GetPosition("SKU-1", Ct);
        Assert.Equal((8, 0), (position!.OnHand, position.Reserved));
    }

    [Fact]
    public async Task Cancel_after_a_short_pick_releases_the_resourced_reservation_too()
    {
        var first = await StockedNode(2);
        var second = await StockedNode(10);
        var (grain, _) = await Placed(first, 2);
        Assert.Equal(OrderStatus.Allocated, (await grain.ConfirmPick(new PickConfirmation(first, [], [new Allocation(second, "SKU-1", 2)]), Ct)).Order!.Status);
        Assert.Equal(2, (await Node(second).GetPosition("SKU-1", Ct))!.Reserved);

        Assert.True((await grain.Cancel("customer changed their mind", Ct)).Succeeded);

        Assert.Equal(0, (await Node(second).GetPosition("SKU-1", Ct))!.Reserved);
        Assert.Equal(0, (await Node(first).GetPosition("SKU-1", Ct))!.Reserved);
    }

    [Fact]
    public async Task Outcomes_follow_the_state_machine()
    {
        var node = await StockedNode(5);
        var (grain, _) = await Placed(node, 1);
        Assert.Equal("order.illegal_transition", (await grain.Deliver(Ct)).ErrorCode);
        await grain.ConfirmPick(new PickConfirmation(node, [new OrderLine("SKU-1", 1)], []), Ct);
        Assert.True((await grain.Dispatch("R-1", GrainClusterFixture.Clock.GetUtcNow().AddMinutes(20), Ct)).Succeeded);
        Assert.True((await grain.Fail("nobody home", Ct)).Succeeded);
        Assert.Equal(OrderStatus.Failed, (await grain.Get(Ct))!.Status);
        Assert.Equal("order.not_found", (await fixture.Grains.GetGrain<IOrderGrain>(GrainKey.Compose("t", "o-none")).Deliver(Ct)).ErrorCode);
    }
}
