using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microchain.Domain.Orders;
using Microchain.Runtime.Hosting;
using Microchain.Runtime.Journal;
using Microchain.Runtime.Orders;
using Microchain.Server.Auth;
using Microchain.Server.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Microchain.Server.Tests.Webhooks;

/// <summary>
/// A real server on 127.0.0.1 with short webhook backoffs (so retries happen within a test), a real receiver, and the
/// server's journal for writing outbox messages the way the order grain does. Tests use a fresh tenant each.
/// </summary>
public sealed class WebhookServerFixture : IAsyncLifetime
{
    public static readonly WebhookOptions Options = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(20),
        BaseBackoff = TimeSpan.FromMilliseconds(40),
        MaxBackoff = TimeSpan.FromMilliseconds(200),
        JitterFraction = 0.5,
        MaxAttempts = 4,
        AttemptTimeout = TimeSpan.FromSeconds(5),
        MaxSubscriptionsPerTenant = 3,
    };

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "microchain-webhook-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private WebhookReceiver? _receiver;

    public HttpClient Client { get; } = new();

    internal WebhookReceiver Receiver => _receiver!;

    public IEventJournal Journal => _app!.Services.GetRequiredService<IEventJournal>();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dataDir);
        _receiver = await WebhookReceiver.StartAsync();
        _app = await MicrochainServer.BuildAsync(
            new ServerOptions { Port = 0, Runtime = new RuntimeOptions { DataDirectory = _dataDir }, Webhooks = Options }, CancellationToken.None);
        await _app.StartAsync();
        Client.BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    /// <summary>A new tenant and an API key for it.</summary>
    public TenantClient NewTenant()
    {
        var tenant = "t" + Guid.NewGuid().ToString("N")[..12];
        return new TenantClient(this, tenant, _app!.Services.GetRequiredService<ApiKeyStore>().Create(tenant, "tests", "admin", DateTimeOffset.UnixEpoch));
    }

    /// <summary>Commits an order move with its notification in the outbox, as the order grain does.</summary>
    public async Task<OrderNotification> AppendOrderMoveAsync(string tenant, string topic, CancellationToken cancellationToken)
    {
        var orderId = "o-" + Guid.NewGuid().ToString("N")[..8];
        var notification = new OrderNotification(tenant, orderId, topic, OrderStatus.Allocated, 1, DateTimeOffset.UnixEpoch);
        await Journal.AppendAsync("test-order/" + tenant + "/" + orderId, 0, [new EventData("TestOrderMoved", "{}")], [notification.ToOutbox()], cancellationToken);
        return notification;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        if (_receiver is not null) await _receiver.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Calls the server as one tenant.</summary>
public sealed class TenantClient(WebhookServerFixture server, string tenant, string apiKey)
{
    public string Tenant { get; } = tenant;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", apiKey);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        return await server.Client.SendAsync(request, cancellationToken);
    }

    public async Task<JsonElement> JsonAsync(HttpMethod method, string path, string? json, int expectedStatus, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, json, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(expectedStatus == (int)response.StatusCode, $"{method} {path}: expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Subscribes a URL; returns the created webhook (with its secret).</summary>
    public Task<JsonElement> SubscribeAsync(Uri url, string[] events, string? secret, CancellationToken cancellationToken) =>
        JsonAsync(HttpMethod.Post, "/v1/webhooks", JsonSerializer.Serialize(new { url = url.AbsoluteUri, events, secret }), 201, cancellationToken);

    /// <summary>Polls the delivery log until <paramref name="done"/> holds, for at most <paramref name="maxWait"/>.</summary>
    public async Task<JsonElement[]> DeliveriesWhenAsync(string webhookId, Func<JsonElement[], bool> done, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + maxWait;
        while (true)
        {
            var page = await JsonAsync(HttpMethod.Get, $"/v1/webhooks/{webhookId}/deliveries", null, 200, cancellationToken);
            var items = page.GetProperty("items").EnumerateArray().ToArray();
            if (done(items)) return items;
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"the delivery log never reached the expected state: {page}");
            await Task.Delay(20, cancellationToken);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebhookTestGroup : ICollectionFixture<WebhookServerFixture>
{
    public const string Name = "webhooks";
}
