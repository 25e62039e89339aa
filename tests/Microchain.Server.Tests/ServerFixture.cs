using System.Net.Http.Headers;
using Microchain.Runtime.Hosting;
using Microchain.Server;
using Microchain.Server.Auth;
using Microchain.Server.Endpoints;
using Microchain.Server.Networks;
using Microchain.Simulation.DemoCity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Microchain.Server.Tests;

/// <summary>
/// A real server on 127.0.0.1 (a free port) over a small stocked demo city in a temp SQLite journal; subclasses put
/// the journal elsewhere (see <see cref="PostgresServerFixture"/>).
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "microchain-server-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public DemoCity City { get; } = DemoCityGenerator.Generate(new DemoCityOptions { Seed = 7, Scale = 0.05, Skus = 60 });
    public HttpClient Client { get; } = new();
    public string ApiKey { get; private set; } = "";
    public string Tenant { get; } = "test";

    /// <summary>A second tenant for order tests: two MFCs with room for 1,000 units of every SKU.</summary>
    public DemoCity OrderCity { get; } = DemoCityGenerator.Generate(new DemoCityOptions { Seed = 11, Scale = 0.05, Mfcs = 40, Skus = 150 });
    public string OrderTenant { get; } = "orders";
    public string OrderApiKey { get; private set; } = "";

    /// <summary>A third tenant for dispatch tests (see <see cref="DispatchNetwork"/>), whose dispatcher runs on a fake clock.</summary>
    public string DispatchTenant { get; } = "dispatch";
    public string DispatchApiKey { get; private set; } = "";
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider DispatchClock { get; } = new(DispatchNetwork.Start);

    /// <summary>Why this fixture's tests are skipped (its store is not available here), or null.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The journal the server writes to; null skips every test of the fixture with <see cref="SkipReason"/>.</summary>
    protected virtual Task<RuntimeOptions?> RuntimeAsync(string dataDirectory) =>
        Task.FromResult<RuntimeOptions?>(new RuntimeOptions { DataDirectory = dataDirectory });

    /// <summary>Skips the calling test when the fixture's store is not available on this machine.</summary>
    public void SkipIfUnavailable()
    {
        if (SkipReason is not null) Assert.Skip(SkipReason);
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dataDir);
        var runtime = await RuntimeAsync(_dataDir);
        if (runtime is null)
        {
            SkipReason ??= "the store of this fixture is not available";
            return;
        }
        var options = new ServerOptions
        {
            Port = 0,
            Tenant = Tenant,
            MaxRequestBodyBytes = 16 * 1024,
            MaxImportOrders = ImportOrderLimit,
            MaxImportRows = ImportRowLimit,
            Runtime = runtime,
            // Scheduled waves are run by the tests themselves (Dispatcher.RunDueAsync), never by the background loop.
            Dispatch = new Dispatch.DispatchOptions { Scheduled = false, Clock = DispatchClock, SolveTime = TimeSpan.FromSeconds(5), MaxIterations = 300, Seed = 7 },
        };
        ApiKey = new ApiKeyStore(_dataDir).Create(Tenant, "tests", "admin", DateTimeOffset.UnixEpoch);
        OrderApiKey = new ApiKeyStore(_dataDir).Create(OrderTenant, "order tests", "admin", DateTimeOffset.UnixEpoch);
        DispatchApiKey = new ApiKeyStore(_dataDir).Create(DispatchTenant, "dispatch tests", "admin", DateTimeOffset.UnixEpoch);
        _app = await MicrochainServer.BuildAsync(options, CancellationToken.None);
        await _app.StartAsync();
        _app.Services.GetRequiredService<NetworkCatalog>().Set(Tenant, City.Network);
        await NetworkStocking.StockAsync(_app.Services.GetRequiredService<IGrainFactory>(), Tenant,
            City.Stock.Select(s => new Domain.NetworkFiles.StockRow(s.NodeId, s.SkuId, s.OnHand, s.Capacity)).ToArray(), null, CancellationToken.None);
        _app.Services.GetRequiredService<NetworkCatalog>().Set(OrderTenant, OrderCity.Network);
        await NetworkStocking.StockAsync(_app.Services.GetRequiredService<IGrainFactory>(), OrderTenant,
            OrderCity.Stock.Select(s => new Domain.NetworkFiles.StockRow(s.NodeId, s.SkuId, s.OnHand, Math.Max(s.Capacity, OrderCapacity))).ToArray(), null, CancellationToken.None);
        _app.Services.GetRequiredService<NetworkCatalog>().Set(DispatchTenant, DispatchNetwork.Network());
        await NetworkStocking.StockAsync(_app.Services.GetRequiredService<IGrainFactory>(), DispatchTenant,
            DispatchNetwork.City.Stock.Where(s => s.NodeId == DispatchNetwork.Mfc)
                .Select(s => new Domain.NetworkFiles.StockRow(s.NodeId, s.SkuId, s.OnHand, Math.Max(s.Capacity, OrderCapacity))).ToArray(), null, CancellationToken.None);
        _app.Services.GetRequiredService<ReadinessState>().Ready();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Client.BaseAddress = new Uri(address);
    }

    /// <summary>Import limits small enough to test under the 16 KiB body limit.</summary>
    public const int ImportOrderLimit = 6, ImportRowLimit = 12;

    /// <summary>The running server's services, for tests that drive it in-process (the demo order driver).</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("the server is not started");

    /// <summary>Every position of the order tenant has room for at least this many units.</summary>
    public const int OrderCapacity = 1_000;

    public HttpRequestMessage Authorized(HttpMethod method, string path, HttpContent? content = null, string? apiKey = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Api-Key", apiKey ?? ApiKey);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    /// <summary>Lets a subclass give the reason its store is missing.</summary>
    protected void Unavailable(string reason) => SkipReason = reason;
}

[CollectionDefinition(Name)]
public sealed class ServerTestGroup : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}

internal static class ProblemAssert
{
    public static async Task<System.Text.Json.JsonElement> IsProblem(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(status, json.GetProperty("status").GetInt32());
        Assert.StartsWith("urn:microchain:problem:", json.GetProperty("type").GetString());
        return json;
    }

    public static MediaTypeHeaderValue Json { get; } = new("application/json");
}
