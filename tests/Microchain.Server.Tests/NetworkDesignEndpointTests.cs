using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Microchain.Server.Tests;

[Collection(ServerTestGroup.Name)]
public sealed class NetworkDesignEndpointTests(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> Design(string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return server.Client.SendAsync(server.Authorized(HttpMethod.Post, "/v1/network:design", content), Ct);
    }

    [Fact]
    public async Task Design_over_the_tenants_customers_opens_sites_and_serves_all_demand()
    {
        using var response = await Design("""{"problem":"Uncapacitated","enforcePromise":false,"timeLimitSeconds":20}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("Optimal", json.GetProperty("status").GetString());
        Assert.Contains(json.GetProperty("sites").EnumerateArray(), s => s.GetProperty("open").GetBoolean());
        var points = json.GetProperty("demandPoints").GetArrayLength();
        Assert.Equal(points, json.GetProperty("assignments").GetArrayLength());
        Assert.Equal(0, json.GetProperty("cost").GetProperty("uncoveredOrdersPerHorizon").GetInt64());
    }

    [Fact]
    public async Task Design_with_posted_demand_uses_it()
    {
        var node = server.City.Network.Nodes.First(n => n.Kind == Domain.Network.NodeKind.Mfc);
        var body = $$"""{"problem":"PMedian","maxSites":1,"enforcePromise":false,"demand":[{"lat":{{node.Location.Lat}},"lon":{{node.Location.Lon}},"ordersPerWeek":10,"segmentId":"x"}]}""";
        using var response = await Design(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(1, json.GetProperty("demandPoints").GetArrayLength());
        Assert.Equal(node.Id, json.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("open").GetBoolean()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Design_that_cannot_be_asked_is_a_422_problem()
    {
        using var response = await Design("""{"problem":"PMedian"}""");
        var problem = await ProblemAssert.IsProblem(response, 422);
        Assert.Contains("maxSites", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Design_with_an_unknown_problem_is_a_400_problem()
    {
        using var response = await Design("""{"problem":"Teleport"}""");
        await ProblemAssert.IsProblem(response, 400);
    }
}
