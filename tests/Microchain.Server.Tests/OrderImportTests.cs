using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Microchain.Server.Tests;

[Collection(ServerTestGroup.Name)]
public sealed class OrderImportTests(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly OrderScenario _s = new(server);

    private Task<HttpResponseMessage> Import(string body, string mediaType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return server.Client.SendAsync(server.Authorized(HttpMethod.Post, "/v1/orders:import", content, server.OrderApiKey), Ct);
    }

    private static string JsonImport(params (string Key, string Order)[] orders) =>
        $$"""{"orders":[{{string.Join(",", orders.Select(o => $$"""{"idempotencyKey":{{JsonSerializer.Serialize(o.Key)}},"order":{{o.Order}}}"""))}}]}""";

    private string CsvRow(string key, string sku, string quantity, string window = ",")
    {
        var customer = server.OrderCity.Network.Customers.First(c => c.Id == _s.Customer());
        return FormattableString.Invariant($"{key},{customer.Id},{sku},{quantity},{customer.Location.Lat},{customer.Location.Lon},,{window}");
    }

    [Fact]
    public async Task Json_import_answers_each_order_as_alone_and_a_reimport_replays_without_new_orders()
    {
        var sku = _s.Sku(OrderTestSkus.Import + 0);
        await _s.StockExactly(sku, new Dictionary<string, int> { [_s.Node(0)] = 3 });
        // Whichever of the first two runs first, 2 of 3 units fit and 5 never do: the outcome does not depend on the race.
        var body = JsonImport(
            ("import-j1", _s.OrderBody(_s.Customer(), (sku, 2))),
            ("import-j2", _s.OrderBody(_s.Customer(), (sku, 5))),
            ("", _s.OrderBody(_s.Customer(), (sku, 1))),
            ("import-j4", _s.OrderBody(_s.Customer(), (sku, 1)).Replace(_s.Customer(), "no-such-customer", StringComparison.Ordinal)));

        using var first = await Import(body, "application/json");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var answer = await OrderScenario.Json(first);
        var results = answer.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal([201, 409, 400, 422], results.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal([0, 1, 2, 3], results.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal(["Allocated", "Rejected"], results.Take(2).Select(r => r.GetProperty("orderStatus").GetString()));
        Assert.Equal([null, "out-of-stock", "idempotency-key", "order-invalid"], results.Select(r => r.GetProperty("code").GetString()));
        Assert.Equal((4, 1, 1, 2, 0), (answer.GetProperty("orders").GetInt32(), answer.GetProperty("allocated").GetInt32(),
            answer.GetProperty("rejected").GetInt32(), answer.GetProperty("refused").GetInt32(), answer.GetProperty("replayed").GetInt32()));
        Assert.Equal((3, 2), await _s.Position(_s.Node(0), sku));

        using var again = await Import(body, "application/json");
        var replay = (await OrderScenario.Json(again)).GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal([201, 409, 400, 422], replay.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal([true, true, false, false], replay.Select(r => r.GetProperty("replayed").GetBoolean()));
        Assert.Equal(results.Take(2).Select(r => r.GetProperty("orderId").GetString()), replay.Take(2).Select(r => r.GetProperty("orderId").GetString()));
        Assert.Equal((3, 2), await _s.Position(_s.Node(0), sku));

        // The single-order endpoint sees the imported order as the same request.
        using var single = await _s.PlaceOrder("import-j1", _s.OrderBody(_s.Customer(), (sku, 2)));
        Assert.Equal(HttpStatusCode.Created, single.StatusCode);
        Assert.Equal("true", single.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task Csv_import_makes_one_order_of_the_rows_sharing_a_key()
    {
        var (a, b) = (_s.Sku(OrderTestSkus.Import + 1), _s.Sku(OrderTestSkus.Import + 2));
        await _s.StockExactly(a, new Dictionary<string, int> { [_s.Node(0)] = 5 });
        await _s.StockExactly(b, new Dictionary<string, int> { [_s.Node(0)] = 5 });
        var csv = string.Join("\n", "idempotency_key,customer_id,sku_id,quantity,lat,lon,locker_id,window_start,window_end",
            CsvRow("import-c1", a, "1"), CsvRow("\"import-c1\"", b, "2"), "", CsvRow("import-c2", a, "1"));

        using var response = await Import(csv, "text/csv; charset=utf-8");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await OrderScenario.Json(response)).GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(["import-c1", "import-c2"], results.Select(r => r.GetProperty("key").GetString()));
        Assert.Equal([2, 5], results.Select(r => r.GetProperty("row").GetInt32()));
        Assert.Equal([201, 201], results.Select(r => r.GetProperty("status").GetInt32()));
        using var view = await _s.Get($"/v1/orders/{results[0].GetProperty("orderId").GetString()}");
        Assert.Equal(2, (await OrderScenario.Json(view)).GetProperty("lines").GetArrayLength());
        Assert.Equal((5, 2), await _s.Position(_s.Node(0), a));
        Assert.Equal((5, 2), await _s.Position(_s.Node(0), b));
    }

    [Theory]
    [InlineData("two", ",", 4, "quantity")]
    [InlineData("1", "2026-11-23T18:00:00+01:00,", 9, "window_start and window_end go together")]
    [InlineData("1", "2026-11-23 18:00,2026-11-23T20:00:00Z", 8, "window_start")]
    public async Task Csv_error_names_row_and_column_and_places_nothing(string quantity, string window, int column, string message)
    {
        var sku = _s.Sku(OrderTestSkus.Import + 3);
        await _s.StockExactly(sku, new Dictionary<string, int> { [_s.Node(0)] = 5 });
        var csv = string.Join("\r\n", CsvRow("import-e1", sku, "1"), CsvRow("import-e2", sku, quantity, window));
        using var response = await Import(csv, "text/csv");
        var problem = await ProblemAssert.IsProblem(response, 400);
        Assert.Equal("bad-csv", problem.GetProperty("code").GetString());
        Assert.Equal((2, column), (problem.GetProperty("row").GetInt32(), problem.GetProperty("column").GetInt32()));
        Assert.StartsWith($"2:{column}: ", problem.GetProperty("detail").GetString());
        Assert.Contains(message, problem.GetProperty("detail").GetString());
        Assert.Equal((5, 0), await _s.Position(_s.Node(0), sku));
    }

    [Fact]
    public async Task Import_beyond_its_limits_or_with_a_repeated_key_is_refused_whole()
    {
        var order = _s.OrderBody(_s.Customer(), (_s.Sku(OrderTestSkus.Import + 3), 1));
        var tooMany = JsonImport(Enumerable.Range(0, ServerFixture.ImportOrderLimit + 1).Select(i => ($"import-l{i}", order)).ToArray());
        using var orders = await Import(tooMany, "application/json");
        Assert.Equal("import-too-large", (await ProblemAssert.IsProblem(orders, 413)).GetProperty("code").GetString());

        var rows = string.Join("\n", Enumerable.Range(0, ServerFixture.ImportRowLimit + 1).Select(i => $"import-r{i % 2},c,s,1,,,,,"));
        using var csv = await Import(rows, "text/csv");
        Assert.Equal("import-too-large", (await ProblemAssert.IsProblem(csv, 413)).GetProperty("code").GetString());

        using var duplicate = await Import(JsonImport(("import-d1", order), ("import-d1", order)), "application/json");
        Assert.Equal("duplicate-key", (await ProblemAssert.IsProblem(duplicate, 400)).GetProperty("code").GetString());

        using var other = await Import("<orders/>", "application/xml");
        await ProblemAssert.IsProblem(other, 415);
        using var noOrders = await Import("{}", "application/json");
        Assert.Equal("bad-import", (await ProblemAssert.IsProblem(noOrders, 400)).GetProperty("code").GetString());
    }
}
