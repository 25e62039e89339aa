using Microchain.Domain.Geo;
using Microchain.Domain.Inventory;
using Microchain.Domain.Orders;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Nodes;
using Microchain.Runtime.Orders;

namespace Microchain.Runtime.Tests.Grains;

[Collection(GrainTestGroup.Name)]
public sealed class OrderGrainTests(GrainClusterFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PlaceOrder Command(string node, string sku, int quantity, string hash = "h1") =>
        new("C-1", "S-1", [new OrderLine(sku, quantity)], new GeoPoint(45.76, 4.83), null, null, "key", hash,
            [new Allocation(node, sku, quantity)], null, [], RejectOnShortage: false);

    private async Task<(string Node, string Sku)> StockedNode(int units)
    {
        var node = "N-" + Guid.NewGuid().ToString("N")[..8];
        var grain = fixture.Grains.GetGrain<INodeGrain>(GrainKey.Compose("t", node));
        Assert.True((await grain.SetLevels([new StockLevelCommand("SKU-1", 100, units)], "test", Ct)).Succeeded);
        return (node, "SKU-1");
    }

    private PlacedOrder NewOrder()
    {
        var id = OrderIds.FromIdempotencyKey("t", Guid.NewGuid().ToString());
        return new PlacedOrder(fixture, id, fixture.Grains.GetGrain<IOrderGrain>(GrainKey.Compose("t", id)));
    }

    /// <summary>An order id with its grain; placement goes through the intake, as on the server.</summary>
    private sealed record PlacedOrder(GrainClusterFixture Fixture, string Id, IOrderGrain Grain)
    {
        public Task<PlaceOutcome> Place(PlaceOrder command, CancellationToken cancellationToken) => Fixture.Intake.PlaceAsync("t", Id, command, cancellationToken);
        public Task<OrderView?> Get(CancellationToken cancellationToken) => Grain.Get(cancellationToken);
        public Task<CommandOutcome> Cancel(string reason, CancellationToken cancellationToken) => Grain.Cancel(reason, cancellationToken);
    }

    [Fact]
    public async Task Place_reserves_then_records_one_allocated_order_and_a_replay_changes_nothing()
    {
        var (node, sku) = await StockedNode(5);
        var order = NewOrder();
        var first = await order.Place(Command(node, sku, 2), Ct);
        Assert.Equal(PlacementStatus.Placed, first.Status);
        Assert.Equal(OrderStatus.Allocated, first.Order!.Status);
        var again = await order.Place(Command(node, sku, 2), Ct);
        Assert.Equal(PlacementStatus.Replayed, again.Status);
        Assert.Equal(first.Order.History.Count, again.Order!.History.Count);
        var position = await fixture.Grains.GetGrain<INodeGrain>(GrainKey.Compose("t", node)).GetPosition(sku, Ct);
        Assert.Equal(2, position!.Reserved);
    }

    [Fact]
    public async Task Place_with_another_request_hash_is_a_reused_key()
    {
        var (node, sku) = await StockedNode(5);
        var order = NewOrder();
        await order.Place(Command(node, sku, 1), Ct);
        Assert.Equal(PlacementStatus.KeyReused, (await order.Place(Command(node, sku, 1, "h2"), Ct)).Status);
    }

    [Fact]
    public async Task Place_short_records_nothing_unless_told_to_reject()
    {
        var (node, sku) = await StockedNode(1);
        var order = NewOrder();
        var shortage = await order.Place(Command(node, sku, 3), Ct);
        Assert.Equal(PlacementStatus.Shortage, shortage.Status);
        Assert.Null(await order.Get(Ct));
        var rejected = await order.Place(Command(node, sku, 3) with { RejectOnShortage = true }, Ct);
        Assert.Equal(OrderStatus.Rejected, rejected.Order!.Status);
        Assert.Equal(["stock.insufficient"], rejected.Order.RejectionCodes);
    }

    [Fact]
    public async Task Cancel_releases_the_reservation_and_a_second_cancel_is_refused()
    {
        var (node, sku) = await StockedNode(5);
        var order = NewOrder();
        await order.Place(Command(node, sku, 4), Ct);
        Assert.True((await order.Cancel("customer asked", Ct)).Succeeded);
        var again = await order.Cancel("again", Ct);
        Assert.Equal("order.illegal_transition", again.ErrorCode);
        Assert.Equal(OrderStatus.Cancelled, (await order.Get(Ct))!.Status);
        var position = await fixture.Grains.GetGrain<INodeGrain>(GrainKey.Compose("t", node)).GetPosition(sku, Ct);
        Assert.Equal(0, position!.Reserved);
    }

    [Fact]
    public async Task Replay_after_one_part_was_picked_releases_the_reservation_it_made_again_there()
    {
        var (a, sku) = await StockedNode(5);
        var (b, _) = await StockedNode(5);
        var order = NewOrder();
        var split = Command(a, sku, 2) with { Plan = [new Allocation(a, sku, 1), new Allocation(b, sku, 1)] };
        Assert.Equal(PlacementStatus.Placed, (await order.Place(split, Ct)).Status);
        Assert.Equal(PickStatus.Recorded, (await order.Grain.ConfirmPick(new PickConfirmation(a, [new OrderLine(sku, 1)], []), Ct)).Status);
        // The replay reserves again under the order's id: anew at a (its part was picked), as already held at b.
        var replay = await order.Place(split, Ct);
        Assert.Equal(PlacementStatus.Replayed, replay.Status);
        var atA = await fixture.Grains.GetGrain<INodeGrain>(GrainKey.Compose("t", a)).GetPosition(sku, Ct);
        var atB = await fixture.Grains.GetGrain<INodeGrain>(GrainKey.Compose("t", b)).GetPosition(sku, Ct);
        Assert.Equal((4, 0), (atA!.OnHand, atA.Reserved));
        Assert.Equal((5, 1), (atB!.OnHand, atB.Reserved));
    }

    [Fact]
    public async Task Get_on_an_activation_made_before_the_order_was_placed_sees_the_order()
    {
        var (node, sku) = await StockedNode(5);
        var order = NewOrder();
        Assert.Null(await order.Get(Ct)); // activates the grain with no order
        Assert.Equal(PlacementStatus.Placed, (await order.Place(Command(node, sku, 2), Ct)).Status);
        Assert.Equal(OrderStatus.Allocated, (await order.Get(Ct))!.Status);
        Assert.True((await order.Cancel("changed my mind", Ct)).Succeeded);
    }

    [Fact]
    public async Task Get_of_an_unknown_order_is_null()
    {
        var grain = fixture.Grains.GetGrain<IOrderGrain>(GrainKey.Compose("t", "never"));
        Assert.Null(await grain.Get(Ct));
    }
}

