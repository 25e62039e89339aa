using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microchain.Server.Tests.Webhooks;

/// <summary>A request as the receiver got it.</summary>
internal sealed record ReceivedHook(string Body, string? Signature, string? Event, string? Delivery, string? ContentType);

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (a free port). Each <see cref="Inbox"/> is one URL with its own script of
/// answers (status codes, then 200) and its own queue of received requests.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Inbox> _inboxes = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private Uri? _base;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/hooks/{name}", async (HttpContext http, string name) =>
        {
            if (!receiver._inboxes.TryGetValue(name, out var inbox)) return Results.NotFound();
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            var headers = http.Request.Headers;
            inbox.Record(new ReceivedHook(body, headers["Microchain-Signature"], headers["Microchain-Event"], headers["Microchain-Delivery"], http.Request.ContentType));
            await inbox.Gate.WaitAsync(http.RequestAborted);
            return Results.StatusCode(inbox.NextStatus());
        });
        await app.StartAsync();
        receiver._app = app;
        receiver._base = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return receiver;
    }

    /// <summary>A new URL that answers <paramref name="script"/> in order, then 200 to everything.</summary>
    public Inbox Open(params int[] script)
    {
        var name = Guid.NewGuid().ToString("N");
        var inbox = new Inbox(new Uri(_base!, "/hooks/" + name), script);
        _inboxes[name] = inbox;
        return inbox;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}

internal sealed class Inbox(Uri url, int[] script)
{
    private readonly ConcurrentQueue<int> _script = new(script);
    private readonly Channel<ReceivedHook> _arrivals = Channel.CreateUnbounded<ReceivedHook>();
    private readonly ConcurrentQueue<ReceivedHook> _all = new();

    public Uri Url { get; } = url;

    /// <summary>Answers wait for this: a phase barrier for tests that need a receiver to hang mid-request.</summary>
    public Task Gate { get; set; } = Task.CompletedTask;

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedHook> All => [.. _all];

    public void Record(ReceivedHook hook)
    {
        _all.Enqueue(hook);
        _arrivals.Writer.TryWrite(hook);
    }

    public int NextStatus() => _script.TryDequeue(out var status) ? status : 200;

    /// <summary>The next request not yet taken; fails the test if none arrives within <paramref name="maxWait"/>.</summary>
    public async Task<ReceivedHook> NextAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(maxWait);
        try
        {
            return await _arrivals.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no webhook arrived at {Url} within {maxWait}");
        }
    }
}
