using System.Net;
using System.Text.Json;
using Microchain.Domain.NetworkFiles;
using Microchain.Simulation.DemoCity;

namespace Microchain.Cli.Tests;

/// <summary>The server process is killed with SIGKILL under write load and restarted on the same data directory.</summary>
public sealed class KillRestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Server_killed_with_SIGKILL_keeps_every_acknowledged_receipt_and_resumes()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "microchain-kill-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var city = DemoCityGenerator.Generate(new DemoCityOptions { Seed = 5, Scale = 0.05, Skus = 60 });
        var networkFile = Path.Combine(dataDir, "..", Path.GetFileName(dataDir) + "-network.json");
        var stockFile = Path.Combine(dataDir, "..", Path.GetFileName(dataDir) + "-stock.csv");
        await File.WriteAllTextAsync(networkFile, NetworkFile.Write(city.Network), Ct);
        // The DC's first position gets room for every receipt the writers can post.
        await File.WriteAllTextAsync(stockFile, StockCsv.Write(city.Stock.Select((s, i) =>
            new StockRow(s.NodeId, s.SkuId, s.OnHand, s.NodeId == city.CentralDcId ? s.Capacity + 100_000 : s.Capacity))), Ct);
        var port = MicrochainProcess.FreePort();
        string[] first = ["serve", "--network", networkFile, "--stock", stockFile, "--port", port.ToString(), "--data-dir", dataDir];
        string[] again = ["serve", "--port", port.ToString(), "--data-dir", dataDir];
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            var (node, sku, onHand) = (default(string)!, default(string)!, 0);
            var acknowledged = 0;
            var sent = 0;
            for (var cycle = 0; cycle < 3; cycle++)
            {
                using var process = MicrochainProcess.Start(cycle == 0 ? first : again);
                await process.WaitReadyAsync(http, Ct);
                http.DefaultRequestHeaders.Remove("X-Api-Key");
                http.DefaultRequestHeaders.Add("X-Api-Key", (await File.ReadAllTextAsync(Path.Combine(dataDir, "dev-api-key.txt"), Ct)).Trim());
                if (cycle == 0)
                {
                    (node, sku, onHand) = await RoomyPosition(http);
                }
                else
                {
                    var now = await OnHand(http, node, sku);
                    Assert.InRange(now - onHand, acknowledged, sent); // nothing acknowledged was lost; nothing appeared from nowhere
                    (onHand, acknowledged, sent) = (now, 0, 0);
                }

                // Four writers post receipts; the process is killed while they are in flight.
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, 4).Select(async w =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref sent);
                        try
                        {
                            using var response = await http.PostAsJsonAsync($"/v1/nodes/{node}/receipts", new { skuId = sku, quantity = 1 }, stop.Token);
                            if (response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref acknowledged);
                        }
                        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                        {
                            return; // the server is gone
                        }
                    }
                }).ToArray();
                while (Volatile.Read(ref acknowledged) < 25 + cycle * 10) await Task.Delay(10, Ct);
                process.KillHard();
                await stop.CancelAsync();
                await Task.WhenAll(writers);
            }
            using (var last = MicrochainProcess.Start(again))
            {
                await last.WaitReadyAsync(http, Ct);
                Assert.InRange(await OnHand(http, node, sku) - onHand, acknowledged, sent);
                Assert.DoesNotContain("stocked", last.Output, StringComparison.Ordinal); // initial stock went in once
            }
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
            File.Delete(networkFile);
            File.Delete(stockFile);
        }
    }

    [Fact]
    public async Task Demo_run_again_resumes_the_stored_city_and_stock()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "microchain-demo-" + Guid.NewGuid().ToString("N"));
        var port = MicrochainProcess.FreePort();
        // Orders off: the demo now places orders by default, which would move the stock compared here.
        string[] args = ["demo", "--scale", "0.05", "--skus", "60", "--seed", "9", "--port", port.ToString(), "--data-dir", dataDir, "--orders-per-minute", "0", "--restock-minutes", "0"];
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            string before;
            using (var first = MicrochainProcess.Start(args))
            {
                await first.WaitReadyAsync(http, Ct);
                http.DefaultRequestHeaders.Add("X-Api-Key", (await File.ReadAllTextAsync(Path.Combine(dataDir, "dev-api-key.txt"), Ct)).Trim());
                Assert.Contains("Generating a demo city", first.Output, StringComparison.Ordinal);
                before = await http.GetStringAsync("/v1/nodes/MFC-01/stock?limit=1000", Ct);
                first.KillHard();
            }
            using var second = MicrochainProcess.Start(args);
            await second.WaitReadyAsync(http, Ct);
            Assert.Contains("Resuming the demo city", second.Output, StringComparison.Ordinal);
            Assert.Equal(before, await http.GetStringAsync("/v1/nodes/MFC-01/stock?limit=1000", Ct));
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<(string Node, string Sku, int OnHand)> RoomyPosition(HttpClient http)
    {
        var nodes = await http.GetFromJsonAsync<JsonElement>("/v1/nodes?limit=1000", Ct);
        var dc = nodes.GetProperty("items").EnumerateArray().First(n => n.GetProperty("kind").GetString() == "CentralDc").GetProperty("id").GetString()!;
        var stock = await http.GetFromJsonAsync<JsonElement>($"/v1/nodes/{dc}/stock?limit=1000", Ct);
        var row = stock.GetProperty("items").EnumerateArray()
            .First(r => r.GetProperty("capacity").GetInt32() - r.GetProperty("onHand").GetInt32() >= 100_000);
        return (dc, row.GetProperty("skuId").GetString()!, row.GetProperty("onHand").GetInt32());
    }

    private static async Task<int> OnHand(HttpClient http, string node, string sku)
    {
        var stock = await http.GetFromJsonAsync<JsonElement>($"/v1/nodes/{node}/stock?limit=1000", Ct);
        return stock.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("skuId").GetString() == sku).GetProperty("onHand").GetInt32();
    }
}