[Collection(GrainTestGroup.Name)]
public sealed class ReservationSweepTests(GrainClusterFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sweep_voids_an_order_never_recorded_and_releases_its_units_but_extends_an_allocated_one()
    {
        var node = "N-" + Guid.NewGuid().ToString("N")[..8];
        var stock = fixture.Grains.GetGrain<INodeGrain>(GrainKey.Compose("t", node));
        await stock.SetLevels([new StockLevelCommand("SKU-1", 100, 10)], "test", Ct);
        var abandoned = OrderIds.FromIdempotencyKey("t", Guid.NewGuid().ToString());
        Assert.True((await stock.Reserve(abandoned, [new StockLine("SKU-1", 3)], GrainClusterFixture.Clock.GetUtcNow().AddMinutes(1), Ct)).Succeeded);
        var outcome = await fixture.Intake.PlaceAsync("t", OrderIds.FromIdempotencyKey("t", Guid.NewGuid().ToString()), new PlaceOrder("C-1", null, [new OrderLine("SKU-1", 2)], new GeoPoint(45.7, 4.8), null, null, "k", "h",
            [new Allocation(node, "SKU-1", 2)], null, [], false), Ct);
        Assert.Equal(OrderStatus.Allocated, outcome.Order!.Status);

        GrainClusterFixture.Clock.Advance(OrderGrain.ReservationTtl + TimeSpan.FromMinutes(1));
        Assert.Equal(2, await stock.SweepExpired(Ct));

        Assert.Equal(2, (await stock.GetPosition("SKU-1", Ct))!.Reserved);
        var voided = await fixture.Journal.ReadAsync("order/" + GrainKey.Compose("t", abandoned), 1, 10, Ct);
        Assert.Equal(nameof(OrderVoided), Assert.Single(voided).Type);
        var retry = await fixture.Intake.PlaceAsync("t", abandoned, new PlaceOrder("C-1", null, [new OrderLine("SKU-1", 3)], new GeoPoint(45.7, 4.8), null, null, "k", "h",
            [new Allocation(node, "SKU-1", 3)], null, [], false), Ct);
        Assert.Equal(PlacementStatus.Voided, retry.Status);
        Assert.Equal(2, (await stock.GetPosition("SKU-1", Ct))!.Reserved);
    }
}
