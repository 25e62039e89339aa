using Microchain.Runtime.Journal;

namespace Microchain.Server.Webhooks;

public sealed record DeliveryAttemptView(int Attempt, DateTimeOffset At, int? StatusCode, string? Error);

/// <summary>One message's delivery to one subscription, as the log shows it.</summary>
/// <param name="Status">pending, delivered or failed (given up after the last attempt).</param>
public sealed record DeliveryView(
    string DeliveryId,
    long MessageId,
    string Topic,
    string Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<DeliveryAttemptView> History);

/// <summary>A delivery folded from its subscription's delivery stream.</summary>
internal sealed class DeliveryRecord(string tenant, string subscriptionId, DeliveryScheduled scheduled)
{
    private readonly List<DeliveryAttemptView> _history = [];

    public string Tenant { get; } = tenant;
    public string SubscriptionId { get; } = subscriptionId;
    public DeliveryScheduled Scheduled { get; } = scheduled;
    public string Status { get; private set; } = DeliveryOutcome.Pending;
    public DateTimeOffset? NextAttemptAt { get; private set; } = scheduled.At;
    public DateTimeOffset? DeliveredAt { get; private set; }
    public int Attempts => _history.Count;

    public void Apply(DeliveryAttempted attempted)
    {
        _history.Add(new DeliveryAttemptView(attempted.Attempt, attempted.At, attempted.StatusCode, attempted.Error));
        Status = attempted.Outcome;
        NextAttemptAt = attempted.NextAttemptAt;
        if (attempted.Outcome == DeliveryOutcome.Delivered) DeliveredAt = attempted.At;
    }

    public DeliveryView ToView()
    {
        var last = _history.Count == 0 ? null : _history[^1];
        return new DeliveryView(Scheduled.DeliveryId, Scheduled.MessageId, Scheduled.Topic, Status, Attempts, last?.StatusCode, last?.Error,
            Scheduled.At, NextAttemptAt, DeliveredAt, [.. _history]);
    }
}

/// <summary>Reads a subscription's delivery stream.</summary>
public static class DeliveryLog
{
    /// <summary>A subscription's deliveries, newest first.</summary>
    public static async Task<IReadOnlyList<DeliveryView>> ReadViewsAsync(
        IEventJournal journal, string tenant, string subscriptionId, CancellationToken cancellationToken)
    {
        var (deliveries, _) = await ReadAsync(journal, tenant, subscriptionId, cancellationToken).ConfigureAwait(false);
        return [.. deliveries.Reverse().Select(d => d.ToView())];
    }

    /// <summary>All deliveries of a subscription in the order they were scheduled, and the stream's version.</summary>
    internal static async Task<(IReadOnlyList<DeliveryRecord> Deliveries, long Version)> ReadAsync(
        IEventJournal journal, string tenant, string subscriptionId, CancellationToken cancellationToken)
    {
        var events = await journal.ReadAsync(WebhookStreams.Deliveries(tenant, subscriptionId), 1, cancellationToken).ConfigureAwait(false);
        var records = new List<DeliveryRecord>();
        var byId = new Dictionary<string, DeliveryRecord>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            switch (WebhookJson.Read(e))
            {
                case DeliveryScheduled s:
                    var record = new DeliveryRecord(tenant, subscriptionId, s);
                    records.Add(record);
                    byId[s.DeliveryId] = record;
                    break;
                case DeliveryAttempted a:
                    byId[a.DeliveryId].Apply(a);
                    break;
            }
        }

        return (records, events.Count == 0 ? 0 : events[^1].Version);
    }
}
