using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Microchain.Server.Tests;

[Collection(ServerTestGroup.Name)]
public sealed class RouteEndpointTests(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> Solve(string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await server.Client.SendAsync(server.Authorized(HttpMethod.Post, "/v1/routes:solve", content), Ct);
    }

    private static string Sample(string options) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "routes.example.json")).Replace("\"options\": { \"time_limit\": 1, \"seed\": 7 }", options, StringComparison.Ordinal);

    [Fact]
    public async Task Solve_serves_every_job_once_within_capacity_with_geojson()
    {
        using var response = await Solve(Sample("\"options\": { \"time_limit\": 0.5, \"seed\": 3 }"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var served = json.GetProperty("routes").EnumerateArray().SelectMany(r => r.GetProperty("steps").EnumerateArray())
            .Where(s => s.GetProperty("type").GetString() == "job").Select(s => s.GetProperty("id").GetInt32()).ToList();
        var unassigned = json.GetProperty("unassigned").EnumerateArray().Select(u => u.GetProperty("id").GetInt32());
        Assert.Equal([101, 102, 103, 104, 105, 106], served.Concat(unassigned).Order());
        Assert.All(json.GetProperty("routes").EnumerateArray().SelectMany(r => r.GetProperty("steps").EnumerateArray()),
            s => Assert.All(s.GetProperty("load").EnumerateArray(), l => Assert.True(l.GetInt64() >= 0)));
        Assert.Equal("FeatureCollection", json.GetProperty("geojson").GetProperty("type").GetString());
        // Job 102 needs "chilled": only vehicle 1 has it.
        var route102 = json.GetProperty("routes").EnumerateArray().Single(r => r.GetProperty("steps").EnumerateArray()
            .Any(s => s.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.GetInt32() == 102));
        Assert.Equal(1, route102.GetProperty("vehicle").GetInt32());
    }

    [Fact]
    public async Task Solve_answers_in_vroom_shape_over_a_matrix()
    {
        const string body = """
            {"vehicles":[{"id":7,"start_index":0,"end_index":0,"capacity":[2]}],
             "jobs":[{"id":1,"location_index":1,"delivery":[1]},{"id":2,"location_index":2,"delivery":[1]},{"id":3,"location_index":3,"delivery":[1]}],
             "matrices":{"car":{"durations":[[0,10,20,30],[10,0,10,20],[20,10,0,10],[30,20,10,0]]}},
             "options":{"time_limit":0.3,"format":"vroom"}}
            """;
        using var response = await Solve(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(0, json.GetProperty("code").GetInt32());
        Assert.Equal(1, json.GetProperty("summary").GetProperty("unassigned").GetInt32());
        var route = Assert.Single(json.GetProperty("routes").EnumerateArray());
        Assert.Equal(7, route.GetProperty("vehicle").GetInt32());
        Assert.Equal(["start", "job", "job", "end"], route.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("type").GetString()));
        Assert.Equal(json.GetProperty("summary").GetProperty("cost").GetInt64(), route.GetProperty("cost").GetInt64());
    }

    [Theory]
    [InlineData("""{"vehicles":[{"id":1}],"jobs":[{"id":1}]}""", 422)]
    [InlineData("""{"vehicles":[],"jobs":[{"id":1,"location":[4.8,45.7]}]}""", 422)]
    [InlineData("""{"vehicles":[{"id":1,"start":[4.8,45.7]}],"jobs":[{"id":1,"location":[4.8,95]}]}""", 422)]
    [InlineData("""{"vehicles":[{"id":1,"start":[4.8,45.7]}],"jobs":[{"id":1,"location":[4.8,45.7]}],"shipments":[]}""", 400)]
    [InlineData("""{"vehicles":[{"id":1,"start":[4.8,45.7]}],"jobs":[{"id":1,"location":[4.8,45.7]}],"options":{"time_limit":1000}}""", 422)]
    public async Task Bad_routing_requests_are_problems(string body, int status)
    {
        using var response = await Solve(body);
        await ProblemAssert.IsProblem(response, status);
    }
}
