using System.Net;

namespace Microchain.Server.Tests;

public abstract class OrderCaptureTests(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly OrderScenario _scenario = new(server);

    /// <summary>The scenario; skips the test when the fixture's store is not available here.</summary>
    private OrderScenario S
    {
        get
        {
            server.SkipIfUnavailable();
            return _scenario;
        }
    }

    [Fact]
    public async Task Capture_allocates_and_a_replay_returns_the_same_answer_without_a_second_order()
    {
        var sku = S.Sku(OrderTestSkus.Capture + 0);
        await S.StockExactly(sku, new Dictionary<string, int> { [S.Node(0)] = 5 });
        var body = S.OrderBody(S.Customer(), (sku, 2));
        using var first = await S.PlaceOrder("capture-1", body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var order = await OrderScenario.Json(first);
        Assert.Equal("allocated", order.GetProperty("status").GetString(), ignoreCase: true);
        var id = order.GetProperty("orderId").GetString()!;
        Assert.Equal($"/v1/orders/{id}", first.Headers.Location!.OriginalString);

        using var replay = await S.PlaceOrder("capture-1", body.Replace(",", " ,", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(order.GetRawText(), (await OrderScenario.Json(replay)).GetRawText());
        Assert.Equal((5, 2), await S.Position(S.Node(0), sku));

        using var view = await S.Get($"/v1/orders/{id}");
        var history = (await OrderScenario.Json(view)).GetProperty("history");
        Assert.Equal(4, history.GetArrayLength()); // captured, validated, promised, allocated
    }

    [Fact]
    public async Task Same_key_with_another_body_is_422_and_changes_nothing()
    {
        var sku = S.Sku(OrderTestSkus.Capture + 1);
        await S.StockExactly(sku, new Dictionary<string, int> { [S.Node(0)] = 5 });
        using var first = await S.PlaceOrder("reuse-1", S.OrderBody(S.Customer(), (sku, 1)));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var other = await S.PlaceOrder("reuse-1", S.OrderBody(S.Customer(), (sku, 2)));
        var problem = await ProblemAssert.IsProblem(other, 422);
        Assert.Equal("idempotency-key-reused", problem.GetProperty("code").GetString());
        Assert.Equal((5, 1), await S.Position(S.Node(0), sku));
    }

    [Fact]
    public async Task Cancel_releases_the_units_and_the_order_shows_it()
    {
        var sku = S.Sku(OrderTestSkus.Capture + 2);
        await S.StockExactly(sku, new Dictionary<string, int> { [S.Node(0)] = 5 });
        using var placed = await S.PlaceOrder("cancel-1", S.OrderBody(S.Customer(), (sku, 3)));
        var id = (await OrderScenario.Json(placed)).GetProperty("orderId").GetString();
        using var cancelled = await S.Post($"/v1/orders/{id}:cancel", """{"reason":"changed my mind"}""");
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await OrderScenario.Json(cancelled)).GetProperty("status").GetString(), ignoreCase: true);
        Assert.Equal((5, 0), await S.Position(S.Node(0), sku));
        using var again = await S.Post($"/v1/orders/{id}:cancel", "{}");
        Assert.Equal("order-not-cancellable", (await ProblemAssert.IsProblem(again, 409)).GetProperty("code").GetString());
        using var unknown = await S.Post("/v1/orders/o-nothing:cancel", "{}");
        await ProblemAssert.IsProblem(unknown, 404);
    }

    [Fact]
    public async Task List_filters_by_status_and_node_once_the_index_has_caught_up()
    {
        var sku = S.Sku(OrderTestSkus.Capture + 3);
        await S.StockExactly(sku, new Dictionary<string, int> { [S.Node(0)] = 1 });
        using var placed = await S.PlaceOrder("list-1", S.OrderBody(S.Customer(), (sku, 1)));
        using var rejected = await S.PlaceOrder("list-2", S.OrderBody(S.Customer(), (sku, 1)));
        var placedId = (await OrderScenario.Json(placed)).GetProperty("orderId").GetString();
        var rejectedId = (await ProblemAssert.IsProblem(rejected, 409)).GetProperty("orderId").GetString();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var list = await S.Get($"/v1/orders?status=Rejected&limit=1000");
            var ids = (await OrderScenario.Json(list)).GetProperty("items").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()).ToArray();
            if (ids.Contains(rejectedId)) { Assert.DoesNotContain(placedId, ids); break; }
            Assert.True(DateTime.UtcNow < deadline, "the order index did not catch up within 20 s");
            await Task.Delay(50, Ct);
        }
        using var byNode = await S.Get($"/v1/orders?nodeId={S.Node(0)}&status=Allocated&limit=1000");
        Assert.Contains((await OrderScenario.Json(byNode)).GetProperty("items").EnumerateArray(), o => o.GetProperty("orderId").GetString() == placedId);
    }
}

[Collection(ServerTestGroup.Name)]
public sealed class SqliteOrderCaptureTests(ServerFixture server) : OrderCaptureTests(server);

[Collection(PostgresServerTestGroup.Name)]
public sealed class PostgresOrderCaptureTests(PostgresServerFixture server) : OrderCaptureTests(server);
