using System.Net;
using System.Text.Json;
using Microchain.Domain.Network;
using Microchain.Server.Replenishment;
using Microsoft.Extensions.DependencyInjection;

namespace Microchain.Server.Tests.Replenishment;

/// <summary>Replenishment runs over real HTTP: on demand, at the network's run times on a fake clock, recorded in the journal.</summary>
public sealed class ReplenishmentRunTests(ReplenishmentServerFixture server) : IClassFixture<ReplenishmentServerFixture>
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Runs only when asked: no intra-day runs, nightly at 03:00 (the fake clock starts at noon and only the schedule test moves it).</summary>
    private static readonly ReplenishmentSettings OnDemand = new() { RunTimes = [new TimeOnly(3, 0)], IntraDayIntervalMinutes = 0 };

    private static readonly string[] DisruptSup1 = ["SUP-1"], DisruptUnknown = ["SUP-404"];

    private string[] Skus => [.. server.City.Network.Contracts.Where(c => c.SupplierId == "SUP-1").Select(c => c.SkuId).Distinct().Take(3)];

    private async Task<JsonElement> Send(HttpMethod method, string path, string apiKey, HttpStatusCode expected, object? body = null)
    {
        using var request = ReplenishmentServerFixture.Authorized(method, path, apiKey, body is null ? null : JsonContent.Create(body));
        using var response = await server.Client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Run_on_demand_plans_from_live_stock_and_the_order_history_and_records_reasons()
    {
        var (_, key) = await server.NewTenantAsync(OnDemand, Skus, Ct);
        var run = await Send(HttpMethod.Post, "/v1/replenishment:run", key, HttpStatusCode.Created, new { });
        Assert.Equal("nightly", run.GetProperty("kind").GetString());
        Assert.Equal("api", run.GetProperty("trigger").GetString());
        Assert.Equal("2026-03-02", run.GetProperty("date").GetString());
        var id = run.GetProperty("runId").GetString()!;

        var view = await Send(HttpMethod.Get, $"/v1/replenishment/runs/{id}", key, HttpStatusCode.OK);
        var mfc = server.City.MfcIds[0];
        var stock = await Send(HttpMethod.Get, $"/v1/nodes/{mfc}/stock?limit=1000", key, HttpStatusCode.OK);
        var transfers = view.GetProperty("transfers").EnumerateArray().Concat(view.GetProperty("deferred").EnumerateArray())
            .Where(t => t.GetProperty("toNodeId").GetString() == mfc).ToList();
        Assert.Equal(Skus.Order(), transfers.Select(t => t.GetProperty("sku").GetString()!).Order());
        foreach (var t in transfers)
        {
            var row = stock.GetProperty("items").EnumerateArray().FirstOrDefault(r => r.GetProperty("skuId").GetString() == t.GetProperty("sku").GetString());
            var position = row.ValueKind == JsonValueKind.Undefined ? 0 : row.GetProperty("available").GetInt32() + row.GetProperty("inTransit").GetInt32();
            Assert.StartsWith($"nightly: position {position} (", t.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
        Assert.All(view.GetProperty("purchases").EnumerateArray(), p => Assert.Contains("reorder point", p.GetProperty("reason").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_paged_and_kept_in_the_journal()
    {
        var (tenant, key) = await server.NewTenantAsync(OnDemand, Skus, Ct);
        await Send(HttpMethod.Post, "/v1/replenishment:run", key, HttpStatusCode.Created); // no body: a nightly run
        await Send(HttpMethod.Post, "/v1/replenishment:run", key, HttpStatusCode.Created, new { kind = "intraDay" });

        var page = await Send(HttpMethod.Get, "/v1/replenishment/runs?limit=1", key, HttpStatusCode.OK);
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var newest = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(("run-000002", "intraDay"), (newest.GetProperty("runId").GetString(), newest.GetProperty("kind").GetString()));
        Assert.Equal(0, newest.GetProperty("purchases").GetInt32());

        // A store with nothing cached reads the same runs back from the journal.
        using var fresh = new ReplenishmentRunStore(server.Journal);
        Assert.Equal([("run-000002", "intraDay"), ("run-000001", "nightly")], (await fresh.ListAsync(tenant, Ct)).Select(r => (r.RunId, r.Kind)));
        var first = await fresh.FindAsync(tenant, "run-000001", Ct);
        Assert.NotNull(first);
        Assert.Equal(first.Run.Transfers, first.Transfers.Count);
    }

    [Fact]
    public async Task Run_disrupting_a_supplier_records_what_switching_did_to_cost_and_service()
    {
        var (_, key) = await server.NewTenantAsync(OnDemand, Skus, Ct);
        var run = await Send(HttpMethod.Post, "/v1/replenishment:run", key, HttpStatusCode.Created, new { disrupt = DisruptSup1 });
        var disruption = run.GetProperty("disruption");
        Assert.Equal("SUP-1", disruption.GetProperty("disruptedSuppliers")[0].GetString());
        Assert.True(disruption.GetProperty("before").GetProperty("skusNeeding").GetInt32() > 0);
        var view = await Send(HttpMethod.Get, $"/v1/replenishment/runs/{run.GetProperty("runId").GetString()}", key, HttpStatusCode.OK);
        Assert.All(view.GetProperty("purchases").EnumerateArray(), p => Assert.NotEqual("SUP-1", p.GetProperty("supplierId").GetString()));
    }

    [Fact]
    public async Task Bad_run_requests_are_problems_with_stable_types()
    {
        var (_, key) = await server.NewTenantAsync(OnDemand, Skus, Ct);
        Assert.Equal("urn:microchain:problem:bad-run-kind",
            (await Send(HttpMethod.Post, "/v1/replenishment:run", key, HttpStatusCode.BadRequest, new { kind = "weekly" })).GetProperty("type").GetString());
        Assert.Equal("urn:microchain:problem:unknown-supplier",
            (await Send(HttpMethod.Post, "/v1/replenishment:run", key, HttpStatusCode.UnprocessableEntity, new { disrupt = DisruptUnknown })).GetProperty("type").GetString());
        await Send(HttpMethod.Get, "/v1/replenishment/runs/run-999999", key, HttpStatusCode.NotFound);
        await Send(HttpMethod.Get, "/v1/replenishment/runs?limit=0", key, HttpStatusCode.BadRequest);
        Assert.Equal(0, (await Send(HttpMethod.Get, "/v1/replenishment/runs", key, HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Scheduled_runs_start_at_the_network_run_times_on_the_clock()
    {
        // Nightly at 13:00, intra-day at 14:00 only; the clock stands at 12:00.
        var settings = new ReplenishmentSettings
        {
            RunTimes = [new TimeOnly(13, 0)], IntraDayIntervalMinutes = 60, IntraDayFrom = new TimeOnly(14, 0), IntraDayTo = new TimeOnly(14, 0),
        };
        var (_, key) = await server.NewTenantAsync(settings, Skus, Ct);

        server.Time.Advance(TimeSpan.FromMinutes(90));
        var nightly = Assert.Single(await RunsWhen(key, 1));
        Assert.Equal(("nightly", "schedule"), (nightly.GetProperty("kind").GetString(), nightly.GetProperty("trigger").GetString()));
        Assert.Equal(ReplenishmentServerFixture.Start.AddMinutes(90), nightly.GetProperty("at").GetDateTimeOffset());

        server.Time.Advance(TimeSpan.FromMinutes(45));
        var runs = await RunsWhen(key, 2);
        Assert.Equal(("intraDay", "schedule"), (runs[0].GetProperty("kind").GetString(), runs[0].GetProperty("trigger").GetString()));
    }

    /// <summary>The tenant's runs once there are <paramref name="count"/>, newest first.</summary>
    private async Task<List<JsonElement>> RunsWhen(string key, int count)
    {
        var deadline = DateTimeOffset.UtcNow + MaxWait;
        while (true)
        {
            var items = (await Send(HttpMethod.Get, "/v1/replenishment/runs", key, HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
            if (items.Count >= count) return items;
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"{items.Count} runs, expected {count}");
            await Task.Delay(20, Ct);
        }
    }
}
