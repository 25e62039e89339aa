namespace Microchain.Runtime.Journal;

/// <summary>
/// An append-only, durable event journal with optimistic concurrency per stream, snapshots, a global
/// read position for projections and a transactional outbox.
/// <para>
/// An append is acknowledged when its task completes successfully: its events (and outbox messages) are
/// then committed and flushed to stable storage, and every later read sees them. An append that throws
/// <see cref="JournalConcurrencyException"/> or <see cref="ArgumentException"/> wrote nothing. Any other
/// exception (storage failure) leaves the outcome unknown: read the stream before retrying.
/// </para>
/// </summary>
public interface IEventJournal : IAsyncDisposable
{
    /// <summary>Appends events to one stream; returns the stream's new version.</summary>
    /// <param name="expectedVersion">The stream's current version; 0 for a new stream.</param>
    Task<long> AppendAsync(
        string streamId,
        long expectedVersion,
        IReadOnlyList<EventData> events,
        CancellationToken cancellationToken);

    /// <summary>Appends events to one stream and writes outbox messages in the same transaction.</summary>
    Task<long> AppendAsync(
        string streamId,
        long expectedVersion,
        IReadOnlyList<EventData> events,
        IReadOnlyList<OutboxMessage> outbox,
        CancellationToken cancellationToken);

    /// <summary>
    /// Appends events and outbox messages to one stream after the writes named by <paramref name="after"/>: if any of
    /// them failed, throws <see cref="JournalDependencyException"/> and writes nothing. Completing acknowledges this
    /// append and every write it follows (see <see cref="JournalTicket"/>).
    /// </summary>
    /// <param name="after">Tickets of this journal's writer (<see cref="WriterId"/>), issued before this call.</param>
    Task<long> AppendAsync(
        string streamId,
        long expectedVersion,
        IReadOnlyList<EventData> events,
        IReadOnlyList<OutboxMessage> outbox,
        IReadOnlyList<JournalTicket> after,
        CancellationToken cancellationToken);

    /// <summary>
    /// Queues an append and returns as soon as it is queued, before it is durable: its ticket, which later appends
    /// through this journal can follow, and a task that completes as <see cref="AppendAsync(string, long, IReadOnlyList{EventData}, CancellationToken)"/>
    /// would. Appends to one stream queued one after another may each expect the version the previous one leads to.
    /// </summary>
    Task<QueuedAppend> QueueAppendAsync(
        string streamId,
        long expectedVersion,
        IReadOnlyList<EventData> events,
        CancellationToken cancellationToken);

    /// <summary>The identity of this journal's writer: the tickets it issues mean nothing to another journal.</summary>
    Guid WriterId { get; }

    /// <summary>
    /// Appends to several distinct streams and writes outbox messages in one transaction: all or nothing.
    /// Returns each stream's new version in the order given. If any stream's expected version is wrong,
    /// throws <see cref="JournalConcurrencyException"/> naming the first such stream and writes nothing.
    /// </summary>
    Task<IReadOnlyList<long>> AppendManyAsync(
        IReadOnlyList<StreamAppend> appends,
        IReadOnlyList<OutboxMessage> outbox,
        CancellationToken cancellationToken);

    /// <summary>Reads up to <paramref name="maxCount"/> events of a stream from a version on, in version order.</summary>
    /// <param name="fromVersion">The first version to return (1 for the whole stream).</param>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(
        string streamId,
        long fromVersion,
        int maxCount,
        CancellationToken cancellationToken);

    /// <summary>
    /// Reads up to <paramref name="maxCount"/> events, in position order, of the streams whose id starts with
    /// <paramref name="streamPrefix"/> (ordinal; "" for every stream), with a position above
    /// <paramref name="afterPosition"/>; events of other streams are skipped by the store, never read into memory.
    /// The page's <see cref="GlobalPage.ScannedThrough"/> is where to resume: every matching event up to it is in the
    /// page, so a reader that resumes there never misses a committed event.
    /// </summary>
    Task<GlobalPage> ReadGlobalAsync(
        long afterPosition,
        int maxCount,
        string streamPrefix,
        CancellationToken cancellationToken);

    /// <summary>
    /// Saves a snapshot of a stream at <paramref name="version"/> (at most the stream's current version).
    /// A snapshot older than the one stored is ignored, so the latest always wins.
    /// </summary>
    Task SaveSnapshotAsync(
        string streamId,
        long version,
        string type,
        string data,
        CancellationToken cancellationToken);

    /// <summary>Loads the latest snapshot of a stream, or null if it has none.</summary>
    Task<StoredSnapshot?> LoadSnapshotAsync(string streamId, CancellationToken cancellationToken);

    /// <summary>Reads up to <paramref name="maxCount"/> undelivered outbox messages, oldest first.</summary>
    Task<IReadOnlyList<StoredOutboxMessage>> ReadOutboxAsync(int maxCount, CancellationToken cancellationToken);

    /// <summary>Marks outbox messages delivered so that <see cref="ReadOutboxAsync"/> no longer returns them.</summary>
    Task MarkOutboxDeliveredAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>The highest outbox message id ever written (delivered or not); 0 when there is none.</summary>
    Task<long> LastOutboxIdAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Marks every undelivered outbox message with an id up to <paramref name="lastId"/> delivered, without reading
    /// them: for a consumer that has nothing to deliver them to.
    /// </summary>
    Task MarkOutboxDeliveredThroughAsync(long lastId, CancellationToken cancellationToken);
}
