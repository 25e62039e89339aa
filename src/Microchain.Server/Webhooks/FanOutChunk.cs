using System.Text;
using Microchain.Runtime.Journal;

namespace Microchain.Server.Webhooks;

/// <summary>
/// The fan-out of consecutive outbox messages gathered into one atomic append, within the journal's limits on
/// streams, events and bytes per append. A message is never split across chunks, so "message k is scheduled"
/// means all its deliveries are.
/// </summary>
internal sealed class FanOutChunk
{
    private readonly Dictionary<string, List<EventData>> _streams = new(StringComparer.Ordinal);
    private readonly List<PendingDelivery> _deliveries = [];
    private int _events;
    private long _bytes;

    public bool IsEmpty => _deliveries.Count == 0;

    /// <summary>The highest outbox id in the chunk: once it is committed, every message up to it is scheduled.</summary>
    public long LastMessageId { get; private set; }

    public IReadOnlyList<PendingDelivery> Deliveries => _deliveries;

    public IEnumerable<(string StreamId, IReadOnlyList<EventData> Events)> Streams => _streams.Select(s => (s.Key, (IReadOnlyList<EventData>)s.Value));

    /// <summary>The events that schedule one message, and whether they fit in a single append at all.</summary>
    public static (IReadOnlyList<(PendingDelivery Delivery, string StreamId, EventData Event)> Items, long Bytes, bool Storable) Prepare(
        string tenant, StoredOutboxMessage message, IReadOnlyList<WebhookSubscription> subscriptions, DateTimeOffset now)
    {
        var items = subscriptions.Select(s =>
        {
            var id = WebhookPayload.DeliveryId(s.Id, message.Id);
            var scheduled = new DeliveryScheduled(id, message.Id, message.Topic, WebhookPayload.Body(id, message), now);
            return (new PendingDelivery(tenant, s.Id, scheduled, 0, now), WebhookStreams.Deliveries(tenant, s.Id), WebhookJson.Event(scheduled));
        }).ToArray();
        var bytes = items.Sum(x => (long)Encoding.UTF8.GetByteCount(x.Item3.Data));
        var storable = items.Length <= JournalLimits.MaxStreamsPerAppend && bytes <= JournalLimits.MaxAppendBytes
            && items.All(x => Encoding.UTF8.GetByteCount(x.Item3.Data) <= JournalLimits.MaxEventDataBytes);
        return (items, bytes, storable);
    }

    public bool Fits(IReadOnlyList<(PendingDelivery Delivery, string StreamId, EventData Event)> items, long bytes) =>
        _streams.Count + items.Count(x => !_streams.ContainsKey(x.StreamId)) <= JournalLimits.MaxStreamsPerAppend
        && _events + items.Count <= JournalLimits.MaxEventsPerAppend
        && _bytes + bytes <= JournalLimits.MaxAppendBytes;

    public void Add(long messageId, IReadOnlyList<(PendingDelivery Delivery, string StreamId, EventData Event)> items, long bytes)
    {
        foreach (var (delivery, streamId, e) in items)
        {
            if (!_streams.TryGetValue(streamId, out var events)) _streams[streamId] = events = [];
            events.Add(e);
            _deliveries.Add(delivery);
        }

        _events += items.Count;
        _bytes += bytes;
        LastMessageId = messageId;
    }
}
