using System.Text.Json;

namespace Microchain.Cli.Tests;

/// <summary>The real <c>microchain demo</c> places orders by itself; they show up in the order list.</summary>
public sealed class DemoOrdersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_places_orders_from_its_customers_while_serving()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "microchain-demo-orders-" + Guid.NewGuid().ToString("N"));
        var port = MicrochainProcess.FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            using var demo = MicrochainProcess.Start("demo", "--scale", "0.05", "--skus", "60", "--seed", "4", "--port", port.ToString(),
                "--data-dir", dataDir, "--orders-per-minute", "6000");
            await demo.WaitReadyAsync(http, Ct);
            http.DefaultRequestHeaders.Add("X-Api-Key", (await File.ReadAllTextAsync(Path.Combine(dataDir, "dev-api-key.txt"), Ct)).Trim());
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                var page = await http.GetFromJsonAsync<JsonElement>("/v1/orders?limit=5", Ct);
                if (page.GetProperty("total").GetInt32() >= 5)
                {
                    Assert.All(page.GetProperty("items").EnumerateArray(), o => Assert.StartsWith("CUS-", o.GetProperty("customerId").GetString(), StringComparison.Ordinal));
                    break;
                }
                Assert.True(DateTime.UtcNow < deadline, "the demo placed fewer than 5 orders in 30 s:\n" + demo.Output);
                await Task.Delay(100, Ct);
            }
            Assert.Contains("Driving 6000 orders/min from the city's customers (keys demo-s4-r1-*)", demo.Output, StringComparison.Ordinal);
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }
}
