using System.Text.Json;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;
using Microchain.Domain.Orders;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Hosting;
using Microchain.Runtime.Journal;
using Microchain.Server.Auth;
using Microchain.Server.Networks;
using Microchain.Server.Replenishment;
using Microchain.Simulation.DemoCity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Microchain.Server.Tests.Replenishment;

/// <summary>
/// A real server on 127.0.0.1 whose replenishment clock is a fake one the tests move, so "the run time has come" is a
/// fact a test sets. Each test takes a fresh tenant: a small stocked demo city plus an order history written to the
/// journal the way the order grain writes it.
/// </summary>
public sealed class ReplenishmentServerFixture : IAsyncLifetime
{
    /// <summary>Noon UTC; the networks' local offset is zero.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "microchain-replen-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public FakeTimeProvider Time { get; } = new(Start);
    public DemoCity City { get; } = DemoCityGenerator.Generate(new DemoCityOptions { Seed = 5, Scale = 0.05, Skus = 30 });
    public HttpClient Client { get; } = new();
    public IServiceProvider Services => _app!.Services;
    public IEventJournal Journal => Services.GetRequiredService<IEventJournal>();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dataDir);
        _app = await MicrochainServer.BuildAsync(new ServerOptions
        {
            Port = 0,
            Runtime = new RuntimeOptions { DataDirectory = _dataDir },
            Replenishment = new ReplenishmentOptions { Time = Time },
        }, CancellationToken.None);
        await _app.StartAsync();
        Client.BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    /// <summary>A new tenant serving the city (with <paramref name="settings"/>), stocked, with 28 days of orders for <paramref name="skus"/> at the first MFC, brisk enough (~250 a day) to need stock.</summary>
    public async Task<(string Tenant, string ApiKey)> NewTenantAsync(ReplenishmentSettings settings, IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var tenant = "t" + Guid.NewGuid().ToString("N")[..10];
        Services.GetRequiredService<NetworkCatalog>().Set(tenant, City.Network with { Replenishment = settings });
        await NetworkStocking.StockAsync(Services.GetRequiredService<IGrainFactory>(), tenant,
            City.Stock.Select(s => new Domain.NetworkFiles.StockRow(s.NodeId, s.SkuId, s.OnHand, s.Capacity)).ToArray(), null, cancellationToken);
        var segment = City.Network.Segments[0].Id;
        var customer = City.Network.Customers.First(c => c.SegmentId == segment);
        for (var d = 28; d >= 1; d--)
        {
            var at = Start.Date.AddDays(-d).AddHours(10);
            var orderId = $"o{d:D3}";
            var lines = skus.Select((sku, i) => new OrderLine(sku, 250 + (d + i) % 5)).ToArray();
            IOrderEvent[] events =
            [
                new OrderCaptured(orderId, customer.Id, lines, customer.Location, null, null, new DateTimeOffset(at, TimeSpan.Zero), segment),
                new OrderAllocated([.. lines.Select(l => new Allocation(City.MfcIds[0], l.SkuId, l.Quantity))], new DateTimeOffset(at.AddMinutes(1), TimeSpan.Zero)),
            ];
            await Journal.AppendAsync("order/" + GrainKey.Compose(tenant, orderId), 0,
                [.. events.Select(e => new EventData(e.GetType().Name, JsonSerializer.Serialize(e, DomainJson.Options)))], cancellationToken);
        }
        return (tenant, Services.GetRequiredService<ApiKeyStore>().Create(tenant, "tests", "admin", DateTimeOffset.UnixEpoch));
    }

    public static HttpRequestMessage Authorized(HttpMethod method, string path, string apiKey, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Api-Key", apiKey);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
