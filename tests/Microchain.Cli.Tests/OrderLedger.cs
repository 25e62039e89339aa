using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Microchain.Cli.Tests;

/// <summary>One allocation as the API shows it.</summary>
internal readonly record struct Held(string NodeId, string SkuId, int Quantity);

/// <summary>
/// What order writers sent and what the server acknowledged, across kill cycles: every key with its body, the 201
/// answers (order id and allocations), and every answer that breaks the idempotency contract.
/// </summary>
internal sealed class OrderLedger
{
    public ConcurrentDictionary<string, string> Sent { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, (string OrderId, Held[] Allocations)> Acknowledged { get; } = new(StringComparer.Ordinal);
    public ConcurrentQueue<string> Breaches { get; } = new();
    private int _created;
    private int _outOfStock;
    public int Created => Volatile.Read(ref _created);
    public int OutOfStock => Volatile.Read(ref _outOfStock);

    public static HttpRequestMessage Post(string key, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/orders") { Content = content };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    public static Held[] Allocations(JsonElement order) =>
        [.. order.GetProperty("allocations").EnumerateArray()
            .Select(a => new Held(a.GetProperty("nodeId").GetString()!, a.GetProperty("skuId").GetString()!, a.GetProperty("quantity").GetInt32()))
            .OrderBy(a => a.NodeId, StringComparer.Ordinal).ThenBy(a => a.SkuId, StringComparer.Ordinal)];

    /// <summary>Sends one order (or a retry of an earlier key) and files the answer; false once the server is gone.</summary>
    public async Task<bool> SendAsync(HttpClient http, string key, string body, CancellationToken cancellationToken)
    {
        Sent.TryAdd(key, body);
        HttpResponseMessage response;
        try
        {
            using var request = Post(key, body);
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return false; // killed mid-request: the outcome is unknown, the key stays in Sent
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
            var code = response.StatusCode == HttpStatusCode.Conflict ? JsonDocument.Parse(text).RootElement.GetProperty("code").GetString() : null;
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var order = JsonDocument.Parse(text).RootElement;
                var answer = (order.GetProperty("orderId").GetString()!, Allocations(order));
                if (!Acknowledged.TryAdd(key, answer) && (Acknowledged[key].OrderId != answer.Item1 || !Acknowledged[key].Allocations.SequenceEqual(answer.Item2)))
                    Breaches.Enqueue($"{key}: a second 201 answered another order or allocation: {text}");
                Interlocked.Increment(ref _created);
            }
            else if (response.StatusCode == HttpStatusCode.Conflict && code is "out-of-stock" or "idempotency-in-flight" or "order-abandoned")
            {
                if (code == "out-of-stock") Interlocked.Increment(ref _outOfStock);
                if (code != "idempotency-in-flight" && Acknowledged.ContainsKey(key))
                    Breaches.Enqueue($"{key}: acknowledged before, now answered {code}");
            }
            else
            {
                Breaches.Enqueue($"{key}: unexpected {(int)response.StatusCode} {text}");
            }
        }
        return true;
    }
}
