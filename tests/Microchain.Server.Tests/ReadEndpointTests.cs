using System.Net;
using System.Text.Json;

namespace Microchain.Server.Tests;

[Collection(ServerTestGroup.Name)]
public sealed class ReadEndpointTests(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJson(string path)
    {
        using var response = await server.Client.SendAsync(server.Authorized(HttpMethod.Get, path), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }

    [Fact]
    public async Task Health_live_and_ready_answer_without_a_key()
    {
        Assert.Equal("live", (await server.Client.GetFromJsonAsync<JsonElement>("/health/live", Ct)).GetProperty("status").GetString());
        Assert.Equal("ready", (await server.Client.GetFromJsonAsync<JsonElement>("/health/ready", Ct)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Network_summary_counts_the_loaded_network()
    {
        var json = await GetJson("/v1/network");
        Assert.Equal(server.City.Network.Skus.Count, json.GetProperty("skus").GetInt32());
        Assert.Equal(server.City.Network.Customers.Count, json.GetProperty("customers").GetInt32());
        Assert.Equal(1, json.GetProperty("nodesByKind").GetProperty("CentralDc").GetInt32());
    }

    [Fact]
    public async Task Nodes_are_paged()
    {
        var json = await GetJson("/v1/nodes?offset=1&limit=2");
        Assert.Equal(server.City.Network.Nodes.Count, json.GetProperty("total").GetInt32());
        Assert.Equal(2, json.GetProperty("items").GetArrayLength());
        Assert.Equal(server.City.Network.Nodes[1].Id, json.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Node_stock_shows_the_initial_levels()
    {
        // The last position: the ledger tests count the first ones of this MFC down, and tests run in any order.
        var level = server.City.Stock.Last(s => s.NodeId == server.City.MfcIds[0]);
        var expectedTotal = server.City.Stock.Count(s => s.NodeId == level.NodeId);
        var json = await GetJson($"/v1/nodes/{level.NodeId}/stock?limit=1000");
        Assert.Equal(expectedTotal, json.GetProperty("total").GetInt32());
        var row = json.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("skuId").GetString() == level.SkuId);
        Assert.Equal(level.OnHand, row.GetProperty("onHand").GetInt32());
        Assert.Equal(level.Capacity, row.GetProperty("capacity").GetInt32());
        Assert.Equal(level.OnHand, row.GetProperty("available").GetInt32());
    }

    [Fact]
    public async Task Unknown_node_is_a_404_problem()
    {
        using var response = await server.Client.SendAsync(server.Authorized(HttpMethod.Get, "/v1/nodes/NOPE/stock"), Ct);
        var problem = await ProblemAssert.IsProblem(response, 404);
        Assert.Equal("not-found", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/v1/nodes?limit=0")]
    [InlineData("/v1/nodes?limit=1001")]
    [InlineData("/v1/nodes?offset=-1")]
    public async Task Bad_paging_is_a_400_problem(string path)
    {
        using var response = await server.Client.SendAsync(server.Authorized(HttpMethod.Get, path), Ct);
        await ProblemAssert.IsProblem(response, 400);
    }

    [Fact]
    public async Task Api_without_a_key_is_a_401_problem()
    {
        using var response = await server.Client.GetAsync("/v1/network", Ct);
        var problem = await ProblemAssert.IsProblem(response, 401);
        Assert.Equal("unauthorized", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Api_with_an_unknown_key_is_a_401_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/network");
        request.Headers.Add("X-Api-Key", "mck_" + new string('0', 64));
        using var response = await server.Client.SendAsync(request, Ct);
        await ProblemAssert.IsProblem(response, 401);
    }

    [Fact]
    public async Task OpenApi_document_is_3_1_and_lists_the_endpoints()
    {
        var doc = await server.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        Assert.StartsWith("3.1", doc.GetProperty("openapi").GetString());
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/health/ready", "/v1/network", "/v1/nodes", "/v1/nodes/{nodeId}/stock", "/v1/nodes/{nodeId}/receipts" })
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
    }

    [Fact]
    public async Task Interactive_api_ui_is_served()
    {
        using var response = await server.Client.GetAsync("/scalar/v1", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }
}
