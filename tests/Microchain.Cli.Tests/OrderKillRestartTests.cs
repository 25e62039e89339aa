using System.Text.Json;
using Microchain.Domain.NetworkFiles;
using Microchain.Runtime.Orders;
using Microchain.Simulation.DemoCity;
using Microchain.Testing.Support.Postgres;

namespace Microchain.Cli.Tests;

/// <summary>
/// <c>serve</c> is killed with SIGKILL under concurrent order writers, <see cref="Cycles"/> times, and restarted on the
/// same store. After every restart: each acknowledged order is there with its allocations, no key made two orders, no
/// order exists whose key was never sent, and stock is conserved once the sweep has released what unrecorded attempts
/// held. Reservations expire after <see cref="TtlSeconds"/> (the <c>--reservation-ttl-seconds</c> option) so the sweep
/// closes the crash window within the cycle. The seed is printed; a failure names it.
/// </summary>
public abstract class OrderKillRestartTests
{
    private const int Cycles = 10;
    private const int Writers = 4;
    private const int TtlSeconds = 2;
    private const int UnitsPerNode = 500;
    private const string Tenant = "default";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The arguments that put the journal in this store; the data directory holds only keys and files.</summary>
    protected abstract Task<string[]> StoreArgumentsAsync();

    [Fact]
    public async Task Serve_killed_with_SIGKILL_under_order_load_keeps_acknowledged_orders_once_and_conserves_stock()
    {
        var seed = Environment.TickCount & 0xFFFF;
        TestContext.Current.TestOutputHelper?.WriteLine($"order kill test seed {seed}");
        var random = new Random(seed);
        var store = await StoreArgumentsAsync();
        var dataDir = Directory.CreateTempSubdirectory("microchain-order-kill-").FullName;
        var city = DemoCityGenerator.Generate(new DemoCityOptions { Seed = 11, Scale = 0.05, Skus = 60 });
        var nodes = city.MfcIds.Take(2).ToArray();
        var skus = city.Network.Skus.Where(s => s.Active).Select(s => s.Id)
            .Where(s => nodes.All(n => city.Stock.Any(l => l.SkuId == s && l.NodeId == n))).Take(4).ToArray();
        var customers = city.Network.Customers.Where((c, i) => city.CustomerHomeMfcIds[i] == nodes[0] && !c.Blocked && c.LockerId is null).Take(5).ToArray();
        Assert.True(skus.Length == 4 && customers.Length == 5, "the demo city lacks the SKUs or customers this test needs");
        // The test SKUs sit only at the two MFCs, in exact units, so every unit they hold is accounted for.
        var networkFile = Path.Combine(dataDir, "network.json");
        var stockFile = Path.Combine(dataDir, "stock.csv");
        await File.WriteAllTextAsync(networkFile, NetworkFile.Write(city.Network), Ct);
        await File.WriteAllTextAsync(stockFile, StockCsv.Write(city.Stock.Select(s => !skus.Contains(s.SkuId) ? new StockRow(s.NodeId, s.SkuId, s.OnHand, s.Capacity)
            : new StockRow(s.NodeId, s.SkuId, nodes.Contains(s.NodeId) ? UnitsPerNode : 0, Math.Max(s.Capacity, UnitsPerNode)))), Ct);
        var port = MicrochainProcess.FreePort();
        string[] common = ["serve", "--port", port.ToString(), "--data-dir", dataDir, "--reservation-ttl-seconds", TtlSeconds.ToString(), .. store];
        string[] first = [.. common, "--network", networkFile, "--stock", stockFile];
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        var ledger = new OrderLedger();
        var existing = new Dictionary<string, JsonElement?>(StringComparer.Ordinal); // key -> order, once seen recorded
        var next = 0;
        try
        {
            for (var cycle = 0; cycle <= Cycles; cycle++)
            {
                using var process = MicrochainProcess.Start(cycle == 0 ? first : common);
                await process.WaitReadyAsync(http, Ct);
                http.DefaultRequestHeaders.Remove("X-Api-Key");
                http.DefaultRequestHeaders.Add("X-Api-Key", (await File.ReadAllTextAsync(Path.Combine(dataDir, "dev-api-key.txt"), Ct)).Trim());
                await CheckAsync(http, ledger, existing, nodes, skus, $"seed {seed}, after kill {cycle}");
                if (cycle == Cycles)
                {
                    await CheckReplaysAndListAsync(http, ledger, existing, $"seed {seed}");
                    break;
                }

                // Writers send new keys and now and then retry an earlier one; the kill comes at a seeded moment.
                var killAfter = TimeSpan.FromMilliseconds(random.Next(200, 1_500));
                var created = ledger.Created;
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
                {
                    var mine = new Random(seed * 31 + cycle * Writers + w);
                    while (!stop.IsCancellationRequested)
                    {
                        string key, body;
                        var earlier = mine.Next(5) == 0 ? ledger.Sent.ToArray() : [];
                        if (earlier.Length > 0)
                            (key, body) = earlier[mine.Next(earlier.Length)];
                        else
                        {
                            key = $"kill-{seed}-{Interlocked.Increment(ref next)}";
                            body = Body(city, customers[mine.Next(customers.Length)].Id,
                                skus.OrderBy(_ => mine.Next()).Take(mine.Next(1, 3)).Select(s => (s, mine.Next(1, 4))).ToArray());
                        }
                        if (!await ledger.SendAsync(http, key, body, stop.Token)) return;
                    }
                }, CancellationToken.None)).ToArray();
                // The seeded moment counts from the cycle's first acknowledgement: a cold start must not eat the load.
                var firstDeadline = DateTime.UtcNow.AddSeconds(60);
                while (ledger.Created == created && DateTime.UtcNow < firstDeadline && !writers.All(w => w.IsCompleted)) await Task.Delay(10, Ct);
                await Task.Delay(killAfter, Ct);
                process.KillHard();
                await stop.CancelAsync();
                await Task.WhenAll(writers);
                Assert.True(ledger.Created > created, $"seed {seed}: no order was acknowledged in cycle {cycle} within 60 s:\n{process.Output}");
            }
            TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed}: {ledger.Sent.Count} keys sent, {ledger.Acknowledged.Count} acknowledged, "
                + $"{existing.Count(e => e.Value is not null)} recorded, {ledger.OutOfStock} answered out-of-stock");
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }

    private static string Body(DemoCity city, string customer, (string Sku, int Quantity)[] lines)
    {
        var point = city.Network.Customers.First(c => c.Id == customer).Location;
        return JsonSerializer.Serialize(new
        {
            customerId = customer,
            lines = lines.Select(l => new { skuId = l.Sku, quantity = l.Quantity }),
            deliverTo = new { lat = point.Lat, lon = point.Lon },
        });
    }

    /// <summary>
    /// Acknowledged orders are there as acknowledged; then, polling until the sweep has run, the units reserved at each
    /// node are exactly those of the allocated orders there (what unrecorded attempts held is released) and on hand
    /// never moved.
    /// </summary>
    private static async Task CheckAsync(HttpClient http, OrderLedger ledger, Dictionary<string, JsonElement?> existing, string[] nodes, string[] skus, string context)
    {
        Assert.True(ledger.Breaches.IsEmpty, $"{context}: {string.Join("\n", ledger.Breaches)}");
        foreach (var key in ledger.Sent.Keys.Where(k => !existing.TryGetValue(k, out var o) || o is null))
        {
            using var response = await http.GetAsync($"/v1/orders/{OrderIds.FromIdempotencyKey(Tenant, key)}", Ct);
            existing[key] = response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement : null;
        }
        foreach (var (key, (orderId, allocations)) in ledger.Acknowledged)
        {
            Assert.True(existing[key] is not null, $"{context}: acknowledged order {orderId} (key {key}) is gone");
            Assert.Equal(orderId, existing[key]!.Value.GetProperty("orderId").GetString());
            Assert.True(allocations.SequenceEqual(OrderLedger.Allocations(existing[key]!.Value)), $"{context}: order {orderId} lost or changed its allocations");
        }
        var held = existing.Values.OfType<JsonElement>()
            .Where(o => string.Equals(o.GetProperty("status").GetString(), "allocated", StringComparison.OrdinalIgnoreCase))
            .SelectMany(OrderLedger.Allocations).GroupBy(a => (a.NodeId, a.SkuId)).ToDictionary(g => g.Key, g => g.Sum(a => a.Quantity));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var mismatches = new List<string>();
            foreach (var node in nodes)
            {
                var stock = await http.GetFromJsonAsync<JsonElement>($"/v1/nodes/{node}/stock?limit=1000", Ct);
                foreach (var row in stock.GetProperty("items").EnumerateArray().Where(r => skus.Contains(r.GetProperty("skuId").GetString())))
                {
                    var sku = row.GetProperty("skuId").GetString()!;
                    var (onHand, reserved) = (row.GetProperty("onHand").GetInt32(), row.GetProperty("reserved").GetInt32());
                    Assert.True(onHand == UnitsPerNode, $"{context}: {sku}@{node} on hand {onHand}, not {UnitsPerNode}: orders only reserve");
                    var allocated = held.GetValueOrDefault((node, sku));
                    // Units beyond the recorded allocations belong to attempts the kill cut off: the sweep must release them.
                    Assert.True(reserved >= allocated, $"{context}: {sku}@{node} reserves {reserved} but allocated orders hold {allocated}");
                    if (reserved != allocated) mismatches.Add($"{sku}@{node} reserved {reserved}, allocated {allocated}");
                }
            }
            if (mismatches.Count == 0) return;
            if (DateTime.UtcNow >= deadline)
                Assert.Fail($"{context}: the sweep did not release unrecorded reservations within 60 s: {string.Join("; ", mismatches)}\n"
                    + await OpenReservationsAsync(http, nodes, existing));
            await Task.Delay(200, Ct);
        }
    }

    /// <summary>For a failure message: the reservations each node's ledger still holds, with their orders' status.</summary>
    private static async Task<string> OpenReservationsAsync(HttpClient http, string[] nodes, Dictionary<string, JsonElement?> existing)
    {
        try
        {
            return await ListOpenReservationsAsync(http, nodes, existing);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"(the ledgers could not be read: {ex.Message})";
        }
    }

    private static async Task<string> ListOpenReservationsAsync(HttpClient http, string[] nodes, Dictionary<string, JsonElement?> existing)
    {
        var statusOf = existing.Values.OfType<JsonElement>().ToDictionary(o => o.GetProperty("orderId").GetString()!, o => o.GetProperty("status").GetString());
        var lines = new List<string>();
        foreach (var node in nodes)
        {
            var open = new Dictionary<string, string>(StringComparer.Ordinal);
            for (long from = 1; ; )
            {
                var page = await http.GetFromJsonAsync<JsonElement>($"/v1/nodes/{node}/ledger?fromVersion={from}&limit=1000", Ct);
                var entries = page.GetProperty("entries").EnumerateArray().ToArray();
                foreach (var entry in entries)
                {
                    var e = entry.GetProperty("event");
                    if (!e.TryGetProperty("reservationId", out var idProperty)) continue;
                    var id = idProperty.GetString()!;
                    if (e.TryGetProperty("lines", out var reservedLines)) open[id] = $"{reservedLines} until {e.GetProperty("expiresAt")}";
                    else if (e.TryGetProperty("expiresAt", out var until) && open.ContainsKey(id)) open[id] += $", extended to {until}";
                    else open.Remove(id);
                }
                if (entries.Length < 1000) break;
                from = entries[^1].GetProperty("version").GetInt64() + 1;
            }
            var unheld = open.Select(r => (r, Status: statusOf.GetValueOrDefault(r.Key.Split('~')[0]) ?? "not seen"))
                .Where(x => !string.Equals(x.Status, "allocated", StringComparison.OrdinalIgnoreCase)).ToArray();
            lines.Add($"{node}: {open.Count} open reservations, {unheld.Length} not of an allocated order");
            lines.AddRange(unheld.Select(x => $"  {x.r.Key}: {x.r.Value}; order {x.Status}"));
        }
        return string.Join("\n", lines);
    }

    /// <summary>Every acknowledged key re-sent with its body replays the same order; the order list holds only ids of sent keys.</summary>
    private static async Task CheckReplaysAndListAsync(HttpClient http, OrderLedger ledger, Dictionary<string, JsonElement?> existing, string context)
    {
        foreach (var (key, (orderId, _)) in ledger.Acknowledged)
        {
            using var request = OrderLedger.Post(key, ledger.Sent[key]);
            using var replay = await http.SendAsync(request, Ct);
            Assert.True(replay.StatusCode == System.Net.HttpStatusCode.Created, $"{context}: replay of {key} answered {(int)replay.StatusCode}");
            Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal(orderId, (await replay.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("orderId").GetString());
        }
        var sentIds = ledger.Sent.Keys.Select(k => OrderIds.FromIdempotencyKey(Tenant, k)).ToHashSet(StringComparer.Ordinal);
        var recorded = existing.Values.OfType<JsonElement>().Select(o => o.GetProperty("orderId").GetString()!).ToHashSet(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var listed = new HashSet<string>(StringComparer.Ordinal);
            for (var offset = 0; ; offset += 1_000)
            {
                var page = await http.GetFromJsonAsync<JsonElement>($"/v1/orders?limit=1000&offset={offset}", Ct);
                listed.UnionWith(page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()!));
                if (offset + 1_000 >= page.GetProperty("total").GetInt32()) break;
            }
            Assert.Empty(listed.Except(sentIds, StringComparer.Ordinal)); // no order whose key was never sent
            if (listed.SetEquals(recorded)) return;
            Assert.True(DateTime.UtcNow < deadline, $"{context}: the order list ({listed.Count}) never matched the recorded orders ({recorded.Count})");
            await Task.Delay(200, Ct);
        }
    }
}

public sealed class SqliteOrderKillRestartTests : OrderKillRestartTests
{
    protected override Task<string[]> StoreArgumentsAsync() => Task.FromResult<string[]>([]);
}

public sealed class PostgresOrderKillRestartTests(PostgresServer postgres) : OrderKillRestartTests
{
    protected override async Task<string[]> StoreArgumentsAsync() =>
        ["--store", "postgres", "--postgres", await postgres.CreateDatabaseAsync("orderkill", TestContext.Current.CancellationToken)];
}
