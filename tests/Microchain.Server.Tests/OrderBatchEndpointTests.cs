using System.Text;
using System.Text.Json;

namespace Microchain.Server.Tests;

/// <summary>Batch re-optimisation and hostile input to every order tool, over real HTTP.</summary>
[Collection(ServerTestGroup.Name)]
public sealed class OrderBatchEndpointTests(ServerFixture server)
{
    private readonly OrderToolsHarness _h = new(server);

    private string BatchOrder(string id, string lines, string allocations) =>
        $$"""{"orderId":"{{id}}","order":{{_h.Order(lines)}},"allocations":[{{allocations}}]}""";

    private static string Allocation(string node, string sku, int quantity) => $$"""{"nodeId":"{{node}}","skuId":"{{sku}}","quantity":{{quantity}}}""";

    [Fact]
    public async Task Reoptimize_moves_orders_to_cheaper_nodes_within_atp_and_stores_nothing()
    {
        var skus = _h.SharedSkus;
        Assert.True(skus.Count >= 3, "the demo city should stock three SKUs at both nodes");
        var (a, b, c) = (skus[0], skus[1], skus[2]);
        // A heavy order held at the busy MFC and a one-unit order held at the far DC: each is cheaper at the other.
        var body = $$"""
            {"orders":[
              {{BatchOrder("heavy", $"{OrderToolsHarness.Line(a, 99)},{OrderToolsHarness.Line(b, 99)}", $"{Allocation(_h.Mfc, a, 99)},{Allocation(_h.Mfc, b, 99)}")}},
              {{BatchOrder("light", OrderToolsHarness.Line(c, 1), Allocation(_h.Dc, c, 1))}}
            ]}
            """;
        var stock = await _h.AllStockText();
        var result = await _h.PostOk("/v1/orders:reoptimize", body);
        Assert.Equal(stock, await _h.AllStockText());

        var before = result.GetProperty("costBeforeCents").GetInt64();
        var after = result.GetProperty("costAfterCents").GetInt64();
        Assert.Equal(before - after, result.GetProperty("savingCents").GetInt64());
        Assert.True(after < before, $"{after} should be below {before}");
        Assert.Equal(2, result.GetProperty("ordersMoved").GetInt32());
        var assignments = result.GetProperty("assignments").EnumerateArray().ToDictionary(x => x.GetProperty("orderId").GetString()!);
        Assert.Equal([_h.Dc], Nodes(assignments["heavy"].GetProperty("after")));
        Assert.Equal([_h.Mfc], Nodes(assignments["light"].GetProperty("after")));

        // Never beyond ATP: what a node gives after ≤ what it has free now + what the batch held there before.
        var held = Units(assignments.Values.Select(x => x.GetProperty("before")));
        foreach (var ((node, sku), units) in Units(assignments.Values.Select(x => x.GetProperty("after"))))
            Assert.True(units <= await _h.Available(node, sku) + held.GetValueOrDefault((node, sku)), $"{node}/{sku}: {units}");
    }

    private static string[] Nodes(JsonElement allocations) =>
        [.. allocations.EnumerateArray().Select(x => x.GetProperty("nodeId").GetString()!).Distinct()];

    private static Dictionary<(string, string), int> Units(IEnumerable<JsonElement> allocationLists) =>
        allocationLists.SelectMany(l => l.EnumerateArray())
            .GroupBy(x => (x.GetProperty("nodeId").GetString()!, x.GetProperty("skuId").GetString()!))
            .ToDictionary(g => g.Key, g => g.Sum(x => x.GetProperty("quantity").GetInt32()));

    [Fact]
    public async Task Reoptimize_already_best_batch_saves_nothing_and_moves_nothing()
    {
        var a = _h.SharedSkus[0];
        var result = await _h.PostOk("/v1/orders:reoptimize", $$"""{"orders":[{{BatchOrder("o1", OrderToolsHarness.Line(a, 1), Allocation(_h.Mfc, a, 1))}}]}""");
        Assert.Equal(0, result.GetProperty("savingCents").GetInt64());
        Assert.Equal(0, result.GetProperty("ordersMoved").GetInt32());
        Assert.True(result.GetProperty("provedOptimal").GetBoolean());
    }

    [Fact]
    public async Task Reoptimize_bad_batch_is_a_422_listing_each_problem()
    {
        var a = _h.SharedSkus[0];
        var body = $$"""
            {"orders":[
              {{BatchOrder("o1", OrderToolsHarness.Line(a, 2), Allocation(_h.Mfc, a, 1))}},
              {{BatchOrder("o1", OrderToolsHarness.Line(a, 1), Allocation("LKR-01", a, 1))}}
            ]}
            """;
        using var response = await _h.Post("/v1/orders:reoptimize", body);
        var problem = await ProblemAssert.IsProblem(response, 422);
        Assert.Equal("batch-invalid", problem.GetProperty("code").GetString());
        Assert.Equal(
            ["allocations.not_covering@orders[0].allocations", "order.id_duplicate@orders[1].orderId", "allocation.node_unknown@orders[1].allocations[0].nodeId"],
            problem.GetProperty("violations").EnumerateArray().Select(v => $"{v.GetProperty("code").GetString()}@{v.GetProperty("path").GetString()}"));
    }

    [Fact]
    public async Task Reoptimize_more_orders_than_the_limit_is_a_413()
    {
        var orders = string.Join(",", Enumerable.Repeat("{}", 1_001));
        using var response = await _h.Post("/v1/orders:reoptimize", $$"""{"orders":[{{orders}}]}""");
        await ProblemAssert.IsProblem(response, 413);
    }

    public static TheoryData<string, string> HostileBodies => new()
    {
        { "/v1/orders:validate", """{"customerId":"c","lines":[],"bogus":1}""" },
        { "/v1/orders:validate", """{"customerId":"c","customerId":"d","lines":[]}""" },
        { "/v1/orders:validate", """{"customerId":"c","lines":[""" },
        { "/v1/orders:validate", """{"customerId":"c","lines":[{"skuId":"s","quantity":1.5}]}""" },
        { "/v1/orders:validate", """{"customerId":"c","lines":[],"deliverTo":{"lat":95,"lon":4.8}}""" },
        { "/v1/promise", """{"lines":[],"window":{}}""" },
        { "/v1/promise", """{"lines":[],"lines":[]}""" },
        { "/v1/orders:source", """{"customerId":"c","lines":[{"skuId":"s","quantity":1,"note":"x"}]}""" },
        { "/v1/orders:reoptimize", """{"orders":[],"dryRun":true}""" },
        { "/v1/orders:reoptimize", """{"orders":[{"orderId":"o","orderId":"p"}]}""" },
        { "/v1/orders:reoptimize", "null" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task Hostile_bodies_are_400_problems_and_store_nothing(string path, string body)
    {
        var stock = await _h.AllStockText();
        using var response = await _h.Post(path, body);
        await ProblemAssert.IsProblem(response, 400);
        Assert.Equal(stock, await _h.AllStockText());
    }

    [Theory]
    [InlineData("/v1/orders:validate")]
    [InlineData("/v1/promise")]
    [InlineData("/v1/orders:source")]
    [InlineData("/v1/orders:reoptimize")]
    public async Task Every_order_tool_refuses_deep_json_and_wrong_content_type(string path)
    {
        var deep = new StringBuilder("""{"lines":""").Append('[', 200).Append(']', 200).Append('}').ToString();
        using (var response = await _h.Post(path, deep)) await ProblemAssert.IsProblem(response, 400);
        using (var response = await _h.Post(path, """{"lines":[]}""", "text/plain")) await ProblemAssert.IsProblem(response, 415);
    }
}
