using System.Net;
using System.Text.Json;
using Microchain.Planning.Picking;

namespace Microchain.Server.Tests;

/// <summary>Pick and pack, re-sourcing of short picks, and delivery outcomes over HTTP on the order tenant.</summary>
[Collection(ServerTestGroup.Name)]
public sealed class OrderPickingTests(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly OrderScenario _s = new(server);

    private async Task<string> Place(string key, params (string Sku, int Quantity)[] lines)
    {
        using var placed = await _s.PlaceOrder(key, _s.OrderBody(_s.Customer(), lines));
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        return (await OrderScenario.Json(placed)).GetProperty("orderId").GetString()!;
    }

    private Task<HttpResponseMessage> Pick(string orderId, string node, params (string Sku, int Quantity)[] lines) =>
        _s.Post($"/v1/orders/{orderId}:pick", JsonSerializer.Serialize(new { nodeId = node, lines = lines.Select(l => new { skuId = l.Sku, quantity = l.Quantity }) }));

    private static async Task<string> StatusOf(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await OrderScenario.Json(response)).GetProperty("status").GetString()!.ToLowerInvariant();
    }

    /// <summary>The node's pick lists once the order index shows <paramref name="orderId"/> there (it trails writes).</summary>
    private async Task<JsonElement> PickListsShowing(string node, string orderId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var response = await _s.Get($"/v1/nodes/{node}/picklists");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var lists = await OrderScenario.Json(response);
            if (Lines(lists).Any(l => l.GetProperty("orderId").GetString() == orderId)) return lists;
            Assert.True(DateTime.UtcNow < deadline, "the pick lists did not show the order within 20 s");
            await Task.Delay(50, Ct);
        }
    }

    private static IEnumerable<JsonElement> Lines(JsonElement lists) =>
        lists.GetProperty("waves").EnumerateArray().SelectMany(w => w.GetProperty("batches").EnumerateArray()).SelectMany(b => b.GetProperty("lines").EnumerateArray());

    [Fact]
    public async Task Happy_path_picklist_pick_dispatch_deliver_records_every_event_and_takes_exactly_the_picked_units()
    {
        var sku = _s.Sku(OrderTestSkus.Picking + 0);
        var node = _s.Node(0);
        await _s.StockExactly(sku, new Dictionary<string, int> { [node] = 5 });
        var id = await Place("pick-happy-1", (sku, 2));

        var lists = await PickListsShowing(node, id);
        using (var view = await _s.Get($"/v1/orders/{id}"))
        {
            var windowStart = (await OrderScenario.Json(view)).GetProperty("promise").GetProperty("window").GetProperty("start").GetDateTimeOffset();
            var expectedWave = WavePlanner.SlotStart(windowStart - TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30));
            var wave = lists.GetProperty("waves").EnumerateArray().Single(w => w.GetProperty("batches").EnumerateArray()
                .Any(b => b.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("orderId").GetString() == id)));
            Assert.Equal(expectedWave, wave.GetProperty("cutOffFrom").GetDateTimeOffset());
            var batch = wave.GetProperty("batches").EnumerateArray().Single(b => b.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("orderId").GetString() == id));
            var zone = server.OrderCity.Network.Skus.Single(s => s.Id == sku).Zone.ToString();
            Assert.Equal(zone, batch.GetProperty("zone").GetString());
            var line = batch.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("orderId").GetString() == id);
            Assert.Equal((sku, 2, zone), (line.GetProperty("skuId").GetString(), line.GetProperty("quantity").GetInt32(), line.GetProperty("zone").GetString()));
        }

        using var early = await _s.Post($"/v1/orders/{id}:deliver", "{}");
        Assert.Equal("order-illegal-move", (await ProblemAssert.IsProblem(early, 409)).GetProperty("code").GetString());
        using var picked = await Pick(id, node, (sku, 2));
        Assert.Equal("picked", await StatusOf(picked));
        using var dispatched = await _s.Post($"/v1/orders/{id}:dispatch", """{"routeId":"route-9","eta":"2030-01-01T10:00:00Z"}""");
        Assert.Equal("dispatched", await StatusOf(dispatched));
        using var delivered = await _s.Post($"/v1/orders/{id}:deliver", "{}");
        Assert.Equal("delivered", await StatusOf(delivered));
        using var late = await _s.Post($"/v1/orders/{id}:fail", """{"reason":"lost"}""");
        await ProblemAssert.IsProblem(late, 409);

        using var final = await _s.Get($"/v1/orders/{id}");
        var types = (await OrderScenario.Json(final)).GetProperty("history").EnumerateArray().Select(e => e.GetProperty("$type").GetString()!).ToArray();
        Assert.Equal(["order-captured", "order-validated", "order-promised", "order-allocated", "order-part-picked", "order-picked", "order-dispatched", "order-delivered"], types);
        Assert.Equal((3, 0), await _s.Position(node, sku));
        using var after = await _s.Get($"/v1/nodes/{node}/picklists");
        Assert.DoesNotContain(Lines(await OrderScenario.Json(after)), l => l.GetProperty("orderId").GetString() == id);
    }

    [Fact]
    public async Task Short_pick_is_resourced_at_the_second_node_and_picked_there()
    {
        var sku = _s.Sku(OrderTestSkus.Picking + 1);
        var (first, second) = (_s.Node(0), _s.Node(1));
        await _s.StockExactly(sku, new Dictionary<string, int> { [first] = 3 });
        var id = await Place("pick-resource-1", (sku, 3));
        using (var count = await _s.Post($"/v1/nodes/{second}/counts", $$"""{"skuId":"{{sku}}","counted":5}"""))
            Assert.True(count.IsSuccessStatusCode);

        using var shortPick = await Pick(id, first, (sku, 1));
        Assert.Equal("allocated", await StatusOf(shortPick));
        Assert.Equal((2, 0), await _s.Position(first, sku));
        Assert.Equal((5, 2), await _s.Position(second, sku));

        var lists = await PickListsShowing(second, id);
        Assert.Equal(2, Lines(lists).Single(l => l.GetProperty("orderId").GetString() == id).GetProperty("quantity").GetInt32());
        using var rest = await Pick(id, second, (sku, 2));
        var order = await OrderScenario.Json(rest);
        Assert.Equal("picked", order.GetProperty("status").GetString(), ignoreCase: true);
        Assert.Equal(0, order.GetProperty("shortLines").GetArrayLength());
        var picked = order.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("order-picked", picked.GetProperty("$type").GetString());
        Assert.Equal([(first, 1), (second, 2)], picked.GetProperty("picked").EnumerateArray()
            .Select(a => (a.GetProperty("nodeId").GetString()!, a.GetProperty("quantity").GetInt32())).OrderBy(a => a.Item1 == first ? 0 : 1));
        Assert.Equal((3, 0), await _s.Position(second, sku));
    }

    [Fact]
    public async Task Short_pick_with_nothing_elsewhere_marks_the_line_short()
    {
        var sku = _s.Sku(OrderTestSkus.Picking + 2);
        var node = _s.Node(0);
        await _s.StockExactly(sku, new Dictionary<string, int> { [node] = 4 });
        var id = await Place("pick-short-1", (sku, 4));

        using var shortPick = await Pick(id, node, (sku, 1));
        var order = await OrderScenario.Json(shortPick);
        Assert.Equal("picked", order.GetProperty("status").GetString(), ignoreCase: true);
        var shortLine = Assert.Single(order.GetProperty("shortLines").EnumerateArray());
        Assert.Equal((sku, 3), (shortLine.GetProperty("skuId").GetString(), shortLine.GetProperty("quantity").GetInt32()));
        Assert.Contains(order.GetProperty("history").EnumerateArray(), e => e.GetProperty("$type").GetString() == "order-lines-shorted");
        Assert.Equal((3, 0), await _s.Position(node, sku));
    }

    [Fact]
    public async Task Confirming_the_same_pick_twice_picks_once_and_another_pick_is_409()
    {
        var sku = _s.Sku(OrderTestSkus.Picking + 3);
        var node = _s.Node(0);
        await _s.StockExactly(sku, new Dictionary<string, int> { [node] = 6 });
        var id = await Place("pick-twice-1", (sku, 2));

        using var first = await Pick(id, node, (sku, 2));
        var firstBody = await first.Content.ReadAsStringAsync(Ct);
        using var second = await Pick(id, node, (sku, 2));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(firstBody, await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal((4, 0), await _s.Position(node, sku));

        using var other = await Pick(id, node, (sku, 1));
        Assert.Equal("order-pick-conflict", (await ProblemAssert.IsProblem(other, 409)).GetProperty("code").GetString());
        using var elsewhere = await Pick(id, _s.Node(1), (sku, 1));
        Assert.Equal("order-no-part", (await ProblemAssert.IsProblem(elsewhere, 409)).GetProperty("code").GetString());
        Assert.Equal((4, 0), await _s.Position(node, sku));
    }

    [Fact]
    public async Task Bad_picks_and_unknown_orders_are_refused_without_change()
    {
        var sku = _s.Sku(OrderTestSkus.Picking + 4);
        var node = _s.Node(0);
        await _s.StockExactly(sku, new Dictionary<string, int> { [node] = 5 });
        var id = await Place("pick-bad-1", (sku, 2));

        using var over = await Pick(id, node, (sku, 3));
        Assert.Equal("pick-invalid", (await ProblemAssert.IsProblem(over, 422)).GetProperty("code").GetString());
        Assert.Equal((5, 2), await _s.Position(node, sku));
        using var unknown = await Pick("o-nothing", node, (sku, 1));
        await ProblemAssert.IsProblem(unknown, 404);
        using var unknownDispatch = await _s.Post("/v1/orders/o-nothing:dispatch", """{"routeId":"r","eta":"2030-01-01T10:00:00Z"}""");
        await ProblemAssert.IsProblem(unknownDispatch, 404);
        using var noRoute = await _s.Post($"/v1/orders/{id}:dispatch", "{}");
        await ProblemAssert.IsProblem(noRoute, 400);
        using var badWave = await _s.Get($"/v1/nodes/{node}/picklists?waveMinutes=7");
        await ProblemAssert.IsProblem(badWave, 400);
        using var noNode = await _s.Get("/v1/nodes/nowhere/picklists");
        await ProblemAssert.IsProblem(noNode, 404);
    }
}
