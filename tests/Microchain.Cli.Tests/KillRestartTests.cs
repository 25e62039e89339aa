using System.Net;
using System.Text.Json;

namespace Microchain.Cli.Tests;

/// <summary>The demo process is killed with SIGKILL under write load and restarted on the same data directory.</summary>
public sealed class KillRestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_killed_with_SIGKILL_keeps_every_acknowledged_receipt_and_resumes()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "microchain-kill-" + Guid.NewGuid().ToString("N"));
        var port = MicrochainProcess.FreePort();
        string[] args = ["demo", "--scale", "0.05", "--skus", "60", "--port", port.ToString(), "--data-dir", dataDir];
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            var (node, sku, onHand) = (default(string)!, default(string)!, 0);
            var acknowledged = 0;
            var sent = 0;
            for (var cycle = 0; cycle < 3; cycle++)
            {
                using var process = MicrochainProcess.Start(args);
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
            using (var last = MicrochainProcess.Start(args))
            {
                await last.WaitReadyAsync(http, Ct);
                Assert.InRange(await OnHand(http, node, sku) - onHand, acknowledged, sent);
                Assert.Contains("Resuming the demo city", last.Output, StringComparison.Ordinal);
            }
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
            .First(r => r.GetProperty("capacity").GetInt32() - r.GetProperty("onHand").GetInt32() >= 1_000);
        return (dc, row.GetProperty("skuId").GetString()!, row.GetProperty("onHand").GetInt32());
    }

    private static async Task<int> OnHand(HttpClient http, string node, string sku)
    {
        var stock = await http.GetFromJsonAsync<JsonElement>($"/v1/nodes/{node}/stock?limit=1000", Ct);
        return stock.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("skuId").GetString() == sku).GetProperty("onHand").GetInt32();
    }
}
