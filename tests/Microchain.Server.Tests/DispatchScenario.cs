using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microchain.Domain.Geo;
using Microchain.Planning.Routing;
using Microchain.Server.Dispatch;
using Microchain.Server.Networks;
using Microchain.Server.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microchain.Server.Tests;

/// <summary>Drives the dispatch tenant over HTTP: orders placed and picked at its MFC, waves run and read, couriers' reports.</summary>
internal sealed class DispatchScenario(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string Node => DispatchNetwork.Mfc;

    private static readonly JsonSerializerOptions WithoutNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The <paramref name="index"/>-th home customer nearest to the MFC (all well inside its service area).</summary>
    public static Domain.Customers.Customer Customer(int index)
    {
        var mfc = DispatchNetwork.City.Network.FindNode(Node)!.Location;
        return DispatchNetwork.City.Network.Customers.Where(c => !c.Blocked).OrderBy(c => c.Location.HaversineMetersTo(mfc)).ThenBy(c => c.Id, StringComparer.Ordinal).ElementAt(index);
    }

    /// <summary>An active ambient SKU the MFC holds, with its volume; <paramref name="index"/> picks among them.</summary>
    public static Domain.Catalog.Sku Sku(int index) =>
        DispatchNetwork.City.Network.Skus.Where(s => s.Active && s.Zone == Domain.Catalog.TemperatureZone.Ambient && s.Bom is null
            && DispatchNetwork.City.Stock.Any(l => l.NodeId == Node && l.SkuId == s.Id && l.OnHand >= 20)).ElementAt(index);

    /// <summary>The ambient SKU with the largest volume that the MFC stocks.</summary>
    public static Domain.Catalog.Sku Bulkiest() =>
        DispatchNetwork.City.Network.Skus.Where(s => s.Active && s.Zone == Domain.Catalog.TemperatureZone.Ambient && s.Bom is null
            && DispatchNetwork.City.Stock.Any(l => l.NodeId == Node && l.SkuId == s.Id)).OrderByDescending(s => s.VolumeMilliliters).ThenBy(s => s.Id, StringComparer.Ordinal).First();

    public Task<HttpResponseMessage> Get(string path) => server.Client.SendAsync(server.Authorized(HttpMethod.Get, path, apiKey: server.DispatchApiKey), Ct);

    public Task<HttpResponseMessage> Post(string path, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return server.Client.SendAsync(server.Authorized(HttpMethod.Post, path, content, server.DispatchApiKey), Ct);
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Places an order (home delivery, or to a locker) and picks every unit at the MFC; returns its id.</summary>
    public async Task<string> PlacePicked(string key, string customerId, string? lockerId, params (string Sku, int Quantity)[] lines)
    {
        var customer = DispatchNetwork.City.Network.Customers.Single(c => c.Id == customerId);
        var body = JsonSerializer.Serialize(new
        {
            customerId,
            lines = lines.Select(l => new { skuId = l.Sku, quantity = l.Quantity }),
            deliverTo = lockerId is null ? new { lat = customer.Location.Lat, lon = customer.Location.Lon } : null,
            lockerId,
        }, WithoutNulls);
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = server.Authorized(HttpMethod.Post, "/v1/orders", content, server.DispatchApiKey);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        using var placed = await server.Client.SendAsync(request, Ct);
        var order = await Json(placed);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var id = order.GetProperty("orderId").GetString()!;
        using var picked = await Post($"/v1/orders/{id}:pick", JsonSerializer.Serialize(new { nodeId = Node, lines = lines.Select(l => new { skuId = l.Sku, quantity = l.Quantity }) }));
        Assert.Equal("Picked", (await Json(picked)).GetProperty("status").GetString());
        return id;
    }

    /// <summary>Waits until the order index (which trails writes) lists every given order as picked at the MFC.</summary>
    public async Task IndexShowsPicked(params string[] orderIds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var response = await Get($"/v1/orders?status=Picked&nodeId={Node}&limit=1000");
            var listed = (await Json(response)).GetProperty("items").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()).ToHashSet();
            if (orderIds.All(listed.Contains)) return;
            Assert.True(DateTime.UtcNow < deadline, "the order index did not list the picked orders within 20 s");
            await Task.Delay(50, Ct);
        }
    }

    public async Task<JsonElement> RunWave()
    {
        using var response = await Post($"/v1/nodes/{Node}/dispatch:run", "{}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json(response);
    }

    public async Task<JsonElement> Order(string id)
    {
        using var response = await Get($"/v1/orders/{id}");
        return await Json(response);
    }

    public static IEnumerable<JsonElement> Stops(JsonElement wave) => wave.GetProperty("routes").EnumerateArray().SelectMany(r => r.GetProperty("stops").EnumerateArray());

    public static JsonElement StopOf(JsonElement wave, string orderId) =>
        Stops(wave).Single(s => s.GetProperty("orderIds").EnumerateArray().Any(o => o.GetString() == orderId));

    /// <summary>Every solution of the recorded wave, checked by the independent checker against its own rebuilt problem.</summary>
    public async Task<IReadOnlyList<Violation>> CheckRecorded(string waveId)
    {
        var wave = await server.Services.GetRequiredService<WaveStore>().GetAsync(server.DispatchTenant, Node, waveId, Ct);
        Assert.NotNull(wave);
        Assert.NotEmpty(wave.Plan.Legs);
        return [.. wave.Plan.Legs.SelectMany(l => SolutionChecker.Check(RouteProblemBuilder.Build(l.Request, new HaversineTravelModel()).Problem, l.Solution))];
    }

    public async Task<int> OnHand(string sku)
    {
        using var response = await Get($"/v1/nodes/{Node}/stock?limit=1000");
        return (await Json(response)).GetProperty("items").EnumerateArray().Single(r => r.GetProperty("skuId").GetString() == sku).GetProperty("onHand").GetInt32();
    }

    /// <summary>Cancels orders a test left picked, so that the next wave of another test does not carry them.</summary>
    public async Task CancelLeftovers(params string[] orderIds)
    {
        foreach (var id in orderIds)
        {
            using var response = await Post($"/v1/orders/{id}:cancel", """{"reason":"test cleanup"}""");
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        }
    }

    public void SetNetwork(bool failedToLocker) => server.Services.GetRequiredService<NetworkCatalog>().Set(server.DispatchTenant, DispatchNetwork.Network(failedToLocker));
}
