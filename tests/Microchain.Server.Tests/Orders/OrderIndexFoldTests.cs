using System.Text.Json;
using Microchain.Domain.Geo;
using Microchain.Domain.Orders;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;
using Microchain.Server.Orders;

namespace Microchain.Server.Tests.Orders;

/// <summary>The order index folds by stored type name; whatever the journal holds, it must agree with the polymorphic fold.</summary>
public sealed class OrderIndexFoldTests : TempJournalTest
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OrderIndex_over_full_lifecycles_folds_exactly_like_the_polymorphic_fold()
    {
        var journal = Journal;
        // A: reallocation (to a new node and to one it already uses), short pick, redirect, second dispatch, delivery.
        await AppendAsync("t1", "A",
            Captured("A", "c1", "seg-a", 0, 2, 3),
            new OrderValidated(At(1)),
            new OrderPromised("standard", new DeliveryWindow(At(60), At(120)), ["n2", "n1"], 990, At(2)),
            new OrderAllocated([new Allocation("n2", "sku-1", 2), new Allocation("n1", "sku-2", 1), new Allocation("n2", "sku-3", 2)], At(3)),
            new OrderPartPicked("n1", "A", [], [new OrderLine("sku-2", 1)], At(4)),
            new OrderReallocated("n3", "A-r1", [new OrderLine("sku-2", 1)], At(5)),
            new OrderReallocated("n1", "A-r2", [new OrderLine("sku-2", 1)], At(6)),
            new OrderLinesShorted([new OrderLine("sku-2", 1)], At(7)),
            new OrderPicked([new Allocation("n2", "sku-1", 2)], [new OrderLine("sku-2", 1)], At(8)),
            new OrderDispatched("route-1", At(30), At(9)),
            new OrderRedirected("locker-1", new GeoPoint(52.1, 4.3), "nobody home", At(10)),
            new OrderDispatched("route-2", At(50), At(11), new WaveStop("n2", "w1", "v1", 3, new DeliveryWindow(At(40), At(55)))),
            new OrderDelivered(At(12)));
        await AppendNodeAsync("t1", "n1");
        await AppendAsync("t1", "B", Captured("B", "c2", null, 20, 1), new OrderValidated(At(21)), new OrderCancelled("customer asked", At(22)));
        await AppendAsync("t1", "C", Captured("C", "c1", "seg-b", 30, 4), new OrderRejected(["out-of-area"], At(31)));
        await AppendAsync("t1", "D", new OrderVoided("reservation expired", At(40)));
        await AppendAsync("t1", "E", Captured("E", "c3", "seg-a", 50, 1, 1, 1), new OrderAllocated([new Allocation("n1", "sku-1", 3)], At(51)), new OrderFailed("vehicle broke down", At(52)));
        await AppendAsync("t1", "never-captured", new OrderValidated(At(60)), new OrderAllocated([new Allocation("n9", "sku-1", 1)], At(61)));
        await AppendNodeAsync("t1", "n2");
        await AppendAsync("t2", "A", Captured("A", "c9", null, 70, 5), new OrderValidated(At(71)));
        // An event stored under a type name this version never writes still folds through the polymorphic contract.
        await journal.AppendAsync("order/t2/A", 2, [new EventData("order-dispatched", Json(new OrderDispatched("route-9", At(90), At(72))))], Ct);
        await journal.AppendAsync("order/t2/A", 3, [new EventData("order-delivered-v2", Json(new OrderDelivered(At(73))))], Ct);

        var index = new OrderIndex(journal);
        while (await index.CatchUpAsync(Ct) > 0) { }
        var oracle = new LegacyOrderFold();
        foreach (var e in (await journal.ReadGlobalAsync(0, JournalLimits.MaxReadCount, "", Ct)).Events) oracle.Apply(e);

        Assert.Equal(["t1", "t2"], oracle.ByTenant.Keys.Order(StringComparer.Ordinal));
        foreach (var (tenant, expected) in oracle.ByTenant)
        {
            var (items, total) = index.List(tenant, new OrderFilter(), 0, 100);
            Assert.Equal(expected.Count, total);
            Assert.Equal(
                expected.Values.OrderBy(o => o.OrderId, StringComparer.Ordinal).Select(Flat),
                items.OrderBy(o => o.OrderId, StringComparer.Ordinal).Select(Flat));
            Assert.Equal(
                expected.Values.GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count()).OrderBy(x => x.Key),
                index.CountByStatus(tenant).OrderBy(x => x.Key));
        }

        // The oracle is not trivially empty: the lifecycles above end where they should.
        var a = oracle.ByTenant["t1"]["A"];
        Assert.Equal((OrderStatus.Delivered, "n1,n2,n3", 5, At(12)), (a.Status, string.Join(',', a.NodeIds), a.Units, a.UpdatedAt));
        Assert.Equal(OrderStatus.Delivered, oracle.ByTenant["t2"]["A"].Status);
        Assert.Equal(["A", "B", "C", "E"], oracle.ByTenant["t1"].Keys.Order(StringComparer.Ordinal));
    }

    private async Task AppendAsync(string tenant, string orderId, params IOrderEvent[] events) =>
        await Journal.AppendAsync("order/" + GrainKey.Compose(tenant, orderId), 0,
            [.. events.Select(e => new EventData(e.GetType().Name, Json(e)))], Ct);

    private async Task AppendNodeAsync(string tenant, string nodeId) =>
        await Journal.AppendAsync("node/" + GrainKey.Compose(tenant, nodeId), 0, [new EventData("StockReserved", """{"reservationId":"x"}""")], Ct);

    private static OrderCaptured Captured(string orderId, string customerId, string? segmentId, int minute, params int[] quantities) =>
        new(orderId, customerId, [.. quantities.Select((q, i) => new OrderLine("sku-" + (i + 1), q))], new GeoPoint(52.0, 4.0), null, null, At(minute), segmentId, "key-" + orderId, "hash");

    private static string Json(IOrderEvent e) => JsonSerializer.Serialize(e, DomainJson.Options);

    private static DateTimeOffset At(int minute) => T0.AddMinutes(minute);

    private static string Flat(OrderSummary o) =>
        $"{o.OrderId}|{o.Status}|{o.CustomerId}|{o.SegmentId}|{string.Join(',', o.NodeIds)}|{o.Units}|{o.CapturedAt:O}|{o.UpdatedAt:O}";
}
