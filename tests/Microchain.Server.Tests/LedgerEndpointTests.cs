using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Microchain.Server.Tests;

[Collection(ServerTestGroup.Name)]
public sealed class LedgerEndpointTests(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private (string Node, string Sku, int OnHand) Position(int index)
    {
        var level = server.City.Stock.Where(s => s.NodeId == server.City.MfcIds[0] && s.OnHand >= 5).ElementAt(index);
        return (level.NodeId, level.SkuId, level.OnHand);
    }

    private async Task<HttpResponseMessage> Post(string path, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await server.Client.SendAsync(server.Authorized(HttpMethod.Post, path, content), Ct);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    [Fact]
    public async Task Adjustment_and_count_change_on_hand_and_appear_in_the_ledger()
    {
        var (node, sku, onHand) = Position(0);
        using (var adjusted = await Post($"/v1/nodes/{node}/adjustments", $$"""{"skuId":"{{sku}}","delta":-2,"reasonCode":"damaged"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, adjusted.StatusCode);
            Assert.Equal(onHand - 2, (await Json(adjusted)).GetProperty("onHand").GetInt32());
        }
        using (var counted = await Post($"/v1/nodes/{node}/counts", $$"""{"skuId":"{{sku}}","counted":1}"""))
        {
            Assert.Equal(HttpStatusCode.OK, counted.StatusCode);
            Assert.Equal(1, (await Json(counted)).GetProperty("onHand").GetInt32());
        }
        using var ledger = await server.Client.SendAsync(server.Authorized(HttpMethod.Get, $"/v1/nodes/{node}/ledger?limit=1000"), Ct);
        var entries = (await Json(ledger)).GetProperty("entries").EnumerateArray().ToArray();
        var adjustment = entries.Single(e => e.GetProperty("type").GetString() == "StockAdjusted" && e.GetProperty("event").GetProperty("skuId").GetString() == sku);
        Assert.Equal("damaged", adjustment.GetProperty("event").GetProperty("reasonCode").GetString());
        var count = entries.Single(e => e.GetProperty("type").GetString() == "StockCounted" && e.GetProperty("event").GetProperty("skuId").GetString() == sku);
        Assert.Equal(onHand - 2, count.GetProperty("event").GetProperty("previousOnHand").GetInt32());
        Assert.True(entries.Select(e => e.GetProperty("version").GetInt64()).SequenceEqual(Enumerable.Range(1, entries.Length).Select(v => (long)v)));
    }

    [Theory]
    [InlineData("adjustments", """{"skuId":"SKU","delta":-2,"reasonCode":"gremlins"}""", 422)]
    [InlineData("adjustments", """{"skuId":"SKU","delta":-100000,"reasonCode":"lost"}""", 409)]
    [InlineData("adjustments", """{"skuId":"NOPE","delta":1,"reasonCode":"found"}""", 422)]
    [InlineData("counts", """{"skuId":"SKU","counted":-1}""", 409)]
    [InlineData("counts", """{"skuId":"SKU","counted":1,"extra":0}""", 400)]
    public async Task Refused_corrections_are_problems_and_change_nothing(string kind, string template, int status)
    {
        var (node, sku, _) = Position(1);
        using var before = await server.Client.SendAsync(server.Authorized(HttpMethod.Get, $"/v1/nodes/{node}/ledger?limit=1000"), Ct);
        var entriesBefore = (await Json(before)).GetProperty("entries").GetArrayLength();
        using var response = await Post($"/v1/nodes/{node}/{kind}", template.Replace("\"SKU\"", $"\"{sku}\"", StringComparison.Ordinal));
        await ProblemAssert.IsProblem(response, status);
        using var after = await server.Client.SendAsync(server.Authorized(HttpMethod.Get, $"/v1/nodes/{node}/ledger?limit=1000"), Ct);
        Assert.Equal(entriesBefore, (await Json(after)).GetProperty("entries").GetArrayLength());
    }
}
