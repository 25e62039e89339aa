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
        ArgumentNullException.ThrowIfNull(data);
        var rented = ArrayPool<byte>.Shared.Rent(StrictUtf8.GetMaxByteCount(data.Length));
        try
        {
            var tenant = TenantOf(rented.AsSpan(0, StrictUtf8.GetBytes(data, rented)));
            return tenant is { Length: > 0 and <= MaxTenantLength } && !tenant.Contains('/', StringComparison.Ordinal) ? tenant : null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // One forward pass without building a document; like JsonDocument it validates the whole text, and of duplicate
    // "tenant" properties the last one counts.
    private static string? TenantOf(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            while (reader.Read()) { } // still throws on malformed text, as parsing a document would
            return null;
        }

        string? tenant = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                var isTenant = reader.ValueTextEquals("tenant"u8);
                reader.Read();
                if (isTenant) tenant = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
            }
        }

        return tenant;
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
