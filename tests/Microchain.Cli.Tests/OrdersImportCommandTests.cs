using System.Globalization;
using System.Text;
using System.Text.Json;
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

namespace Microchain.Cli.Tests;

/// <summary><c>microchain orders import</c> against a real server on a free port, over a small stocked demo city.</summary>
public sealed class OrdersImportCommandTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Tenant = "demo";
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "microchain-import-" + Guid.NewGuid().ToString("N"));
    private readonly DemoCity _city = DemoCityGenerator.Generate(new DemoCityOptions { Seed = 9, Scale = 0.05, Skus = 60 });
    private WebApplication? _app;
    private string _url = "";

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dataDir);
        var key = new ApiKeyStore(_dataDir).Create(Tenant, "dev", "admin", DateTimeOffset.UnixEpoch);
        await File.WriteAllTextAsync(new DataDirectory(_dataDir).DevApiKeyFile, key + "\n", Ct);
        _app = await MicrochainServer.BuildAsync(new ServerOptions { Port = 0, Tenant = Tenant, Runtime = new RuntimeOptions { DataDirectory = _dataDir } }, Ct);
        await _app.StartAsync(Ct);
        _app.Services.GetRequiredService<NetworkCatalog>().Set(Tenant, _city.Network);
        await NetworkStocking.StockAsync(_app.Services.GetRequiredService<IGrainFactory>(), Tenant,
            _city.Stock.Select(s => new Domain.NetworkFiles.StockRow(s.NodeId, s.SkuId, s.OnHand, s.Capacity)).ToArray(), null, Ct);
        _app.Services.GetRequiredService<ReadinessState>().Ready();
        _url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    /// <summary>Demo orders as import CSV, one row per line, ASAP orders without a window.</summary>
    private string WriteCsv(int orders)
    {
        var generator = new DemoOrderGenerator(_city, 1, null);
        var now = DateTimeOffset.UtcNow;
        var csv = new StringBuilder("idempotency_key,customer_id,sku_id,quantity,lat,lon,locker_id,window_start,window_end\n");
        for (var i = 0; i < orders; i++)
        {
            var o = generator.Next(now);
            foreach (var line in o.Lines)
            {
                csv.Append(CultureInfo.InvariantCulture, $"cli-{i},{o.CustomerId},{line.SkuId},{line.Quantity},");
                csv.Append(o.LockerId is null ? FormattableString.Invariant($"{o.DeliverTo.Lat},{o.DeliverTo.Lon},") : $",,{o.LockerId}");
                csv.Append(o.Window.Start <= now ? ",,\n" // as soon as possible: no window
                    : string.Create(CultureInfo.InvariantCulture, $",{o.Window.Start:yyyy-MM-dd'T'HH:mm:sszzz},{o.Window.End:yyyy-MM-dd'T'HH:mm:sszzz}\n"));
            }
        }
        var path = Path.Combine(_dataDir, "orders.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    [Fact]
    public async Task Import_places_every_order_in_chunks_and_a_second_import_replays_them()
    {
        var file = WriteCsv(5);
        var first = await CliRun.Invoke("orders", "import", file, "--url", _url, "--data-dir", _dataDir, "--chunk", "2", "--json");
        Assert.True(first.ExitCode == 0, first.Error);
        var answer = JsonDocument.Parse(first.Output).RootElement;
        var results = answer.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(5, results.Length);
        Assert.Equal([0, 1, 2, 3, 4], results.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"cli-{i}"), results.Select(r => r.GetProperty("key").GetString()));
        var recorded = results.Count(r => r.GetProperty("orderId").GetString() is not null);
        Assert.True(recorded == 5, "every demo order should be recorded: " + first.Output);
        Assert.Equal(["  imported 2/5 orders", "  imported 4/5 orders", "  imported 5/5 orders"], first.ErrorLines);

        var again = await CliRun.Invoke("orders", "import", file, "--url", _url, "--data-dir", _dataDir);
        Assert.Equal(0, again.ExitCode);
        var allocated = answer.GetProperty("allocated").GetInt32();
        Assert.Contains($"Imported 5 orders from orders.csv: {allocated} allocated, {5 - allocated} rejected, 0 refused, 5 replayed", again.Output);
    }

    [Fact]
    public async Task Import_failures_print_one_line_and_exit_1()
    {
        var bad = Path.Combine(_dataDir, "bad.csv");
        await File.WriteAllTextAsync(bad, "k1,c1,s1,1,,,,,\nk2,c1,s1,two,,,,,\n", Ct);
        var parse = await CliRun.Invoke("orders", "import", bad, "--url", _url, "--data-dir", _dataDir);
        Assert.Equal((1, "microchain: bad.csv:2:4: quantity 'two' is not a whole number"), (parse.ExitCode, parse.Error.TrimEnd()));

        var file = WriteCsv(1);
        var unreachable = await CliRun.Invoke("orders", "import", file, "--url", "http://127.0.0.1:9", "--api-key", "mck_x");
        Assert.Equal(1, unreachable.ExitCode);
        Assert.StartsWith("microchain: cannot reach http://127.0.0.1:9/", Assert.Single(unreachable.ErrorLines));

        var wrongKey = await CliRun.Invoke("orders", "import", file, "--url", _url, "--api-key", "mck_wrong");
        Assert.Equal((1, "microchain: import of orders 1..1 failed: 401 the API key is not known"), (wrongKey.ExitCode, wrongKey.Error.TrimEnd()));

        var noKey = await CliRun.Invoke("orders", "import", file, "--url", _url, "--data-dir", Path.Combine(_dataDir, "nowhere"));
        Assert.Equal(1, noKey.ExitCode);
        Assert.StartsWith("microchain: no API key", Assert.Single(noKey.ErrorLines));

        var usage = await CliRun.Invoke("orders", "import", file, "--chunk", "0");
        Assert.Equal(2, usage.ExitCode);
    }
}
