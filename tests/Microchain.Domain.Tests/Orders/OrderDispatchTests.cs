using System.Text.Json;
using Microchain.Domain.Geo;
using Microchain.Domain.Inventory;
using Microchain.Domain.Orders;

namespace Microchain.Domain.Tests.Orders;

/// <summary>Wave dispatch, redirect to a locker after a failed delivery, and the return of a failed order's units.</summary>
public sealed class OrderDispatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly GeoPoint Home = new(45.7, 4.8), Locker = new(45.71, 4.81);
    private static readonly WaveStop Stop = new("n1", "w1", "van-1", 2, new DeliveryWindow(T0.AddMinutes(40), T0.AddMinutes(60)));

    private static Order Picked(string? lockerId = null)
    {
        var order = Order.Capture("o-1", "c-1", [new OrderLine("milk", 2)], Home, lockerId, null, T0);
        order.Validate(T0);
        order.Allocate([new Allocation("n1", "milk", 2)], T0);
        order.PickPart("n1", [new OrderLine("milk", 2)], T0);
        order.CompletePick(T0);
        return order;
    }

    [Fact]
    public void DispatchInWave_recordsTheStopAndSurvivesReplay()
    {
        var order = Picked();
        order.DispatchInWave(Stop, T0);
        var replayed = Order.Replay(order.History.Select(e => JsonSerializer.Deserialize<IOrderEvent>(JsonSerializer.Serialize(e))!));
        Assert.Equal(OrderStatus.Dispatched, replayed.Status);
        Assert.Equal(Stop, replayed.LastDispatch!.Wave);
        Assert.Equal(Stop.EtaWindow.Start, replayed.LastDispatch.EstimatedArrival);
        Assert.Equal([new Allocation("n1", "milk", 2)], replayed.Picked);
    }

    [Fact]
    public void RedirectToLocker_afterAFailedDelivery_picksTheOrderAgainForTheLocker()
    {
        var order = Picked();
        order.DispatchInWave(Stop, T0);
        order.RedirectToLocker("lkr-1", Locker, "nobody home", T0);
        Assert.Equal((OrderStatus.Picked, "lkr-1", (OrderDispatched?)null), (order.Status, order.LockerId, order.LastDispatch));
        Assert.Equal(OrderStatus.Picked, Order.Replay(order.History).Status);
    }

    [Fact]
    public void RedirectToLocker_ofALockerOrderOrBeforeDispatch_isRefused()
    {
        var toLocker = Picked("lkr-1");
        toLocker.DispatchInWave(Stop, T0);
        Assert.Equal("order.redirect", Assert.Throws<DomainException>(() => toLocker.RedirectToLocker("lkr-2", Locker, "nobody home", T0)).Code);
        var notDispatched = Picked();
        Assert.Equal("order.illegal_transition", Assert.Throws<DomainException>(() => notDispatched.RedirectToLocker("lkr-1", Locker, "x", T0)).Code);
    }

    [Fact]
    public void Return_sameReturnIdTwice_receivesOnceAndSnapshotsRememberIt()
    {
        var stock = new NodeStock("n1");
        stock.SetCapacity("milk", 10, T0);
        stock.Receive("milk", 4, "r", T0);
        Assert.Single(stock.Return("return:o-1", [new StockLine("milk", 2)], T0));
        Assert.Empty(stock.Return("return:o-1", [new StockLine("milk", 2)], T0));
        Assert.Equal(6, stock.PositionOf("milk").OnHand);
        var restored = NodeStock.FromSnapshot(stock.ToSnapshot());
        Assert.Empty(restored.Return("return:o-1", [new StockLine("milk", 2)], T0));
        Assert.Equal("stock.over_capacity", Assert.Throws<DomainException>(() => restored.Return("return:o-2", [new StockLine("milk", 5)], T0)).Code);
    }
}
