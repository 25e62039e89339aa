using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microchain.Domain.Catalog;

namespace Microchain.Server.Tests;

/// <summary>
/// Sets up order tests on the order tenant's city: SKUs only this test touches, stocked to exact units at chosen nodes
/// (counted to zero everywhere else), and a customer those nodes can serve.
/// </summary>
internal sealed class OrderScenario(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public string Node(int index) => server.OrderCity.MfcIds[index];

    /// <summary>A customer whose home node is the first MFC: inside its service area.</summary>
    public string Customer(int index = 0) =>
        server.OrderCity.Network.Customers.Where((c, i) => server.OrderCity.CustomerHomeMfcIds[i] == server.OrderCity.MfcIds[0] && !c.Blocked && c.LockerId is null)
            .ElementAt(index).Id;

    /// <summary>Counts <paramref name="sku"/> to the given units at the given nodes and to zero at every other node holding it.</summary>
    public Task<HttpResponseMessage> Get(string path) => server.Client.SendAsync(server.Authorized(HttpMethod.Get, path, apiKey: server.OrderApiKey), Ct);

    public async Task StockExactly(string sku, IReadOnlyDictionary<string, int> unitsByNode)
    {
        foreach (var level in server.OrderCity.Stock.Where(s => s.SkuId == sku))
        {
            var units = unitsByNode.GetValueOrDefault(level.NodeId);
            using var response = await Post($"/v1/nodes/{level.NodeId}/counts", $$"""{"skuId":"{{sku}}","counted":{{units}}}""");
            Assert.True(response.IsSuccessStatusCode, $"count {sku}@{level.NodeId}: {await response.Content.ReadAsStringAsync(Ct)}");
        }
        foreach (var (node, units) in unitsByNode)
            Assert.Contains(server.OrderCity.Stock, s => s.SkuId == sku && s.NodeId == node && ServerFixture.OrderCapacity >= units);
    }

    /// <summary>
    /// The <paramref name="index"/>-th SKU held by both MFCs, from the end of the catalog. Each test takes its own
    /// indexes (listed in <see cref="OrderTestSkus"/>) so that no two tests count the same SKU.
    /// </summary>
    public string Sku(int index) =>
        server.OrderCity.Network.Skus.Where(s => s.Active).Reverse()
            .Where(s => server.OrderCity.MfcIds.Take(2).All(n => server.OrderCity.Stock.Any(l => l.SkuId == s.Id && l.NodeId == n)))
            .ElementAt(index).Id;

    public async Task<(int OnHand, int Reserved)> Position(string node, string sku)
    {
        using var response = await server.Client.SendAsync(server.Authorized(HttpMethod.Get, $"/v1/nodes/{node}/stock?limit=1000", apiKey: server.OrderApiKey), Ct);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var row = json.GetProperty("items").EnumerateArray().First(r => r.GetProperty("skuId").GetString() == sku);
        return (row.GetProperty("onHand").GetInt32(), row.GetProperty("reserved").GetInt32());
    }

    public string OrderBody(string customer, params (string Sku, int Quantity)[] lines)
    {
        var point = server.OrderCity.Network.Customers.First(c => c.Id == customer).Location;
        return JsonSerializer.Serialize(new
        {
            customerId = customer,
            lines = lines.Select(l => new { skuId = l.Sku, quantity = l.Quantity }),
            deliverTo = new { lat = point.Lat, lon = point.Lon },
        });
    }

    public Task<HttpResponseMessage> PlaceOrder(string key, string body, string mediaType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        var request = server.Authorized(HttpMethod.Post, "/v1/orders", content, server.OrderApiKey);
        if (key.Length > 0) request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return server.Client.SendAsync(request, Ct);
    }

    public async Task<HttpResponseMessage> Post(string path, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await server.Client.SendAsync(server.Authorized(HttpMethod.Post, path, content, server.OrderApiKey), Ct);
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
}

/// <summary>Which SKU indexes (see <see cref="OrderScenario.Sku"/>) each order test class owns.</summary>
internal static class OrderTestSkus
{
    public const int Capture = 0;       // 0..3
    public const int Race = 4;          // 4..8
    public const int Hostile = 9;
    public const int Picking = 10;      // 10..14
    public const int Import = 15;       // 15..18
    public const int Assortment = 19;   // 19..20
}
