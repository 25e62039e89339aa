using Microchain.Server.Webhooks;

namespace Microchain.Server.Tests.Webhooks;

public sealed class WebhookRulesTests
{
    [Fact]
    public void Backoff_without_jitter_doubles_from_the_base_up_to_the_cap()
    {
        var delays = Enumerable.Range(1, 8).Select(n => Backoff.Delay(n, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2, 0).TotalSeconds);
        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], delays);
    }

    [Fact]
    public void Backoff_far_past_the_cap_does_not_overflow()
    {
        Assert.Equal(TimeSpan.FromDays(1), Backoff.Delay(20_000, TimeSpan.FromHours(1), TimeSpan.FromDays(1), 0, 0.5));
    }

    [Fact]
    public void Backoff_jitter_takes_off_at_most_the_fraction_and_repeats_with_the_seed()
    {
        static TimeSpan[] Schedule(int seed)
        {
            var random = new Random(seed);
            return [.. Enumerable.Range(1, 8).Select(n => Backoff.Delay(n, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 0.25, random.NextDouble()))];
        }

        var first = Schedule(42);
        Assert.Equal(first, Schedule(42));
        Assert.NotEqual(first, Schedule(43));
        for (var n = 1; n <= 8; n++)
        {
            var full = Backoff.Delay(n, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 0, 0);
            Assert.InRange(first[n - 1], full * 0.75, full);
        }
    }

    [Theory]
    [InlineData("order.*", "order.allocated", true)]
    [InlineData("order.*", "stock.received", false)]
    [InlineData("order.allocated", "order.allocated", true)]
    [InlineData("order.allocated", "order.picked", false)]
    public void Topic_matches_a_pattern_exactly_or_by_the_order_wildcard(string pattern, string topic, bool matches) =>
        Assert.Equal(matches, WebhookTopics.Matches([pattern], topic));

    [Fact]
    public void Known_topics_are_exactly_the_topics_order_events_are_announced_under()
    {
        Assert.True(WebhookTopics.IsKnownPattern("order.*"));
        Assert.False(WebhookTopics.IsKnownPattern("order.teleported"));
        // Every kind of announced order event (a voided placement is never announced) has its topic in the list, and no other.
        var announced = typeof(Domain.Orders.IOrderEvent).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(Domain.Orders.IOrderEvent).IsAssignableFrom(t) && t != typeof(Domain.Orders.OrderVoided))
            .Select(t => Runtime.Orders.OrderNotification.TopicOf((Domain.Orders.IOrderEvent)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(t)))
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(WebhookTopics.Known.Order(StringComparer.Ordinal), announced);
    }

    [Fact]
    public void Signature_is_hex_hmac_of_timestamp_dot_body()
    {
        // Known answer computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test'
        Assert.Equal("t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789",
            WebhookPayload.Signature("whsec_test", 1_700_000_000, """{"a":1}"""));
    }

    [Theory]
    [InlineData("""{"tenant":"acme","orderId":"o1"}""", "acme")]
    [InlineData("""{"orderId":"o1"}""", null)]
    [InlineData("""{"tenant":"a/b"}""", null)]
    [InlineData("""{"tenant":""}""", null)]
    [InlineData("""{"tenant":7}""", null)]
    [InlineData("""["acme"]""", null)]
    [InlineData("""not json""", null)]
    public void Tenant_of_a_message_is_its_data_tenant_or_none_if_unusable(string data, string? tenant) =>
        Assert.Equal(tenant, WebhookPayload.TenantOf(data));

    [Theory]
    [InlineData("""{"tenant":"acme","orderId":"o1"}""")]
    [InlineData("""{"orderId":"o1","nested":{"tenant":"inner"},"list":[{"tenant":"x"}],"tenant":"outer"}""")]
    [InlineData("""{"nested":{"tenant":"inner"}}""")]
    [InlineData("""{"tenant":"first","tenant":"last"}""")]
    [InlineData("""{"tenant":"first","tenant":7}""")]
    [InlineData("""{"ten\u0061nt":"escaped"}""")]
    [InlineData("""{"tenant":"acme"} trailing""")]
    [InlineData("""{"tenant":"acme",}""")]
    [InlineData("""{"tenant":"acme" /* comment */}""")]
    [InlineData("""{"tenant":"acme","x":[1,2""")]
    [InlineData("""["acme", {"tenant":"acme"}""")]
    [InlineData("""  {"tenant":"white space"}  """)]
    [InlineData("")]
    [InlineData("null")]
    public void Tenant_of_a_message_agrees_with_reading_it_as_a_document(string data) =>
        Assert.Equal(TenantOfDocument(data), WebhookPayload.TenantOf(data));

    /// <summary>The reading TenantOf replaced, kept as its oracle: parse a document, take the root's "tenant".</summary>
    private static string? TenantOfDocument(string data)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(data);
            var tenant = document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty("tenant", out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String
                ? value.GetString()
                : null;
            return tenant is { Length: > 0 and <= WebhookPayload.MaxTenantLength } && !tenant.Contains('/', StringComparison.Ordinal) ? tenant : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    [Fact]
    public void Options_defaults_are_valid_and_bad_limits_are_named()
    {
        Assert.Empty(new WebhookOptions().Problems());
        var problems = new WebhookOptions { BatchSize = 0, MaxAttempts = 0, MaxBackoff = TimeSpan.Zero, JitterFraction = double.NaN, MaxSubscriptionsPerTenant = 101 }.Problems();
        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("batch size", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("subscriptions per tenant", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Server_with_invalid_webhook_options_does_not_build()
    {
        var options = new ServerOptions { Runtime = new Runtime.Hosting.RuntimeOptions { DataDirectory = Path.GetTempPath() }, Webhooks = new WebhookOptions { BatchSize = 0 } };
        var error = await Assert.ThrowsAsync<ArgumentException>(() => MicrochainServer.BuildAsync(options, TestContext.Current.CancellationToken));
        Assert.Contains("batch size", error.Message, StringComparison.Ordinal);
    }
}
