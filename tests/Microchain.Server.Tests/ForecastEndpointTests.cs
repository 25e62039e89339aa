using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Microchain.Server.Tests;

[Collection(ServerTestGroup.Name)]
public sealed class ForecastEndpointTests(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> Forecast(string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await server.Client.SendAsync(server.Authorized(HttpMethod.Post, "/v1/forecasts", content), Ct);
    }

    [Fact]
    public async Task Forecast_repeats_an_exact_weekday_pattern_and_sums_series()
    {
        const string body = """
            {"series":[{"id":"a","history":[5,6,4,7,5,9,8,5,6,4,7,5,9,8,5,6,4,7,5,9,8],"seasonLength":7,"method":"SNaive"},
                       {"id":"b","history":[1,1,1,1,1,1,1,1,1,1],"seasonLength":1,"method":"Naive"}],
             "horizon":3,"quantiles":[0.5,0.95],"aggregate":true}
            """;
        using var response = await Forecast(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal([5.0, 6.0, 4.0], json.GetProperty("series")[0].GetProperty("mean").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([6.0, 7.0, 5.0], json.GetProperty("aggregate").GetProperty("mean").EnumerateArray().Select(v => v.GetDouble()));
        var q = json.GetProperty("series")[0].GetProperty("quantiles");
        Assert.True(q.GetProperty("0.95")[0].GetDouble() >= q.GetProperty("0.5")[0].GetDouble());
    }

    [Fact]
    public async Task Automatic_selection_names_the_method_it_chose()
    {
        using var response = await Forecast("""{"series":[{"id":"x","history":[0,0,3,0,1,0,0,2,0,0,0,4,0,1,0,0,2,0,0,1,0],"seasonLength":7}]}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var method = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("series")[0].GetProperty("method").GetString();
        Assert.NotEqual("Auto", method);
        Assert.False(string.IsNullOrEmpty(method));
    }

    [Theory]
    [InlineData("""{"series":[]}""", 422)]
    [InlineData("""{"series":[{"id":"x","history":[1,-2,3]}]}""", 422)]
    [InlineData("""{"series":[{"id":"x","history":[1,2,3],"method":"Oracle"}]}""", 422)]
    [InlineData("""{"series":[{"id":"x","history":[1,2,3]}],"horizon":0}""", 422)]
    [InlineData("""{"series":[{"id":"x","history":[1,2,3]}],"quantiles":[1.5]}""", 422)]
    [InlineData("""{"series":[{"id":"x","history":[1,2,3]}],"extra":1}""", 400)]
    public async Task Bad_forecast_requests_are_problems(string body, int status)
    {
        using var response = await Forecast(body);
        await ProblemAssert.IsProblem(response, status);
    }
}
