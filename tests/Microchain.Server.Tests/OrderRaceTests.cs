using System.Net;

namespace Microchain.Server.Tests;

/// <summary>Many clients at once on scarce stock: every unit is sold at most once, every request gets a clean answer.</summary>
public abstract class OrderRaceTests(ServerFixture server)
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
    public async Task Two_hundred_concurrent_one_unit_orders_on_fifty_units_sell_exactly_fifty()
    {
        var node = S.Node(0);
        var sku = S.Sku(OrderTestSkus.Race);
        await S.StockExactly(sku, new Dictionary<string, int> { [node] = 50 });
        var body = S.OrderBody(S.Customer(), (sku, 1));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, 200).Select(async i =>
        {
            await start.Task;
            using var response = await S.PlaceOrder($"race-{sku}-{i}", body);
            var code = response.StatusCode == HttpStatusCode.Conflict ? (await OrderScenario.Json(response)).GetProperty("code").GetString() : null;
            return (response.StatusCode, code);
        }).ToArray();
        start.SetResult();
        var answers = await Task.WhenAll(racers);

        Assert.Equal(50, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(150, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict && a.code == "out-of-stock"));
        Assert.Equal((50, 50), await S.Position(node, sku));
    }

    [Fact]
    public async Task Concurrent_multi_line_orders_in_random_order_never_oversell_across_nodes()
    {
        var nodes = new[] { S.Node(0), S.Node(1) };
        var skus = Enumerable.Range(OrderTestSkus.Race + 1, 3).Select(S.Sku).ToArray();
        foreach (var sku in skus) await S.StockExactly(sku, nodes.ToDictionary(n => n, _ => 20));
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var orders = Enumerable.Range(0, 120).Select(i => skus.OrderBy(_ => random.Next()).Take(random.Next(1, 4))
            .Select(s => (s, random.Next(1, 6))).ToArray()).ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = orders.Select(async (lines, i) =>
        {
            await start.Task;
            using var response = await S.PlaceOrder($"multi-{seed}-{i}", S.OrderBody(S.Customer(i % 5), lines));
            return (response.StatusCode, Body: await OrderScenario.Json(response));
        }).ToArray();
        start.SetResult();
        var answers = await Task.WhenAll(racers);

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"seed {seed}: {a.StatusCode} {a.Body}"));
        foreach (var sku in skus)
        {
            var allocated = answers.Where(a => a.StatusCode == HttpStatusCode.Created)
                .SelectMany(a => a.Body.GetProperty("allocations").EnumerateArray())
                .Where(x => x.GetProperty("skuId").GetString() == sku).Sum(x => x.GetProperty("quantity").GetInt32());
            var reserved = 0;
            foreach (var node in nodes)
            {
                var (onHand, held) = await S.Position(node, sku);
                Assert.Equal(20, onHand);
                Assert.True(held <= onHand, $"seed {seed}: {sku}@{node} reserved {held} of {onHand}");
                reserved += held;
            }
            Assert.Equal(allocated, reserved);
        }
        Assert.True(answers.Any(a => a.StatusCode == HttpStatusCode.Created), $"seed {seed}: no order was accepted");
    }

    [Fact]
    public async Task Twenty_parallel_requests_with_one_key_make_one_order()
    {
        var node = S.Node(0);
        var sku = S.Sku(OrderTestSkus.Race + 4);
        await S.StockExactly(sku, new Dictionary<string, int> { [node] = 5 });
        var body = S.OrderBody(S.Customer(), (sku, 1));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, 20).Select(async _ =>
        {
            await start.Task;
            using var response = await S.PlaceOrder($"same-key-{sku}", body);
            return (response.StatusCode, Body: await OrderScenario.Json(response));
        }).ToArray();
        start.SetResult();
        var answers = await Task.WhenAll(racers);

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{a.StatusCode} {a.Body}"));
        var ids = answers.Where(a => a.StatusCode == HttpStatusCode.Created).Select(a => a.Body.GetProperty("orderId").GetString()).Distinct().ToArray();
        Assert.Single(ids);
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.Conflict), a => Assert.Equal("idempotency-in-flight", a.Body.GetProperty("code").GetString()));
        Assert.Equal((5, 1), await S.Position(node, sku));
        using var again = await S.PlaceOrder($"same-key-{sku}", body);
        Assert.Equal(ids[0], (await OrderScenario.Json(again)).GetProperty("orderId").GetString());
    }
}

[Collection(ServerTestGroup.Name)]
public sealed class SqliteOrderRaceTests(ServerFixture server) : OrderRaceTests(server);

[Collection(PostgresServerTestGroup.Name)]
public sealed class PostgresOrderRaceTests(PostgresServerFixture server) : OrderRaceTests(server);
