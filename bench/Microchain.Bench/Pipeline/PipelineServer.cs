using Microchain.Domain.NetworkFiles;
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

namespace Microchain.Bench.Pipeline;

/// <summary>
/// The embedded default as `microchain demo` runs it (SQLite journal in a data directory, one silo, Kestrel on
/// 127.0.0.1) over a demo city whose every position is stocked deep, so that the load measures the pipeline and not
/// stock-outs.
/// </summary>
public sealed class PipelineServer : IAsyncDisposable
{
    public const int DeepStockUnits = 10_000_000;
    private const string Tenant = "demo";

    private readonly WebApplication _app;

    private PipelineServer(WebApplication app, string dataDirectory, string apiKey, Uri baseAddress, DemoCity city)
    {
        _app = app;
        DataDirectory = dataDirectory;
        ApiKey = apiKey;
        BaseAddress = baseAddress;
        City = city;
    }

    public string DataDirectory { get; }
    public string ApiKey { get; }
    public Uri BaseAddress { get; }
    public DemoCity City { get; }

    public static async Task<PipelineServer> StartAsync(DemoCityOptions cityOptions, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "microchain-bench-pipeline-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var apiKey = new ApiKeyStore(dataDirectory).Create(Tenant, "bench", "admin", DateTimeOffset.UtcNow);
        var app = await MicrochainServer.BuildAsync(new ServerOptions { Port = 0, Tenant = Tenant, Runtime = new RuntimeOptions { DataDirectory = dataDirectory } }, cancellationToken);
        await app.StartAsync(cancellationToken);
        var city = DemoCityGenerator.Generate(cityOptions);
        app.Services.GetRequiredService<NetworkCatalog>().Set(Tenant, city.Network);
        await NetworkStocking.StockAsync(app.Services.GetRequiredService<IGrainFactory>(), Tenant,
            city.Stock.Select(s => new StockRow(s.NodeId, s.SkuId, DeepStockUnits, DeepStockUnits)).ToArray(), null, cancellationToken);
        app.Services.GetRequiredService<ReadinessState>().Ready();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new PipelineServer(app, dataDirectory, apiKey, new Uri(address), city);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(); // a silo disposed while running logs failed membership updates
        await _app.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
