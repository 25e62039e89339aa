using System.Net;
using System.Text.Json;
using Microchain.Domain.Network;

namespace Microchain.Server.Tests;

/// <summary>Validate, promise and source over real HTTP against live stock of the demo city.</summary>
[Collection(ServerTestGroup.Name)]
public sealed class OrderToolsEndpointTests(ServerFixture server)
{
    private readonly OrderToolsHarness _h = new(server);

    private static (string Code, string Path)[] Violations(JsonElement list) =>
        [.. list.EnumerateArray().Select(v => (v.GetProperty("code").GetString()!, v.GetProperty("path").GetString()!))];

    [Fact]
    public async Task Validate_valid_order_is_valid_without_violations()
    {
        var json = await _h.PostOk("/v1/orders:validate", _h.Order(OrderToolsHarness.Line(_h.SharedSkus[0], 2)));
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Empty(json.GetProperty("violations").EnumerateArray());
    }

    [Fact]
    public async Task Validate_broken_order_is_200_with_every_violation_code_and_path()
    {
        var json = await _h.PostOk("/v1/orders:validate", """{"customerId":"nobody","lines":[{"skuId":"NOPE","quantity":0}]}""");
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Equal(
            [("customer.unknown", "customerId"), ("line.quantity_not_positive", "lines[0].quantity"), ("line.sku_unknown", "lines[0].skuId"), ("deliver_to.missing", "deliverTo")],
            Violations(json.GetProperty("violations")));
        Assert.All(json.GetProperty("violations").EnumerateArray(), v => Assert.False(string.IsNullOrEmpty(v.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task Validate_window_in_the_past_and_reversed_reports_both()
    {
        var body = _h.Order(OrderToolsHarness.Line(_h.SharedSkus[0], 1), ""","window":{"start":"2020-01-01T10:00:00Z","end":"2020-01-01T09:00:00Z"}""");
        var json = await _h.PostOk("/v1/orders:validate", body);
        Assert.Equal([("window.end_before_start", "window.end"), ("window.in_past", "window.start")], Violations(json.GetProperty("violations")));
    }

    [Fact]
    public async Task Promise_options_follow_live_stock_at_the_node()
    {
        var sku = _h.SharedSkus[0];
        var body = $$"""{"lines":[{{OrderToolsHarness.Line(sku, 1)}}],"deliverTo":{{_h.MfcPoint}}}""";
        var onHand = await _h.OnHand(_h.Mfc, sku);
        Assert.Contains([_h.Mfc], await PromiseNodes(body));

        // The MFC's shelf is counted empty: only the central DC can serve the basket now.
        (await _h.PostOk($"/v1/nodes/{_h.Mfc}/counts", $$"""{"skuId":"{{sku}}","counted":0}""")).GetProperty("onHand").GetInt32();
        var emptied = await PromiseNodes(body);
        Assert.NotEmpty(emptied);
        Assert.All(emptied, nodes => Assert.DoesNotContain(_h.Mfc, nodes));

        // The units are received again: the MFC is back in the options.
        await _h.PostOk($"/v1/nodes/{_h.Mfc}/receipts", $$"""{"skuId":"{{sku}}","quantity":{{onHand}},"reference":"promise-test"}""");
        Assert.Contains([_h.Mfc], await PromiseNodes(body));
        Assert.Equal(onHand, await _h.OnHand(_h.Mfc, sku));
    }

    private async Task<List<string[]>> PromiseNodes(string body)
    {
        var stock = await _h.AllStockText();
        var json = await _h.PostOk("/v1/promise", body);
        Assert.Equal(stock, await _h.AllStockText());
        var options = json.GetProperty("options").EnumerateArray().ToList();
        Assert.All(options, o =>
        {
            Assert.True(o.GetProperty("windowEnd").GetDateTimeOffset() > o.GetProperty("windowStart").GetDateTimeOffset());
            Assert.True(o.GetProperty("estimatedCostCents").GetInt64() > 0);
            Assert.False(string.IsNullOrEmpty(o.GetProperty("explanation").GetString()));
        });
        return [.. options.Select(o => o.GetProperty("nodeIds").EnumerateArray().Select(n => n.GetString()!).ToArray())];
    }

    [Fact]
    public async Task Promise_without_lines_or_destination_is_a_422_listing_both()
    {
        using var response = await _h.Post("/v1/promise", """{"lines":[]}""");
        var problem = await ProblemAssert.IsProblem(response, 422);
        Assert.Equal([("lines.empty", "lines"), ("deliver_to.missing", "deliverTo")], Violations(problem.GetProperty("violations")));
    }

    [Fact]
    public async Task Source_explanation_lists_every_fulfilment_node_with_its_costs_and_stores_nothing()
    {
        var stock = await _h.AllStockText();
        var decision = await _h.PostOk("/v1/orders:source", _h.Order(OrderToolsHarness.Line(_h.SharedSkus[0], 3)));
        Assert.Equal(stock, await _h.AllStockText());
        Assert.Equal("min-cost-to-serve", decision.GetProperty("strategy").GetString());
        Assert.True(decision.GetProperty("fulfilled").GetBoolean());
        var expected = server.City.Network.Nodes.Where(n => n.IsOpen && n.PickCapacityPerHour > 0 && n.Kind is not (NodeKind.Locker or NodeKind.Supplier))
            .Select(n => n.Id).Order(StringComparer.Ordinal);
        var explanation = decision.GetProperty("explanation");
        var candidates = explanation.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(expected, candidates.Select(c => c.GetProperty("nodeId").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(candidates, c => Assert.True(c.GetProperty("singleNodeCost").GetProperty("pickCents").GetInt64() > 0));
        Assert.Equal(candidates.Count, explanation.GetProperty("plans").GetArrayLength());
        Assert.Contains("cents below the runner-up", explanation.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_strategies_agree_on_a_small_basket_and_differ_on_a_heavy_one()
    {
        var (a, b) = (_h.SharedSkus[0], _h.SharedSkus[1]);
        var small = _h.Order(OrderToolsHarness.Line(a, 1));
        Assert.Equal([_h.Mfc], await Winner(small, "closest-node"));
        Assert.Equal([_h.Mfc], await Winner(small, "min-cost-to-serve"));

        // 198 units would fill the MFC's pickers for 40 minutes at 18 cents a unit; the DC picks at 8 and is idle.
        var heavy = _h.Order($"{OrderToolsHarness.Line(a, 99)},{OrderToolsHarness.Line(b, 99)}");
        var closest = await _h.PostOk("/v1/orders:source?strategy=closest-node", heavy);
        var cheapest = await _h.PostOk("/v1/orders:source?strategy=min-cost-to-serve", heavy);
        Assert.Equal([_h.Mfc], Ids(closest.GetProperty("explanation").GetProperty("winnerNodeIds")));
        Assert.Equal([_h.Dc], Ids(cheapest.GetProperty("explanation").GetProperty("winnerNodeIds")));
        Assert.True(Total(cheapest) < Total(closest), $"{Total(cheapest)} should be below {Total(closest)}");
        Assert.Equal("fewest-splits", (await _h.PostOk("/v1/orders:source?strategy=fewest-splits", heavy)).GetProperty("strategy").GetString());
    }

    private async Task<string[]> Winner(string body, string strategy) =>
        Ids((await _h.PostOk($"/v1/orders:source?strategy={strategy}", body)).GetProperty("explanation").GetProperty("winnerNodeIds"));

    private static string[] Ids(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static readonly string[] CostTerms = ["pickCents", "lastMileCents", "splitPenaltyCents", "loadPenaltyCents", "stockBalancePenaltyCents"];

    private static long Total(JsonElement decision)
    {
        var c = decision.GetProperty("cost");
        return CostTerms.Sum(t => c.GetProperty(t).GetInt64());
    }

    [Fact]
    public async Task Source_invalid_order_is_a_422_listing_the_violations()
    {
        using var response = await _h.Post("/v1/orders:source", """{"customerId":"nobody","lines":[{"skuId":"NOPE","quantity":1}],"deliverTo":{"lat":45.75,"lon":4.85}}""");
        var problem = await ProblemAssert.IsProblem(response, 422);
        Assert.Equal("order-invalid", problem.GetProperty("code").GetString());
        Assert.Equal([("customer.unknown", "customerId"), ("line.sku_unknown", "lines[0].skuId")], Violations(problem.GetProperty("violations")));
    }

    [Theory]
    [InlineData("strategy=cheapest", 400)]
    [InlineData("segment=vip", 400)]
    public async Task Source_unknown_strategy_or_segment_is_a_400(string query, int status)
    {
        using var response = await _h.Post($"/v1/orders:source?{query}", _h.Order(OrderToolsHarness.Line(_h.SharedSkus[0], 1)));
        await ProblemAssert.IsProblem(response, status);
    }

    [Fact]
    public async Task Routes_with_a_colon_do_not_match_other_verbs_of_orders()
    {
        using var response = await _h.Post("/v1/orders:explode", "{}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
