using Microchain.Domain.Geo;
using Microchain.Domain.Orders;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Orders;

namespace Microchain.Runtime.Tests.Grains;

[Collection(GrainTestGroup.Name)]
public sealed class OrderGrainTests(GrainClusterFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CaptureOrder Command => new("C-1", [new OrderLine("SKU-1", 2)], new GeoPoint(45.76, 4.83), null, null);

    [Fact]
    public async Task Capture_twice_keeps_one_order_with_one_capture_event()
    {
        var grain = fixture.Grains.GetGrain<IOrderGrain>(GrainKey.Compose("t", "O-" + Guid.NewGuid().ToString("N")));
        var first = await grain.Capture(Command, Ct);
        var second = await grain.Capture(Command with { CustomerId = "C-2" }, Ct);
        Assert.Equal(OrderStatus.Captured, first.Status);
        Assert.Equal("C-1", second.CustomerId);
        Assert.Single(second.History);
    }

    [Fact]
    public async Task Cancel_moves_to_cancelled_and_a_second_cancel_is_refused()
    {
        var grain = fixture.Grains.GetGrain<IOrderGrain>(GrainKey.Compose("t", "O-" + Guid.NewGuid().ToString("N")));
        await grain.Capture(Command, Ct);
        Assert.True((await grain.Cancel("customer asked", Ct)).Succeeded);
        var again = await grain.Cancel("again", Ct);
        Assert.False(again.Succeeded);
        Assert.Equal("order.illegal_transition", again.ErrorCode);
        var view = await grain.Get(Ct);
        Assert.Equal(OrderStatus.Cancelled, view!.Status);
        Assert.Equal(2, view.History.Count);
    }

    [Fact]
    public async Task Get_of_an_unknown_order_is_null()
    {
        var grain = fixture.Grains.GetGrain<IOrderGrain>(GrainKey.Compose("t", "never"));
        Assert.Null(await grain.Get(Ct));
    }
}
