using System.Net;
using System.Text.Json;

namespace Microchain.Server.Tests;

/// <summary>Assortment per node over real HTTP: set, read, clear, plan; sourcing skips a node whose assortment excludes a SKU.</summary>
[Collection(ServerTestGroup.Name)]
public sealed class AssortmentEndpointTests(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly OrderScenario _s = new(server);

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? body = null)
    {
        var content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        return await server.Client.SendAsync(server.Authorized(method, path, content, server.OrderApiKey), Ct);
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string[] AllocatedNodes(JsonElement order) =>
        [.. order.GetProperty("allocations").EnumerateArray().Select(a => a.GetProperty("nodeId").GetString()!).Distinct().Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Order_skuExcludedAtNearestNode_isSourcedElsewhereAndTheExplanationSaysSo()
    {
        var sku = _s.Sku(OrderTestSkus.Assortment);
        var (near, other) = (_s.Node(0), _s.Node(1));
        await _s.StockExactly(sku, new Dictionary<string, int> { [near] = 5, [other] = 5 });
        var body = _s.OrderBody(_s.Customer(), (sku, 1));
        using (var before = await _s.PlaceOrder("assortment-before", body))
            Assert.Equal([near], AllocatedNodes(await Ok(before)));

        var rest = server.OrderCity.Network.Skus.Select(k => k.Id).Where(id => id != sku).ToArray();
        try
        {
            var set = await Ok(await Send(HttpMethod.Put, $"/v1/nodes/{near}/assortment", JsonSerializer.Serialize(new { skus = rest })));
            Assert.True(set.GetProperty("restricted").GetBoolean());
            Assert.Equal(rest.Length, set.GetProperty("skus").GetArrayLength());

            var decision = await Ok(await Send(HttpMethod.Post, "/v1/orders:source", body));
            Assert.Equal([other], AllocatedNodes(decision));
            var candidate = decision.GetProperty("explanation").GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("nodeId").GetString() == near);
            Assert.Equal($"assortment excludes {sku}", candidate.GetProperty("note").GetString());
            Assert.Equal(0, candidate.GetProperty("fillableUnits").GetInt32());

            using var after = await _s.PlaceOrder("assortment-after", body);
            Assert.Equal(HttpStatusCode.Created, after.StatusCode);
            Assert.Equal([other], AllocatedNodes(await Ok(after)));
            Assert.Equal((5, 1), await _s.Position(near, sku));
            Assert.Equal((5, 1), await _s.Position(other, sku));

            var read = await Ok(await Send(HttpMethod.Get, $"/v1/nodes/{near}/assortment"));
            Assert.DoesNotContain(sku, read.GetProperty("skus").EnumerateArray().Select(e => e.GetString()));
        }
        finally
        {
            using var cleared = await Send(HttpMethod.Delete, $"/v1/nodes/{near}/assortment");
            Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        }
        Assert.False((await Ok(await Send(HttpMethod.Get, $"/v1/nodes/{near}/assortment"))).GetProperty("restricted").GetBoolean());
        Assert.Equal([near], AllocatedNodes(await Ok(await Send(HttpMethod.Post, "/v1/orders:source", body))));
    }

    [Fact]
    public async Task Put_unknownSkuOrNode_isRefusedAndStoresNothing()
    {
        var node = _s.Node(1);
        using var unknownSku = await Send(HttpMethod.Put, $"/v1/nodes/{node}/assortment", """{"skus":["NOPE"]}""");
        Assert.Equal("unknown-sku", (await ProblemAssert.IsProblem(unknownSku, 422)).GetProperty("code").GetString());
        using var unknownNode = await Send(HttpMethod.Put, "/v1/nodes/NOWHERE/assortment", """{"skus":[]}""");
        await ProblemAssert.IsProblem(unknownNode, 404);
        Assert.False((await Ok(await Send(HttpMethod.Get, $"/v1/nodes/{node}/assortment"))).GetProperty("restricted").GetBoolean());
        using var clearNone = await Send(HttpMethod.Delete, $"/v1/nodes/{node}/assortment");
        await ProblemAssert.IsProblem(clearNone, 404);
    }

    [Fact]
    public async Task Plan_postedDemand_isADryRunWithinCapacityUnlessApplied()
    {
        var node = _s.Node(1);
        var network = server.OrderCity.Network;
        var skus = network.Skus.Where(k => k.Active && !k.IsModular).Take(20).ToArray();
        var demand = skus.SelectMany((k, i) => Enumerable.Range(0, 5).Select(day => new { nodeId = node, skuId = k.Id, day, units = 1.0 + i % 5 }));
        var body = JsonSerializer.Serialize(new { nodes = new[] { node }, demand, coverDays = 3, switchCostCents = 500 });

        var dry = await Ok(await Send(HttpMethod.Post, "/v1/assortment:plan", body));
        Assert.Equal("posted", dry.GetProperty("demandSource").GetString());
        Assert.False(dry.GetProperty("applied").GetBoolean());
        var plan = dry.GetProperty("plan").GetProperty("nodes").EnumerateArray().Single();
        Assert.Equal(node, plan.GetProperty("nodeId").GetString());
        Assert.True(plan.GetProperty("boundCents").GetInt64() >= plan.GetProperty("objectiveCents").GetInt64());
        Assert.True(plan.GetProperty("gap").GetDouble() >= 0);
        Assert.All(plan.GetProperty("zones").EnumerateArray(), z => Assert.True(z.GetProperty("usedMilliliters").GetInt64() <= z.GetProperty("capacityMilliliters").GetInt64()));
        Assert.False((await Ok(await Send(HttpMethod.Get, $"/v1/nodes/{node}/assortment"))).GetProperty("restricted").GetBoolean());

        var planned = plan.GetProperty("skus").EnumerateArray().Select(e => e.GetString()!).ToArray();
        try
        {
            var applied = await Ok(await Send(HttpMethod.Post, "/v1/assortment:plan", body.Replace("\"switchCostCents\":500", "\"switchCostCents\":500,\"apply\":true", StringComparison.Ordinal)));
            Assert.True(applied.GetProperty("applied").GetBoolean());
            var stored = await Ok(await Send(HttpMethod.Get, $"/v1/nodes/{node}/assortment"));
            Assert.Equal("plan", stored.GetProperty("source").GetString());
            Assert.Equal(planned, stored.GetProperty("skus").EnumerateArray().Select(e => e.GetString()!).ToArray());
        }
        finally
        {
            using var cleared = await Send(HttpMethod.Delete, $"/v1/nodes/{node}/assortment");
        }
    }

    [Fact]
    public async Task Plan_withoutDemand_usesTheOrderHistory()
    {
        var json = await Ok(await Send(HttpMethod.Post, "/v1/assortment:plan", $$"""{"nodes":["{{_s.Node(0)}}"]}"""));
        Assert.Equal("order-history", json.GetProperty("demandSource").GetString());
        Assert.Single(json.GetProperty("plan").GetProperty("nodes").EnumerateArray());
    }
}
