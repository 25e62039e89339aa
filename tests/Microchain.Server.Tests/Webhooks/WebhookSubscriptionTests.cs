using System.Text.Json;

namespace Microchain.Server.Tests.Webhooks;

[Collection(WebhookTestGroup.Name)]
public sealed class WebhookSubscriptionTests(WebhookServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Webhook_created_listed_fetched_and_deleted_shows_the_secret_only_at_creation()
    {
        var tenant = server.NewTenant();
        using var created = await tenant.SendAsync(HttpMethod.Post, "/v1/webhooks", """{"url":"https://example.test/hooks","events":["order.*"]}""", Ct);
        Assert.Equal(201, (int)created.StatusCode);
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement;
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal($"/v1/webhooks/{id}", created.Headers.Location?.OriginalString);
        var secret = body.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..].Replace('-', '+').Replace('_', '/') + "=").Length);

        var list = await tenant.JsonAsync(HttpMethod.Get, "/v1/webhooks", null, 200, Ct);
        var only = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(id, only.GetProperty("id").GetString());
        Assert.Equal("https://example.test/hooks", only.GetProperty("url").GetString());
        Assert.False(only.TryGetProperty("secret", out _));

        var one = await tenant.JsonAsync(HttpMethod.Get, $"/v1/webhooks/{id}", null, 200, Ct);
        Assert.Equal(["order.*"], one.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.False(one.TryGetProperty("secret", out _));

        await tenant.JsonAsync(HttpMethod.Delete, $"/v1/webhooks/{id}", null, 204, Ct);
        using var gone = await tenant.SendAsync(HttpMethod.Get, $"/v1/webhooks/{id}", null, Ct);
        await ProblemAssert.IsProblem(gone, 404);
        using var goneAgain = await tenant.SendAsync(HttpMethod.Delete, $"/v1/webhooks/{id}", null, Ct);
        await ProblemAssert.IsProblem(goneAgain, 404);
        Assert.Equal(0, (await tenant.JsonAsync(HttpMethod.Get, "/v1/webhooks", null, 200, Ct)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Webhook_with_a_given_secret_keeps_it()
    {
        var tenant = server.NewTenant();
        var created = await tenant.SubscribeAsync(new Uri("http://127.0.0.1:9/x"), ["order.delivered", "order.allocated"], "my-own-secret-0123456789", Ct);
        Assert.Equal("my-own-secret-0123456789", created.GetProperty("secret").GetString());
        Assert.Equal(["order.delivered", "order.allocated"], created.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("""{"url":"ftp://example.test/x","events":["order.*"]}""", 400, "invalid-url")]
    [InlineData("""{"url":"/relative/path","events":["order.*"]}""", 400, "invalid-url")]
    [InlineData("""{"url":"","events":["order.*"]}""", 400, "invalid-url")]
    [InlineData("""{"url":"https://example.test/LONG","events":["order.*"]}""", 400, "invalid-url")]
    [InlineData("""{"url":"https://example.test/x","events":[]}""", 400, "invalid-events")]
    [InlineData("""{"url":"https://example.test/x"}""", 400, "invalid-events")]
    [InlineData("""{"url":"https://example.test/x","events":["order.teleported"]}""", 422, "unknown-event")]
    [InlineData("""{"url":"https://example.test/x","events":["*"]}""", 422, "unknown-event")]
    [InlineData("""{"url":"https://example.test/x","events":["order.*"],"secret":"short"}""", 400, "invalid-secret")]
    [InlineData("""{"url":"https://example.test/x","events":["order.*"],"colour":"red"}""", 400, "malformed-json")]
    public async Task Invalid_webhook_is_a_problem_and_creates_nothing(string json, int status, string code)
    {
        var tenant = server.NewTenant();
        using var response = await tenant.SendAsync(HttpMethod.Post, "/v1/webhooks", json.Replace("LONG", new string('a', 2_000), StringComparison.Ordinal), Ct);
        var problem = await ProblemAssert.IsProblem(response, status);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(0, (await tenant.JsonAsync(HttpMethod.Get, "/v1/webhooks", null, 200, Ct)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Webhook_beyond_the_tenant_limit_is_a_conflict()
    {
        var tenant = server.NewTenant();
        for (var i = 0; i < WebhookServerFixture.Options.MaxSubscriptionsPerTenant; i++)
            await tenant.SubscribeAsync(new Uri($"https://example.test/{i}"), ["order.*"], null, Ct);
        using var response = await tenant.SendAsync(HttpMethod.Post, "/v1/webhooks", """{"url":"https://example.test/one-more","events":["order.*"]}""", Ct);
        var problem = await ProblemAssert.IsProblem(response, 409);
        Assert.Equal("too-many-webhooks", problem.GetProperty("code").GetString());
        Assert.Equal(WebhookServerFixture.Options.MaxSubscriptionsPerTenant,
            (await tenant.JsonAsync(HttpMethod.Get, "/v1/webhooks", null, 200, Ct)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Webhook_of_another_tenant_is_not_found()
    {
        var owner = server.NewTenant();
        var other = server.NewTenant();
        var id = (await owner.SubscribeAsync(new Uri("https://example.test/a"), ["order.*"], null, Ct)).GetProperty("id").GetString();
        await ProblemAssert.IsProblem(await other.SendAsync(HttpMethod.Get, $"/v1/webhooks/{id}", null, Ct), 404);
        await ProblemAssert.IsProblem(await other.SendAsync(HttpMethod.Get, $"/v1/webhooks/{id}/deliveries", null, Ct), 404);
        await ProblemAssert.IsProblem(await other.SendAsync(HttpMethod.Delete, $"/v1/webhooks/{id}", null, Ct), 404);
        Assert.Equal(0, (await other.JsonAsync(HttpMethod.Get, "/v1/webhooks", null, 200, Ct)).GetProperty("items").GetArrayLength());
        await owner.JsonAsync(HttpMethod.Get, $"/v1/webhooks/{id}", null, 200, Ct);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_webhook_endpoints()
    {
        var paths = (await server.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct)).GetProperty("paths");
        Assert.True(paths.TryGetProperty("/v1/webhooks", out var root) && root.TryGetProperty("post", out _) && root.TryGetProperty("get", out _));
        Assert.True(paths.TryGetProperty("/v1/webhooks/{id}", out var one) && one.TryGetProperty("delete", out _));
        Assert.True(paths.TryGetProperty("/v1/webhooks/{id}/deliveries", out _));
    }
}
