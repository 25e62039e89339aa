using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microchain.Domain.Catalog;
using Microchain.Domain.Network;
using Microchain.Server.Auth;
using Microchain.Server.Networks;
using Microsoft.Extensions.DependencyInjection;

namespace Microchain.Server.Tests;

/// <summary>
/// Modular products over real HTTP: each test runs on a tenant of its own (the order city's network, nothing stocked
/// but the components it puts at the first MFC), with the nodes' assembly configured as the server does at start.
/// </summary>
[Collection(ServerTestGroup.Name)]
public sealed class ModularProductTests(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private NetworkModel Network => server.OrderCity.Network;
    private string Mfc => server.OrderCity.MfcIds[0];
    private Node MfcNode => Network.FindNode(Mfc)!;

    /// <summary>Two kits and a component both use (once per kit when the catalog has such a pair).</summary>
    private (Sku A, Sku B, string Shared) KitsSharingAComponent()
    {
        var kits = Network.Skus.Where(s => s.Bom is not null && s.Active).ToArray();
        var pairs = from a in kits
                    from b in kits
                    where string.CompareOrdinal(a.Id, b.Id) < 0
                    from la in a.Bom!.Lines
                    from lb in b.Bom!.Lines
                    where la.ComponentId == lb.ComponentId
                    orderby la.Quantity + lb.Quantity, a.Id, b.Id
                    select (a, b, la.ComponentId);
        return pairs.First();
    }

    private sealed record Tenant(string Name, string ApiKey);

    /// <summary>A fresh tenant on the order city's network with assembly configured and <paramref name="units"/> stocked at the first MFC.</summary>
    private async Task<Tenant> TenantWith(IReadOnlyDictionary<string, int> units)
    {
        var name = "modular-" + Guid.NewGuid().ToString("N")[..12];
        var key = server.Services.GetRequiredService<ApiKeyStore>().Create(name, "modular tests", "admin", DateTimeOffset.UnixEpoch);
        var grains = server.Services.GetRequiredService<IGrainFactory>();
        server.Services.GetRequiredService<NetworkCatalog>().Set(name, Network);
        await NetworkAssembly.ConfigureAsync(grains, name, Network, Ct);
        await NetworkStocking.StockAsync(grains, name, [.. units.Select(u => new Domain.NetworkFiles.StockRow(Mfc, u.Key, u.Value, 10_000))], null, Ct);
        return new Tenant(name, key);
    }

    private static Dictionary<string, int> Components(Sku kit, int units) => kit.Bom!.Lines.ToDictionary(l => l.ComponentId, _ => units);

    private long CapacityUnits(Sku kit) => (long)MfcNode.AssemblyCapacityPerHour * (3600 - kit.Bom!.AssemblySeconds) / 3600;

    private async Task<HttpResponseMessage> Send(Tenant t, HttpMethod method, string path, string? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", t.ApiKey);
        if (idempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        return await server.Client.SendAsync(request, Ct);
    }

    private async Task<JsonElement> Json(Tenant t, HttpMethod method, string path, string? body = null)
    {
        using var response = await Send(t, method, path, body);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> Atp(Tenant t, string sku) =>
        (await Json(t, HttpMethod.Get, $"/v1/nodes/{Mfc}/atp?skus={sku}")).GetProperty("items")[0];

    private async Task<int> Reserved(Tenant t, string sku)
    {
        var stock = await Json(t, HttpMethod.Get, $"/v1/nodes/{Mfc}/stock?limit=1000");
        return stock.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("skuId").GetString() == sku).Sum(r => r.GetProperty("reserved").GetInt32());
    }

    private string Customer() =>
        Network.Customers.Where((c, i) => server.OrderCity.CustomerHomeMfcIds[i] == Mfc && !c.Blocked && c.LockerId is null).First().Id;

    private string OrderBody(params (string Sku, int Quantity)[] lines)
    {
        var customer = Network.Customers.First(c => c.Id == Customer());
        return JsonSerializer.Serialize(new
        {
            customerId = customer.Id,
            lines = lines.Select(l => new { skuId = l.Sku, quantity = l.Quantity }),
            deliverTo = new { lat = customer.Location.Lat, lon = customer.Location.Lon },
        });
    }

    [Fact]
    public async Task Atp_modularSku_isTheComponentLimitedFigureWithItsLimit()
    {
        var (kit, _, _) = KitsSharingAComponent();
        var scarce = kit.Bom!.Lines[^1];
        var units = Components(kit, 5_000);
        units[scarce.ComponentId] = 3 * scarce.Quantity + scarce.Quantity - 1; // room for 3 kits and a part of a fourth
        var t = await TenantWith(units);

        var atp = await Atp(t, kit.Id);

        Assert.True(CapacityUnits(kit) > 3, "the MFC must be able to assemble more than the scarce component allows");
        Assert.Equal(3, atp.GetProperty("atp").GetInt32());
        Assert.True(atp.GetProperty("modular").GetBoolean());
        Assert.Equal("component:" + scarce.ComponentId, atp.GetProperty("limit").GetString());
        Assert.Equal(CapacityUnits(kit), atp.GetProperty("capacityLeft").GetInt32());
    }

    [Fact]
    public async Task Atp_plentyOfComponents_isLimitedByAssemblyCapacityAndPromiseAndSourceSeeIt()
    {
        var (kit, _, _) = KitsSharingAComponent();
        var t = await TenantWith(Components(kit, 5_000));

        var atp = await Atp(t, kit.Id);
        Assert.Equal(CapacityUnits(kit), atp.GetProperty("atp").GetInt32());
        Assert.Equal("assembly-capacity", atp.GetProperty("limit").GetString());

        var decision = await Json(t, HttpMethod.Post, "/v1/orders:source", OrderBody((kit.Id, 2)));
        Assert.True(decision.GetProperty("fulfilled").GetBoolean(), decision.ToString());
        Assert.All(decision.GetProperty("allocations").EnumerateArray(), a => Assert.Equal(Mfc, a.GetProperty("nodeId").GetString()));
        var point = Network.Customers.First(c => c.Id == Customer()).Location;
        var promise = await Json(t, HttpMethod.Post, "/v1/promise",
            JsonSerializer.Serialize(new { lines = new[] { new { skuId = kit.Id, quantity = 2 } }, deliverTo = new { lat = point.Lat, lon = point.Lon } }));
        Assert.Contains(promise.GetProperty("options").EnumerateArray(), o => o.GetProperty("nodeIds").EnumerateArray().Any(n => n.GetString() == Mfc));
        Assert.Equal(0, await Reserved(t, kit.Bom!.Lines[0].ComponentId)); // reads reserve nothing
    }

    [Fact]
    public async Task Orders_racingForTwoKitsSharingAComponent_neverOversellIt()
    {
        var (a, b, shared) = KitsSharingAComponent();
        var perA = a.Bom!.Lines.First(l => l.ComponentId == shared).Quantity;
        var perB = b.Bom!.Lines.First(l => l.ComponentId == shared).Quantity;
        var units = Components(a, 5_000);
        foreach (var line in b.Bom.Lines) units[line.ComponentId] = 5_000;
        const int SharedUnits = 10;
        units[shared] = SharedUnits;
        var t = await TenantWith(units);
        Assert.True(CapacityUnits(a) >= SharedUnits && CapacityUnits(b) >= SharedUnits, "assembly capacity must not be the limit here");

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, 24).Select(async i =>
        {
            await start.Task;
            var kit = i % 2 == 0 ? a : b;
            using var response = await Send(t, HttpMethod.Post, "/v1/orders", OrderBody((kit.Id, 1)), $"race-{i}");
            return (Kit: kit, response.StatusCode, Body: await response.Content.ReadAsStringAsync(Ct));
        }).ToArray();
        start.SetResult();
        var answers = await Task.WhenAll(racers);

        Assert.All(answers, x => Assert.True(x.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{x.StatusCode} {x.Body}"));
        var used = answers.Where(x => x.StatusCode == HttpStatusCode.Created).Sum(x => x.Kit.Id == a.Id ? perA : perB);
        Assert.Equal(used, await Reserved(t, shared));
        // Both kits had orders turned away and stock only goes down: what is left cannot make either kit.
        Assert.InRange(used, SharedUnits - Math.Min(perA, perB) + 1, SharedUnits);
        Assert.Equal(0, (await Atp(t, a.Id)).GetProperty("atp").GetInt32());
        Assert.Equal(0, (await Atp(t, b.Id)).GetProperty("atp").GetInt32());
    }

    [Fact]
    public async Task Cancel_orderForAKit_releasesItsComponentsAndCapacity()
    {
        var (kit, _, _) = KitsSharingAComponent();
        var t = await TenantWith(Components(kit, 200));
        var before = await Atp(t, kit.Id);

        using var placed = await Send(t, HttpMethod.Post, "/v1/orders", OrderBody((kit.Id, 2)), "cancel-me");
        var order = JsonDocument.Parse(await placed.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        foreach (var line in kit.Bom!.Lines) Assert.Equal(2 * line.Quantity, await Reserved(t, line.ComponentId));
        Assert.Equal(before.GetProperty("capacityLeft").GetInt32() - 2, (await Atp(t, kit.Id)).GetProperty("capacityLeft").GetInt32());

        await Json(t, HttpMethod.Post, $"/v1/orders/{order.GetProperty("orderId").GetString()}:cancel", """{"reason":"changed my mind"}""");

        foreach (var line in kit.Bom.Lines) Assert.Equal(0, await Reserved(t, line.ComponentId));
        Assert.Equal(before.ToString(), (await Atp(t, kit.Id)).ToString());
    }

    [Fact]
    public async Task Pick_orderForAKit_consumesItsComponentsAndRecordsTheAssembly()
    {
        var (kit, _, _) = KitsSharingAComponent();
        var t = await TenantWith(Components(kit, 200));
        using var placed = await Send(t, HttpMethod.Post, "/v1/orders", OrderBody((kit.Id, 3)), "pick-me");
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var orderId = JsonDocument.Parse(await placed.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("orderId").GetString();

        var picked = await Json(t, HttpMethod.Post, $"/v1/orders/{orderId}:pick",
            JsonSerializer.Serialize(new { nodeId = Mfc, lines = new[] { new { skuId = kit.Id, quantity = 2 } } }));

        Assert.Equal("picked", picked.GetProperty("status").GetString(), ignoreCase: true);
        var stock = (await Json(t, HttpMethod.Get, $"/v1/nodes/{Mfc}/stock?limit=1000")).GetProperty("items").EnumerateArray()
            .ToDictionary(r => r.GetProperty("skuId").GetString()!, r => (OnHand: r.GetProperty("onHand").GetInt32(), Reserved: r.GetProperty("reserved").GetInt32()));
        foreach (var line in kit.Bom!.Lines) Assert.Equal((200 - 2 * line.Quantity, 0), stock[line.ComponentId]);
        var atp = await Json(t, HttpMethod.Get, $"/v1/nodes/{Mfc}/atp?skus={kit.Id}");
        Assert.Equal(2, atp.GetProperty("assembledUnits").GetProperty(kit.Id).GetInt64());
        Assert.Equal(0, atp.GetProperty("committedAssemblyUnits").GetInt64());
    }

    [Fact]
    public async Task Atp_badRequests_areProblems()
    {
        var t = await TenantWith(new Dictionary<string, int>());
        using var none = await Send(t, HttpMethod.Get, $"/v1/nodes/{Mfc}/atp");
        await ProblemAssert.IsProblem(none, 400);
        using var unknown = await Send(t, HttpMethod.Get, $"/v1/nodes/{Mfc}/atp?skus=NOPE");
        await ProblemAssert.IsProblem(unknown, 422);
        using var horizon = await Send(t, HttpMethod.Get, $"/v1/nodes/{Mfc}/atp?skus={KitsSharingAComponent().A.Id}&horizonMinutes=0");
        await ProblemAssert.IsProblem(horizon, 400);
        using var node = await Send(t, HttpMethod.Get, "/v1/nodes/NOPE/atp?skus=x");
        await ProblemAssert.IsProblem(node, 404);
    }
}
