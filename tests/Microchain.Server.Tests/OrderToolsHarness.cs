using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microchain.Domain.Customers;

namespace Microchain.Server.Tests;

/// <summary>Requests and stock reads shared by the order-tool endpoint tests, over the demo city of the fixture.</summary>
internal sealed class OrderToolsHarness(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public string Mfc => server.City.MfcIds[0];

    public string Dc => server.City.CentralDcId;

    /// <summary>"lat": .., "lon": .. of the MFC: inside both nodes' service areas.</summary>
    public string MfcPoint
    {
        get
        {
            var at = server.City.Network.FindNode(Mfc)!.Location;
            return string.Create(CultureInfo.InvariantCulture, $$"""{"lat":{{at.Lat}},"lon":{{at.Lon}}}""");
        }
    }

    /// <summary>A customer of a home-delivery segment who may order.</summary>
    public string CustomerId => server.City.Network.Customers.First(c => !c.Blocked && c.LockerId is null
        && server.City.Network.Segments.Single(s => s.Id == c.SegmentId).Promise.Mode == DeliveryMode.Delivery).Id;

    /// <summary>
    /// Ambient SKUs stocked well at both the MFC and the central DC, past the MFC positions other tests correct
    /// (they take the first ones), so that changes made here do not meet theirs.
    /// </summary>
    public IReadOnlyList<string> SharedSkus => [.. server.City.Stock
        .Where(s => s.NodeId == Mfc && s.OnHand >= 120).Skip(4)
        .Where(s => server.City.Network.Skus.Single(k => k.Id == s.SkuId) is { Active: true, Zone: Domain.Catalog.TemperatureZone.Ambient })
        .Where(s => server.City.Stock.Any(d => d.NodeId == Dc && d.SkuId == s.SkuId && d.OnHand >= 250))
        .Select(s => s.SkuId)];

    public string Order(string lines, string extra = "") =>
        $$"""{"customerId":"{{CustomerId}}","lines":[{{lines}}],"deliverTo":{{MfcPoint}}{{extra}}}""";

    public static string Line(string sku, int quantity) => $$"""{"skuId":"{{sku}}","quantity":{{quantity}}}""";

    public async Task<HttpResponseMessage> Post(string path, string body, string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await server.Client.SendAsync(server.Authorized(HttpMethod.Post, path, content), Ct);
    }

    public async Task<JsonElement> PostOk(string path, string body)
    {
        using var response = await Post(path, body);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The whole stock of a node as JSON text: equal text = nothing changed.</summary>
    public async Task<string> StockText(string nodeId)
    {
        using var response = await server.Client.SendAsync(server.Authorized(HttpMethod.Get, $"/v1/nodes/{nodeId}/stock?limit=1000"), Ct);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>Stock of both fulfilment nodes.</summary>
    public async Task<string> AllStockText() => await StockText(Mfc) + await StockText(Dc);

    /// <summary>Available units of a SKU at a node.</summary>
    public async Task<int> Available(string nodeId, string skuId)
    {
        var json = JsonDocument.Parse(await StockText(nodeId)).RootElement;
        return json.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("skuId").GetString() == skuId).GetProperty("available").GetInt32();
    }

    public async Task<int> OnHand(string nodeId, string skuId)
    {
        var json = JsonDocument.Parse(await StockText(nodeId)).RootElement;
        return json.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("skuId").GetString() == skuId).GetProperty("onHand").GetInt32();
    }
}
