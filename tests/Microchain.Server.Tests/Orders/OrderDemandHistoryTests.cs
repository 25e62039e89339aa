using System.Text.Json;
using Microchain.Domain.Geo;
using Microchain.Domain.Orders;
using Microchain.Domain.Validation;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;
using Microchain.Server.Assortment;
using Microchain.Server.Networks;
using Microchain.Server.Orders;
using Microchain.Simulation.DemoCity;

namespace Microchain.Server.Tests.Orders;

/// <summary>The captured-demand view of the order demand history, which assortment planning reads, on a real SQLite journal.</summary>
public sealed class OrderDemandHistoryTests : TempJournalTest
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 22, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint P1 = new(52.0, 4.0);
    private static readonly GeoPoint P2 = new(52.1, 4.2);

    [Fact]
    public async Task Captured_demand_adds_up_per_point_utc_day_and_sku_and_follows_new_orders()
    {
        using var history = new OrderDemandHistory(Journal, new NetworkCatalog());
        await CaptureAsync("t", "A", P1, T0, ("sku-1", 2), ("sku-2", 1));
        await Journal.AppendAsync("node/" + GrainKey.Compose("t", "n1"), 0, [new EventData("StockReserved", """{"reservationId":"A"}""")], Ct);
        await CaptureAsync("t", "B", P1, T0.AddMinutes(90), ("sku-1", 3)); // 23:30 UTC: the same UTC day
        await CaptureAsync("t", "C", P2, T0.AddHours(3), ("sku-1", 1));    // 01:00 UTC the next day
        await CaptureAsync("u", "D", P1, T0, ("sku-1", 7));

        var day0 = DateOnly.FromDateTime(T0.UtcDateTime).DayNumber;
        Assert.Equal(
            [new CapturedDemand(P1, day0, "sku-1", 5), new CapturedDemand(P1, day0, "sku-2", 1), new CapturedDemand(P2, day0 + 1, "sku-1", 1)],
            Sorted(await history.ReadCapturedAsync("t", Ct)));
        Assert.Equal([new CapturedDemand(P1, day0, "sku-1", 7)], await history.ReadCapturedAsync("u", Ct));
        Assert.Empty(await history.ReadCapturedAsync("nobody", Ct));

        // Read again after more orders: only the new events are folded, and they add to what was there.
        await CaptureAsync("t", "E", P2, T0.AddHours(4), ("sku-1", 4));
        Assert.Contains(new CapturedDemand(P2, day0 + 1, "sku-1", 5), await history.ReadCapturedAsync("t", Ct));
    }

    [Fact]
    public void From_history_counts_each_delivery_point_for_its_nearest_fulfilment_node_from_the_first_day()
    {
        var network = DemoCityGenerator.Generate(new DemoCityOptions { Seed = 7, Scale = 0.05, Skus = 20 }).Network;
        var nodes = ValidationContext.For(network).FulfilmentNodes;
        var (a, b) = (nodes[0], nodes[^1]);
        var sku = network.Skus[0].Id;
        var records = AssortmentPlanning.FromHistory(network,
            [new CapturedDemand(a.Location, 20_010, sku, 3), new CapturedDemand(b.Location, 20_012, sku, 2), new CapturedDemand(a.Location, 20_012, sku, 1)]);
        Assert.Equal(
            [new Planning.Assortment.DemandRecord(a.Id, sku, 0, 3), new Planning.Assortment.DemandRecord(b.Id, sku, 2, 2), new Planning.Assortment.DemandRecord(a.Id, sku, 2, 1)],
            records);
        Assert.Empty(AssortmentPlanning.FromHistory(network, []));
    }

    private async Task CaptureAsync(string tenant, string orderId, GeoPoint to, DateTimeOffset at, params (string Sku, int Units)[] lines)
    {
        IOrderEvent captured = new OrderCaptured(orderId, "c-" + orderId, [.. lines.Select(l => new OrderLine(l.Sku, l.Units))], to, null, null, at, "seg", "key-" + orderId, "hash");
        IOrderEvent validated = new OrderValidated(at);
        await Journal.AppendAsync("order/" + GrainKey.Compose(tenant, orderId), 0,
            [new EventData(nameof(OrderCaptured), JsonSerializer.Serialize(captured, DomainJson.Options)), new EventData(nameof(OrderValidated), JsonSerializer.Serialize(validated, DomainJson.Options))], Ct);
    }

    private static CapturedDemand[] Sorted(IEnumerable<CapturedDemand> rows) =>
        [.. rows.OrderBy(r => r.UtcDayNumber).ThenBy(r => r.DeliverTo.Lat).ThenBy(r => r.SkuId, StringComparer.Ordinal)];
}
