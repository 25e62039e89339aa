using System.Net;
using Microchain.Runtime.Orders;
using Microchain.Server.Auth;
using Microchain.Server.Demo;
using Microchain.Server.Networks;
using Microchain.Server.Orders;
using Microchain.Simulation.DemoCity;
using Microsoft.Extensions.DependencyInjection;

namespace Microchain.Server.Tests;

/// <summary>The demo's order driver and top-up, run for a bounded count on a tenant of their own (random SKUs would disturb exact-stock tests).</summary>
[Collection(ServerTestGroup.Name)]
public sealed class DemoOrderDriverTests(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Tenant = "driver";
    private const int Orders = 12;

    [Fact]
    public async Task Driver_places_orders_through_the_desk_and_the_top_up_refills_what_they_reserved()
    {
        var city = DemoCityGenerator.Generate(new DemoCityOptions { Seed = 3, Scale = 0.05, Skus = 60 });
        var grains = server.Services.GetRequiredService<IGrainFactory>();
        server.Services.GetRequiredService<NetworkCatalog>().Set(Tenant, city.Network);
        var initial = city.Stock.Select(s => new Domain.NetworkFiles.StockRow(s.NodeId, s.SkuId, s.OnHand, s.Capacity)).ToArray();
        await NetworkStocking.StockAsync(grains, Tenant, initial, null, Ct);
        var apiKey = server.Services.GetRequiredService<ApiKeyStore>().Create(Tenant, "driver tests", "admin", DateTimeOffset.UnixEpoch);

        var prefix = DemoOrderDriver.KeyPrefix(seed: 3, run: 1);
        using var driver = new DemoOrderDriver(server.Services.GetRequiredService<OrderDesk>(), Tenant, new DemoOrderGenerator(city, 3, null), prefix,
            city.Network.OrderRules.MaxWindowMinutes, TimeProvider.System);
        await driver.PlaceAsync(Orders, Ct);

        var tally = driver.Tally;
        Assert.Equal(Orders, tally.Placed);
        Assert.Equal(Orders, tally.Allocated + tally.Rejected + tally.Refused);
        Assert.True(tally.Allocated > 0, $"a freshly stocked city allocated none of {Orders} orders: {tally}");
        var found = new Dictionary<string, string>();
        for (var i = 1; i <= Orders; i++)
        {
            var orderId = OrderIds.FromIdempotencyKey(Tenant, $"{prefix}{i:D9}");
            using var response = await server.Client.SendAsync(server.Authorized(HttpMethod.Get, $"/v1/orders/{orderId}", apiKey: apiKey), Ct);
            if (response.StatusCode == HttpStatusCode.OK) found[orderId] = (await OrderScenario.Json(response)).GetProperty("status").GetString()!;
            else Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(tally.Allocated, found.Values.Count(s => s == "Allocated"));
        Assert.Equal(tally.Rejected, found.Values.Count(s => s == "Rejected"));

        var restocker = new DemoRestocker(grains, Tenant, initial, TimeProvider.System);
        Assert.True(await restocker.TopUpAsync("test-top-up", Ct) > 0, "allocated orders reserved units, so the top-up must receive some");
        foreach (var level in initial)
        {
            var row = await grains.GetGrain<Runtime.Nodes.INodeGrain>(Runtime.EventSourcing.GrainKey.Compose(Tenant, level.NodeId)).GetPosition(level.SkuId, Ct);
            Assert.True(row!.Available >= level.OnHand || row.OnHand + row.InTransit == row.Capacity,
                $"{level.SkuId}@{level.NodeId}: available {row.Available} < initial {level.OnHand} with room left (on hand {row.OnHand}, capacity {row.Capacity})");
        }
        Assert.Equal(0, await restocker.TopUpAsync("test-top-up-again", Ct));
    }
}
