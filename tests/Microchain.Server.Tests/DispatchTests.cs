using System.Net;
using System.Text.Json;
using Microchain.Domain.Geo;
using Microchain.Server.Dispatch;
using Microsoft.Extensions.DependencyInjection;

namespace Microchain.Server.Tests;

/// <summary>Dispatch waves over HTTP on the dispatch tenant (fake dispatcher clock, iteration-bounded solver).</summary>
[Collection(ServerTestGroup.Name)]
public sealed class DispatchTests(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly DispatchScenario _s = new(server);

    [Fact]
    public async Task Wave_routes_picked_orders_validly_and_orders_show_vehicle_stop_and_eta()
    {
        var sku = DispatchScenario.Sku(0).Id;
        var ids = new[]
        {
            await _s.PlacePicked("wave-1", DispatchScenario.Customer(0).Id, null, (sku, 1)),
            await _s.PlacePicked("wave-2", DispatchScenario.Customer(1).Id, null, (sku, 2)),
            await _s.PlacePicked("wave-3", DispatchScenario.Customer(2).Id, null, (sku, 1)),
        };
        await _s.IndexShowsPicked(ids);

        var wave = await _s.RunWave();
        var waveId = wave.GetProperty("waveId").GetString()!;
        Assert.Equal("manual", wave.GetProperty("trigger").GetString());
        Assert.Empty(await _s.CheckRecorded(waveId));
        foreach (var id in ids)
        {
            var stop = DispatchScenario.StopOf(wave, id);
            var order = await _s.Order(id);
            Assert.Equal("Dispatched", order.GetProperty("status").GetString());
            var on = order.GetProperty("dispatch").GetProperty("wave");
            Assert.Equal((DispatchScenario.Node, waveId, stop.GetProperty("stop").GetInt32()), (on.GetProperty("nodeId").GetString(), on.GetProperty("waveId").GetString(), on.GetProperty("stop").GetInt32()));
            Assert.Equal(stop.GetProperty("etaStart").GetDateTimeOffset(), on.GetProperty("etaWindow").GetProperty("start").GetDateTimeOffset());
            Assert.Equal(stop.GetProperty("etaStart").GetDateTimeOffset(), order.GetProperty("dispatch").GetProperty("estimatedArrival").GetDateTimeOffset());
            Assert.True(stop.GetProperty("etaStart").GetDateTimeOffset() >= server.DispatchClock.GetUtcNow(), "an ETA lies after the wave's origin");
            Assert.Equal(20, (int)(stop.GetProperty("etaEnd").GetDateTimeOffset() - stop.GetProperty("etaStart").GetDateTimeOffset()).TotalMinutes);
            Assert.DoesNotContain(wave.GetProperty("left").EnumerateArray(), l => l.GetProperty("orderId").GetString() == id);
        }
        var route = wave.GetProperty("routes").EnumerateArray().First();
        Assert.True(route.GetProperty("distanceMeters").GetInt64() > 0);
        Assert.Equal(3, route.GetProperty("load").GetArrayLength());
        Assert.Equal("van", route.GetProperty("kind").GetString());
        Assert.Equal(wave.GetProperty("summary").GetProperty("costCents").GetInt64(), wave.GetProperty("routes").EnumerateArray().Sum(r => r.GetProperty("costCents").GetInt64()));

        using var list = await _s.Get($"/v1/nodes/{DispatchScenario.Node}/waves?limit=1");
        var page = await DispatchScenario.Json(list);
        Assert.Equal(waveId, page.GetProperty("items")[0].GetProperty("waveId").GetString());
        using var geo = await _s.Get($"/v1/nodes/{DispatchScenario.Node}/waves/{waveId}?format=geojson");
        var features = (await DispatchScenario.Json(geo)).GetProperty("features").EnumerateArray().ToArray();
        Assert.Equal(wave.GetProperty("summary").GetProperty("routes").GetInt32(), features.Count(f => f.GetProperty("geometry").GetProperty("type").GetString() == "LineString"));
        Assert.Equal(wave.GetProperty("summary").GetProperty("stops").GetInt32(), features.Count(f => f.GetProperty("geometry").GetProperty("type").GetString() == "Point"));

        // Nothing is left picked: a second wave has nothing to do.
        using var again = await _s.Post($"/v1/nodes/{DispatchScenario.Node}/dispatch:run", "{}");
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);

        // Delivered, repeated (same answer), then contradicted (409).
        var first = DispatchScenario.StopOf(wave, ids[0]).GetProperty("stop").GetInt32();
        using var delivered = await _s.Post($"/v1/nodes/{DispatchScenario.Node}/waves/{waveId}/stops/{first}:delivered", "{}");
        Assert.Equal("delivered", DispatchScenario.Stops(await DispatchScenario.Json(delivered)).Single(s => s.GetProperty("stop").GetInt32() == first).GetProperty("outcome").GetString());
        Assert.Equal("Delivered", (await _s.Order(ids[0])).GetProperty("status").GetString());
        using var repeated = await _s.Post($"/v1/nodes/{DispatchScenario.Node}/waves/{waveId}/stops/{first}:delivered", "{}");
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        using var contradicted = await _s.Post($"/v1/nodes/{DispatchScenario.Node}/waves/{waveId}/stops/{first}:failed", """{"reason":"nobody home"}""");
        await ProblemAssert.IsProblem(contradicted, 409);
        using var missing = await _s.Post($"/v1/nodes/{DispatchScenario.Node}/waves/{waveId}/stops/999:delivered", "{}");
        await ProblemAssert.IsProblem(missing, 404);
    }

    [Fact]
    public async Task Failed_delivery_without_locker_rule_fails_the_order_and_returns_its_stock_once()
    {
        var sku = DispatchScenario.Sku(1).Id;
        var before = await _s.OnHand(sku);
        var id = await _s.PlacePicked("fail-return-1", DispatchScenario.Customer(3).Id, null, (sku, 3));
        Assert.Equal(before - 3, await _s.OnHand(sku));
        await _s.IndexShowsPicked(id);
        _s.SetNetwork(failedToLocker: false);
        try
        {
            var wave = await _s.RunWave();
            var waveId = wave.GetProperty("waveId").GetString()!;
            var stop = DispatchScenario.StopOf(wave, id).GetProperty("stop").GetInt32();
            using var failed = await _s.Post($"/v1/nodes/{DispatchScenario.Node}/waves/{waveId}/stops/{stop}:failed", """{"reason":"nobody home"}""");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Equal("Failed", (await _s.Order(id)).GetProperty("status").GetString());
            Assert.Equal(before, await _s.OnHand(sku));
            using var repeated = await _s.Post($"/v1/nodes/{DispatchScenario.Node}/waves/{waveId}/stops/{stop}:failed", """{"reason":"nobody home"}""");
            Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
            // The order's own :fail again re-sends the return under the same return id: still counted once.
            using var refail = await _s.Post($"/v1/orders/{id}:fail", """{"reason":"nobody home"}""");
            Assert.Equal(HttpStatusCode.OK, refail.StatusCode);
            Assert.Equal(before, await _s.OnHand(sku));
        }
        finally
        {
            _s.SetNetwork(failedToLocker: true);
        }
    }

    [Fact]
    public async Task Failed_home_delivery_goes_to_the_nearest_locker_with_room_and_the_next_wave_takes_it_there()
    {
        var sku = DispatchScenario.Sku(2).Id;
        var customer = DispatchScenario.Customer(4);
        var id = await _s.PlacePicked("fail-locker-1", customer.Id, null, (sku, 1));
        await _s.IndexShowsPicked(id);
        var wave = await _s.RunWave();
        var waveId = wave.GetProperty("waveId").GetString()!;
        var stop = DispatchScenario.StopOf(wave, id).GetProperty("stop").GetInt32();

        using var failed = await _s.Post($"/v1/nodes/{DispatchScenario.Node}/waves/{waveId}/stops/{stop}:failed", """{"reason":"nobody home"}""");
        var report = DispatchScenario.Stops(await DispatchScenario.Json(failed)).Single(s => s.GetProperty("stop").GetInt32() == stop);
        var network = DispatchNetwork.Network();
        var nearest = network.Nodes.Where(n => n.Kind == Domain.Network.NodeKind.Locker).OrderBy(n => n.Location.HaversineMetersTo(customer.Location)).First().Id;
        Assert.Equal(nearest, report.GetProperty("redirected").GetProperty(id).GetString());
        var order = await _s.Order(id);
        Assert.Equal(("Picked", nearest), (order.GetProperty("status").GetString(), order.GetProperty("lockerId").GetString()));

        await _s.IndexShowsPicked(id);
        var next = await _s.RunWave();
        var lockerStop = DispatchScenario.StopOf(next, id);
        Assert.Equal(nearest, lockerStop.GetProperty("lockerId").GetString());
        var locker = network.FindNode(nearest)!;
        Assert.Equal((locker.Location.Lat, locker.Location.Lon), (lockerStop.GetProperty("lat").GetDouble(), lockerStop.GetProperty("lon").GetDouble()));
        Assert.Empty(await _s.CheckRecorded(next.GetProperty("waveId").GetString()!));

        // A locker stop that fails does not redirect again: the order fails.
        var n = lockerStop.GetProperty("stop").GetInt32();
        using var lockerFailed = await _s.Post($"/v1/nodes/{DispatchScenario.Node}/waves/{next.GetProperty("waveId").GetString()}/stops/{n}:failed", """{"reason":"locker jammed"}""");
        Assert.Equal(HttpStatusCode.OK, lockerFailed.StatusCode);
        Assert.Equal("Failed", (await _s.Order(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Locker_stop_merges_orders_within_free_compartments_and_oversized_orders_are_left_with_the_reason()
    {
        var sku = DispatchScenario.Sku(3);
        var lockerOrders = new[]
        {
            await _s.PlacePicked("locker-cap-1", DispatchScenario.Customer(5).Id, DispatchNetwork.SmallLocker, (sku.Id, 1)),
            await _s.PlacePicked("locker-cap-2", DispatchScenario.Customer(6).Id, DispatchNetwork.SmallLocker, (sku.Id, 1)),
            await _s.PlacePicked("locker-cap-3", DispatchScenario.Customer(7).Id, DispatchNetwork.SmallLocker, (sku.Id, 1)),
        };
        // More totes than any van carries (one tote is 40 L): the bulkiest SKU, received first so that the MFC holds it.
        var bulky = DispatchScenario.Bulkiest();
        var units = (int)((DispatchNetwork.VanTotes * WaveJobs.ToteMilliliters / bulky.VolumeMilliliters) + 1);
        Assert.True(units <= 99, $"the bulkiest SKU ({bulky.VolumeMilliliters} ml) needs {units} units to fill the vans");
        using (var receipt = await _s.Post($"/v1/nodes/{DispatchScenario.Node}/receipts", JsonSerializer.Serialize(new { skuId = bulky.Id, quantity = units, reference = "bulky" })))
            Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        var oversized = await _s.PlacePicked("oversized-1", DispatchScenario.Customer(8).Id, null, (bulky.Id, units));
        await _s.IndexShowsPicked([.. lockerOrders, oversized]);

        var wave = await _s.RunWave();
        var stop = DispatchScenario.Stops(wave).Single(s => s.GetProperty("lockerId").GetString() == DispatchNetwork.SmallLocker);
        Assert.Equal(2, stop.GetProperty("lockerCompartments").GetInt32());
        // The two captured first take the two compartments.
        Assert.Equal(lockerOrders[..2].Order(StringComparer.Ordinal), stop.GetProperty("orderIds").EnumerateArray().Select(o => o.GetString()!).Order(StringComparer.Ordinal));
        var left = wave.GetProperty("left").EnumerateArray().ToDictionary(l => l.GetProperty("orderId").GetString()!, l => l.GetProperty("reason").GetString());
        var waiting = lockerOrders[2];
        Assert.Equal("locker_full", left[waiting]);
        Assert.Equal("Picked", (await _s.Order(waiting)).GetProperty("status").GetString());
        Assert.Equal("capacity", left[oversized]);
        Assert.Empty(await _s.CheckRecorded(wave.GetProperty("waveId").GetString()!));
        await _s.CancelLeftovers(waiting, oversized);
    }

    [Fact]
    public async Task Scheduled_wave_runs_once_per_slot_of_the_dispatch_clock()
    {
        var sku = DispatchScenario.Sku(0).Id;
        var id = await _s.PlacePicked("scheduled-1", DispatchScenario.Customer(9).Id, null, (sku, 1));
        await _s.IndexShowsPicked(id);
        var dispatcher = server.Services.GetRequiredService<Dispatcher>();
        // Whatever slot earlier tests left recorded, the next interval boundary is a new slot.
        var offset = DispatchNetwork.City.Network.OrderRules.LocalUtcOffset;
        var schedule = DispatchNetwork.Network().Dispatch.For(DispatchScenario.Node);
        var nextSlot = schedule.SlotAt(server.DispatchClock.GetUtcNow(), offset).AddMinutes(schedule.WaveIntervalMinutes);
        server.DispatchClock.SetUtcNow(nextSlot.AddMinutes(1));

        Assert.Equal(1, await dispatcher.RunDueAsync(Ct, server.DispatchTenant));
        Assert.Equal(0, await dispatcher.RunDueAsync(Ct, server.DispatchTenant));
        using var list = await _s.Get($"/v1/nodes/{DispatchScenario.Node}/waves?limit=1");
        var latest = (await DispatchScenario.Json(list)).GetProperty("items")[0];
        Assert.Equal(("schedule", nextSlot), (latest.GetProperty("trigger").GetString(), latest.GetProperty("slot").GetDateTimeOffset()));
        var order = await _s.Order(id);
        Assert.Equal(latest.GetProperty("waveId").GetString(), order.GetProperty("dispatch").GetProperty("wave").GetProperty("waveId").GetString());
    }

    [Fact]
    public async Task Unknown_node_or_wave_is_404_and_bad_paging_is_400()
    {
        using var run = await _s.Post("/v1/nodes/NOPE/dispatch:run", "{}");
        await ProblemAssert.IsProblem(run, 404);
        using var wave = await _s.Get($"/v1/nodes/{DispatchScenario.Node}/waves/w-none");
        await ProblemAssert.IsProblem(wave, 404);
        using var paging = await _s.Get($"/v1/nodes/{DispatchScenario.Node}/waves?limit=0");
        await ProblemAssert.IsProblem(paging, 400);
        using var format = await _s.Get($"/v1/nodes/{DispatchScenario.Node}/waves/w-none?format=kml");
        await ProblemAssert.IsProblem(format, 400);
        using var reason = await _s.Post($"/v1/nodes/{DispatchScenario.Node}/waves/w-none/stops/1:failed", "{}");
        await ProblemAssert.IsProblem(reason, 400);
    }
}
