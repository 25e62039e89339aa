using System.Text.Json;
using Microchain.Domain.Geo;
using Microchain.Domain.Orders;

namespace Microchain.Domain.Tests.Orders;

public sealed class OrderStateMachinePropertyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private enum Command { Validate, Promise, Allocate, ConfirmPick, Dispatch, Deliver, Reject, Cancel, Fail }

    private static OrderStatus TargetOf(Command c) => c switch
    {
        Command.Validate => OrderStatus.Validated,
        Command.Promise => OrderStatus.Promised,
        Command.Allocate => OrderStatus.Allocated,
        Command.ConfirmPick => OrderStatus.Picked,
        Command.Dispatch => OrderStatus.Dispatched,
        Command.Deliver => OrderStatus.Delivered,
        Command.Reject => OrderStatus.Rejected,
        Command.Cancel => OrderStatus.Cancelled,
        Command.Fail => OrderStatus.Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    /// <summary>What to capture; a record so a failing sample prints readably (the order itself is mutable).</summary>
    private sealed record Capture(IReadOnlyList<OrderLine> Lines, double Lat, double Lon, bool WithWindow)
    {
        public Order Run() => Order.Capture("o-1", "c-1", Lines, new GeoPoint(Lat, Lon), WithWindow ? "locker-9" : null,
            WithWindow ? new DeliveryWindow(T0.AddHours(2), T0.AddHours(3)) : null, T0);

        public override string ToString() => $"Capture([{string.Join(", ", Lines)}], {Lat}, {Lon}, window {WithWindow})";
    }

    private static readonly Gen<Capture> Captured = Gen.Select(
        Gen.Select(Gen.OneOf(Gen.Const("apple"), Gen.Const("milk"), Gen.Const("bread")), Gen.Int[1, 20], (s, q) => new OrderLine(s, q)).Array[1, 4],
        Gen.Double[-60, 60], Gen.Double[-170, 170], Gen.Bool,
        (lines, lat, lon, withWindow) => new Capture(lines, lat, lon, withWindow));

    private static IOrderEvent Run(Order order, Command c, DateTimeOffset now) => c switch
    {
        Command.Validate => order.Validate(now),
        Command.Promise => order.PromiseDelivery("van", new DeliveryWindow(now.AddHours(1), now.AddHours(2)), ["mfc-1"], 450, now),
        Command.Allocate => order.Allocate(order.Lines.Select(l => new Allocation("mfc-1", l.SkuId, l.Quantity)).ToArray(), now),
        Command.ConfirmPick => order.ConfirmPick(order.Allocations, [], now),
        Command.Dispatch => order.Dispatch("route-7", now.AddMinutes(25), now),
        Command.Deliver => order.Deliver(now),
        Command.Reject => order.Reject(["customer.blocked"], now),
        Command.Cancel => order.Cancel("customer asked", now),
        Command.Fail => order.Fail("nobody home", now),
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    [Fact]
    public void Order_randomCommands_onlyStateMachineMovesSucceed()
    {
        Gen.Select(Captured, Gen.Enum<Command>().Array[1, 12]).Sample((capture, commands) =>
        {
            var order = capture.Run();
            var now = T0;
            foreach (var command in commands)
            {
                now = now.AddMinutes(7);
                var status = order.Status;
                var history = order.History.ToArray();
                var target = TargetOf(command);
                if (OrderStateMachine.CanMove(status, target))
                {
                    var e = Run(order, command, now);
                    Assert.Equal(target, order.Status);
                    Assert.Equal(history.Length + 1, order.History.Count);
                    Assert.Same(e, order.History[^1]);
                }
                else
                {
                    var ex = Assert.Throws<DomainException>(() => Run(order, command, now));
                    Assert.Equal("order.illegal_transition", ex.Code);
                    Assert.Equal(status, order.Status);
                    Assert.Equal(history, order.History);
                }
            }
            Assert.Equal(Snapshot(order), Snapshot(Order.Replay(order.History)));

            var json = JsonSerializer.Serialize<IReadOnlyList<IOrderEvent>>(order.History);
            var restored = JsonSerializer.Deserialize<List<IOrderEvent>>(json)!;
            Assert.Equal(Snapshot(order), Snapshot(Order.Replay(restored)));
        }, iter: 400);
    }

    [Fact]
    public void Order_finalState_acceptsNoCommand()
    {
        var paths = new[]
        {
            new[] { Command.Validate, Command.Allocate, Command.ConfirmPick, Command.Dispatch, Command.Deliver },
            [Command.Reject],
            [Command.Validate, Command.Promise, Command.Cancel],
            [Command.Validate, Command.Allocate, Command.ConfirmPick, Command.Dispatch, Command.Fail],
        };
        Gen.Select(Captured, Gen.Int[0, paths.Length - 1]).Sample((capture, path) =>
        {
            var order = capture.Run();
            foreach (var c in paths[path]) Run(order, c, T0.AddMinutes(5));
            Assert.True(OrderStateMachine.IsFinal(order.Status));
            foreach (var c in Enum.GetValues<Command>())
            {
                var ex = Assert.Throws<DomainException>(() => Run(order, c, T0.AddMinutes(9)));
                Assert.Equal("order.illegal_transition", ex.Code);
            }
        }, iter: 100);
    }

    [Fact]
    public void Replay_historyWithIllegalMove_isRefused()
    {
        var order = Order.Capture("o-2", "c-1", [new OrderLine("milk", 1)], new GeoPoint(45.75, 4.85), null, null, T0);
        var history = order.History.Append(new OrderDelivered(T0.AddHours(1)));
        var ex = Assert.Throws<DomainException>(() => Order.Replay(history));
        Assert.Equal("order.illegal_transition", ex.Code);
    }

    [Fact]
    public void Replay_historyWithoutCapture_isRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Order.Replay([new OrderValidated(T0)]));
        Assert.Equal("order.history", ex.Code);
    }

    /// <summary>Every observable field of an order, as JSON text, so two orders compare by value.</summary>
    private static string Snapshot(Order o) => JsonSerializer.Serialize(new
    {
        o.Id, o.CustomerId, o.Lines, Lat = o.DeliverTo.Lat, Lon = o.DeliverTo.Lon, o.LockerId, o.RequestedWindow, o.Status,
        o.Promise, o.Allocations, o.ShortLines, o.RejectionCodes, History = o.History.Select(e => JsonSerializer.Serialize(e)).ToArray(),
    });
}
