using System.Text.Encodings.Web;
using System.Text.Json;
using Microchain.Runtime.Journal;

namespace Microchain.Server.Webhooks;

/// <summary>A tenant subscribed an endpoint; the secret is kept because every delivery is signed with it.</summary>
internal sealed record WebhookSubscribed(string Id, string Url, IReadOnlyList<string> Events, string Secret, DateTimeOffset At);

internal sealed record WebhookDeleted(string Id, DateTimeOffset At);

internal sealed record WebhookTenantAdded(string Tenant, DateTimeOffset At);

/// <summary>An outbox message was fanned out to one subscription; <paramref name="Body"/> is exactly what every attempt POSTs.</summary>
internal sealed record DeliveryScheduled(string DeliveryId, long MessageId, string Topic, string Body, DateTimeOffset At);

/// <summary>One POST and its outcome: <see cref="DeliveryOutcome"/> says whether it is done or when it is tried again.</summary>
internal sealed record DeliveryAttempted(
    string DeliveryId, int Attempt, int? StatusCode, string? Error, string Outcome, DateTimeOffset At, DateTimeOffset? NextAttemptAt);

public static class DeliveryOutcome
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}

/// <summary>How webhook events are written to and read from the journal.</summary>
internal static class WebhookJson
{
    // Bodies are stored as JSON strings: relaxed escaping keeps them near their own size (they never reach HTML).
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static EventData Event<T>(T e) where T : notnull => new(typeof(T).Name, JsonSerializer.Serialize(e, Options));

    public static object? Read(StoredEvent e) => e.Type switch
    {
        nameof(WebhookSubscribed) => JsonSerializer.Deserialize<WebhookSubscribed>(e.Data, Options),
        nameof(WebhookDeleted) => JsonSerializer.Deserialize<WebhookDeleted>(e.Data, Options),
        nameof(WebhookTenantAdded) => JsonSerializer.Deserialize<WebhookTenantAdded>(e.Data, Options),
        nameof(DeliveryScheduled) => JsonSerializer.Deserialize<DeliveryScheduled>(e.Data, Options),
        nameof(DeliveryAttempted) => JsonSerializer.Deserialize<DeliveryAttempted>(e.Data, Options),
        _ => throw new InvalidOperationException($"unknown webhook event type '{e.Type}' in stream {e.StreamId}"),
    };
}
