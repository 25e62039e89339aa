using Microchain.Runtime.Journal;

namespace Microchain.Server.Tests.Webhooks;

/// <summary>A journal whose first <see cref="MarkOutboxDeliveredAsync"/> fails as a storage error would: the crash window between fan-out and mark.</summary>
internal sealed class FailingMarkJournal(IEventJournal inner) : IEventJournal
{
    private int _marks;

    public int FailedMarks { get; private set; }

    public Task MarkOutboxDeliveredAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _marks) > 1) return inner.MarkOutboxDeliveredAsync(ids, cancellationToken);
        FailedMarks++;
        throw new IOException("storage failed while marking the outbox");
    }

    public Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken) =>
        inner.AppendAsync(streamId, expectedVersion, events, cancellationToken);

    public Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken) =>
        inner.AppendAsync(streamId, expectedVersion, events, outbox, cancellationToken);

    public Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, IReadOnlyList<OutboxMessage> outbox, IReadOnlyList<JournalTicket> after, CancellationToken cancellationToken) =>
        inner.AppendAsync(streamId, expectedVersion, events, outbox, after, cancellationToken);

    public Task<QueuedAppend> QueueAppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken) =>
        inner.QueueAppendAsync(streamId, expectedVersion, events, cancellationToken);

    public Guid WriterId => inner.WriterId;

    public Task<long> LastOutboxIdAsync(CancellationToken cancellationToken) => inner.LastOutboxIdAsync(cancellationToken);

    public Task MarkOutboxDeliveredThroughAsync(long lastId, CancellationToken cancellationToken) =>
        inner.MarkOutboxDeliveredThroughAsync(lastId, cancellationToken);

    public Task<IReadOnlyList<long>> AppendManyAsync(IReadOnlyList<StreamAppend> appends, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken) =>
        inner.AppendManyAsync(appends, outbox, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(string streamId, long fromVersion, int maxCount, CancellationToken cancellationToken) =>
        inner.ReadAsync(streamId, fromVersion, maxCount, cancellationToken);

    public Task<GlobalPage> ReadGlobalAsync(long afterPosition, int maxCount, string streamPrefix, CancellationToken cancellationToken) =>
        inner.ReadGlobalAsync(afterPosition, maxCount, streamPrefix, cancellationToken);

    public Task SaveSnapshotAsync(string streamId, long version, string type, string data, CancellationToken cancellationToken) =>
        inner.SaveSnapshotAsync(streamId, version, type, data, cancellationToken);

    public Task<StoredSnapshot?> LoadSnapshotAsync(string streamId, CancellationToken cancellationToken) =>
        inner.LoadSnapshotAsync(streamId, cancellationToken);

    public Task<IReadOnlyList<StoredOutboxMessage>> ReadOutboxAsync(int maxCount, CancellationToken cancellationToken) =>
        inner.ReadOutboxAsync(maxCount, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
