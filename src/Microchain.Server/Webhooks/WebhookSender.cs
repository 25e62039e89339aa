using System.Net.Http.Headers;
using System.Text;

namespace Microchain.Server.Webhooks;

/// <summary>The result of one POST: a status code if the receiver answered, else why not.</summary>
public readonly record struct AttemptResult(int? StatusCode, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>POSTs one signed delivery with a per-attempt timeout; never follows redirects (a 3xx is a failure).</summary>
public sealed class WebhookSender(WebhookOptions options, TimeProvider time) : IDisposable
{
    private const int MaxErrorLength = 300;

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = options.AttemptTimeout,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<AttemptResult> SendAsync(WebhookSubscription subscription, string deliveryId, string topic, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        using var timeout = new CancellationTokenSource(options.AttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WebhookPayload.SignatureHeader, WebhookPayload.Signature(subscription.Secret, time.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.Add(WebhookPayload.EventHeader, topic);
        request.Headers.Add(WebhookPayload.DeliveryHeader, deliveryId);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Microchain-Webhooks", "1"));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            return new AttemptResult((int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptResult(null, $"no response within {options.AttemptTimeout.TotalMilliseconds:0} ms");
        }
        catch (HttpRequestException e)
        {
            return new AttemptResult(null, e.Message.Length <= MaxErrorLength ? e.Message : e.Message[..MaxErrorLength]);
        }
    }

    public void Dispose() => _http.Dispose();
}
