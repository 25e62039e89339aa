using Microchain.Domain.Network;
using Microchain.Server;
using Microchain.Server.Auth;
using Microchain.Server.Endpoints;
using Microchain.Server.Networks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Microchain.Cli.Hosting;

/// <summary>Starts the server on a network, stocks it once if asked, prints where it is, and runs until cancelled.</summary>
internal static class ServerRunner
{
    /// <summary>Runs until cancelled; stock in the data directory's initial-stock file goes in once, before ready.</summary>
    /// <param name="whileServing">Runs once the server is ready (the demo's order driver) until cancelled; awaited before stopping.</param>
    public static async Task<int> RunAsync(ServerOptions options, NetworkModel network, string apiKey, TextWriter output, CancellationToken cancellationToken,
        Func<IServiceProvider, CancellationToken, Task>? whileServing = null)
    {
        var data = new DataDirectory(options.Runtime.DataDirectory);
        var initialStock = File.Exists(data.InitialStockFile) && !File.Exists(data.StockedMarker)
            ? NetworkFileStore.LoadStock(data.InitialStockFile, network)
            : null;
        await using var app = await MicrochainServer.BuildAsync(options, cancellationToken);
        var readiness = app.Services.GetRequiredService<ReadinessState>();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            throw new CliException($"cannot listen on {options.Url}: {ex.Message}");
        }
        app.Services.GetRequiredService<NetworkCatalog>().Set(options.Tenant, network);
        await NetworkAssembly.ConfigureAsync(app.Services.GetRequiredService<IGrainFactory>(), options.Tenant, network, cancellationToken);
        if (initialStock is not null)
        {
            readiness.NotReady("stocking the network");
            var progress = new SyncProgress<(int Done, int Total)>(p =>
            {
                if (p.Done == p.Total || p.Done % 4000 < Runtime.Nodes.NodeGrain.MaxLevelsPerCall) output.WriteLine($"  stocked {p.Done:N0}/{p.Total:N0} positions");
            });
            await NetworkStocking.StockAsync(app.Services.GetRequiredService<IGrainFactory>(), options.Tenant, initialStock, progress, cancellationToken);
            DataDirectory.WriteAtomically(data.StockedMarker, "stocked\n");
        }
        readiness.Ready();
        output.WriteLine($"Microchain is serving '{network.Name}' at {options.Url}");
        output.WriteLine($"  API docs:  {options.Url}/scalar/v1   OpenAPI: {options.Url}/openapi/v1.json");
        output.WriteLine($"  API key:   {apiKey}   (send as X-Api-Key)");
        output.WriteLine($"  try:       curl -H 'X-Api-Key: {apiKey}' {options.Url}/v1/network");
        output.WriteLine("Press Ctrl-C to stop.");
        var background = whileServing?.Invoke(app.Services, cancellationToken) ?? Task.CompletedTask;
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await background.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            output.WriteLine("Stopping…");
        }
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await app.StopAsync(stopTimeout.Token);
        output.WriteLine("Stopped.");
        return 0;
    }

    /// <summary>The key to print: the stored dev key, or a new one created for the tenant (shown only now).</summary>
    public static string EnsureDevApiKey(DataDirectory data, string tenant, TimeProvider time)
    {
        if (File.Exists(data.DevApiKeyFile)) return File.ReadAllText(data.DevApiKeyFile).Trim();
        var key = new ApiKeyStore(data.Root).Create(tenant, "dev", "admin", time.GetUtcNow());
        DataDirectory.WriteAtomically(data.DevApiKeyFile, key + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(data.DevApiKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
