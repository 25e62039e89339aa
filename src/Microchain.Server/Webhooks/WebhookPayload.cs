using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microchain.Runtime.Journal;

namespace Microchain.Server.Webhooks;

/// <summary>What a receiver gets: the JSON body and how it is signed.</summary>
public static class WebhookPayload
{
    public const string SignatureHeader = "Microchain-Signature";
    public const string EventHeader = "Microchain-Event";
    public const string DeliveryHeader = "Microchain-Delivery";

    /// <summary>Stable per message and subscription: every retry, and a re-send after a restart, carries the same id.</summary>
    public static string DeliveryId(string subscriptionId, long messageId) => FormattableString.Invariant($"{subscriptionId}_{messageId}");

    /// <summary>Longest tenant name a message may carry: it becomes part of journal stream ids.</summary>
    public const int MaxTenantLength = 100;

    /// <summary>
    /// The tenant an outbox message belongs to (its data's "tenant"), or null if it names no usable one. A message
    /// that cannot be delivered is skipped rather than retried, so it cannot stall the outbox.
    /// </summary>
    public static string? TenantOf(string data)
    {
        try
        {
            using var document = JsonDocument.Parse(data);
            var tenant = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("tenant", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
            return tenant is { Length: > 0 and <= MaxTenantLength } && !tenant.Contains('/', StringComparison.Ordinal) ? tenant : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>{"id", "event", "messageId", "createdAt", "data"}: data is the outbox message's JSON as written.</summary>
    public static string Body(string deliveryId, StoredOutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", deliveryId);
            writer.WriteString("event", message.Topic);
            writer.WriteNumber("messageId", message.Id);
            writer.WriteString("createdAt", message.RecordedAt);
            writer.WritePropertyName("data");
            writer.WriteRawValue(message.Data);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body" keyed by the secret's UTF-8 bytes&gt;.</summary>
    public static string Signature(string secret, long unixSeconds, string body)
    {
        var t = unixSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
