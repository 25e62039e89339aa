using System.Data.Common;

namespace Microchain.Runtime.Journal;

/// <summary>
/// The journal over a SQL store. Writes go through one <see cref="JournalWriter"/> (group commit); reads use
/// their own pooled connections and see every acknowledged write.
/// </summary>
public abstract class SqlEventJournal : IEventJournal
{
    private static readonly IReadOnlyList<OutboxMessage> NoOutbox = [];

    private readonly SqlJournalDialect dialect;
    private readonly JournalWriter writer;
    private readonly ReadSessionPool sessions;
    private int disposed;

    private protected SqlEventJournal(SqlJournalDialect dialect, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.dialect = dialect;
        writer = new JournalWriter(dialect, timeProvider);
        sessions = new ReadSessionPool(dialect);
    }

    private protected Task StartAsync(CancellationToken cancellationToken) => writer.StartAsync(cancellationToken);

    public Task<long> AppendAsync(
        string streamId,
        long expectedVersion,
        IReadOnlyList<EventData> events,
        CancellationToken cancellationToken) =>
        AppendAsync(streamId, expectedVersion, events, NoOutbox, cancellationToken);

    public Task<long> AppendAsync(
        string streamId,
        long expectedVersion,
        IReadOnlyList<EventData> events,
        IReadOnlyList<OutboxMessage> outbox,
        CancellationToken cancellationToken) =>
        AppendAsync(streamId, expectedVersion, events, outbox, [], cancellationToken);

    public async Task<long> AppendAsync(
        string streamId,
        long expectedVersion,
        IReadOnlyList<EventData> events,
        IReadOnlyList<OutboxMessage> outbox,
        IReadOnlyList<JournalTicket> after,
        CancellationToken cancellationToken)
    {
        var request = Commit([new StreamAppend(streamId, expectedVersion, events)], outbox, Sequences(after));
        var versions = await writer.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        return versions[0];
    }

    public async Task<QueuedAppend> QueueAppendAsync(
        string streamId,
        long expectedVersion,
        IReadOnlyList<EventData> events,
        CancellationToken cancellationToken)
    {
        var request = Commit([new StreamAppend(streamId, expectedVersion, events)], NoOutbox, []);
        await writer.EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
        return new QueuedAppend(new JournalTicket(writer.Id, request.Sequence), FirstVersionAsync(request.Task));
    }

    public Guid WriterId => writer.Id;

    /// <summary>
    /// Whether the last journal writer thread started in this process runs at raised scheduling priority (see the
    /// docs on the writer); null before any started.
    /// </summary>
    public static bool? WriterPriorityRaised => WriterPriority.Raised;

    public async Task<IReadOnlyList<long>> AppendManyAsync(
        IReadOnlyList<StreamAppend> appends,
        IReadOnlyList<OutboxMessage> outbox,
        CancellationToken cancellationToken) =>
        await writer.SubmitAsync(Commit(appends, outbox, []), cancellationToken).ConfigureAwait(false);

    private CommitRequest Commit(IReadOnlyList<StreamAppend> appends, IReadOnlyList<OutboxMessage> outbox, long[] after)
    {
        ArgumentNullException.ThrowIfNull(appends);
        ArgumentNullException.ThrowIfNull(outbox);

        // Copies: what was validated is what gets written, even if the caller reuses its lists.
        StreamAppend[] owned = [.. appends.Select(a => a is null ? null! : a with { Events = a.Events is null ? null! : [.. a.Events] })];
        OutboxMessage[] ownedOutbox = [.. outbox];
        var bytes = AppendValidation.Check(owned, ownedOutbox);
        ThrowIfDisposed();
        return new CommitRequest(owned, ownedOutbox, after) { Bytes = bytes };
    }

    private long[] Sequences(IReadOnlyList<JournalTicket> after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var sequences = new long[after.Count];
        for (var i = 0; i < after.Count; i++)
        {
            if (after[i].Writer != writer.Id)
            {
                throw new ArgumentException($"Ticket {after[i].Sequence} was issued by another journal writer; only this journal's tickets can be followed.", nameof(after));
            }

            sequences[i] = after[i].Sequence;
        }

        return sequences;
    }

    private static async Task<long> FirstVersionAsync(Task<long[]> versions) => (await versions.ConfigureAwait(false))[0];

    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(
        string streamId,
        long fromVersion,
        int maxCount,
        CancellationToken cancellationToken)
    {
        JournalValidation.StreamId(streamId, nameof(streamId));
        ArgumentOutOfRangeException.ThrowIfLessThan(fromVersion, 1);
        JournalValidation.Count(maxCount, JournalLimits.MaxReadCount, nameof(maxCount));
        return await WithSessionAsync(
            (streamId, fromVersion, maxCount),
            static (journal, session, args, token) =>
            {
                var command = session.Command(JournalSql.ReadStream);
                ReadSession.Bind(command, "@stream", args.streamId);
                ReadSession.Bind(command, "@from", args.fromVersion);
                ReadSession.Bind(command, "@max", args.maxCount);
                return journal.QueryEventsAsync(command, args.maxCount, token);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<GlobalPage> ReadGlobalAsync(long afterPosition, int maxCount, string streamPrefix, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        JournalValidation.Count(maxCount, JournalLimits.MaxReadCount, nameof(maxCount));
        ArgumentNullException.ThrowIfNull(streamPrefix);
        if (streamPrefix.Length > JournalLimits.MaxStreamIdLength)
            throw new ArgumentException($"A stream prefix must be at most {JournalLimits.MaxStreamIdLength} characters.", nameof(streamPrefix));
        return await WithSessionAsync(
            (afterPosition, maxCount, streamPrefix),
            static async (journal, session, args, token) =>
            {
                var head = Convert.ToInt64(await session.Command(JournalSql.LastPosition).ExecuteScalarAsync(token).ConfigureAwait(false),
                    System.Globalization.CultureInfo.InvariantCulture);
                if (head <= args.afterPosition) return new GlobalPage([], args.afterPosition);
                var command = session.Command(JournalSql.ReadGlobalWithPrefix);
                ReadSession.Bind(command, "@after", args.afterPosition);
                ReadSession.Bind(command, "@head", head);
                ReadSession.Bind(command, "@length", args.streamPrefix.EnumerateRunes().Count()); // both stores count code points
                ReadSession.Bind(command, "@prefix", args.streamPrefix);
                ReadSession.Bind(command, "@max", args.maxCount);
                var events = await journal.QueryEventsAsync(command, args.maxCount, token).ConfigureAwait(false);
                return new GlobalPage(events, events.Count == args.maxCount ? events[^1].Position : head);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task SaveSnapshotAsync(string streamId, long version, string type, string data, CancellationToken cancellationToken)
    {
        JournalValidation.StreamId(streamId, nameof(streamId));
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        JournalValidation.Name(type, nameof(type));
        var bytes = JournalValidation.Data(data, JournalLimits.MaxSnapshotDataBytes, nameof(data));
        ThrowIfDisposed();
        await writer.SubmitAsync(new SnapshotRequest(streamId, version, type, data) { Bytes = bytes }, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<StoredSnapshot?> LoadSnapshotAsync(string streamId, CancellationToken cancellationToken)
    {
        JournalValidation.StreamId(streamId, nameof(streamId));
        return await WithSessionAsync(
            streamId,
            static async (journal, session, stream, token) =>
            {
                var command = session.Command(JournalSql.LoadSnapshot);
                ReadSession.Bind(command, "@stream", stream);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                if (!await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    return null;
                }

                return new StoredSnapshot(
                    reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), journal.dialect.ReadTime(reader, 4));
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredOutboxMessage>> ReadOutboxAsync(int maxCount, CancellationToken cancellationToken)
    {
        JournalValidation.Count(maxCount, JournalLimits.MaxReadCount, nameof(maxCount));
        return await WithSessionAsync(
            maxCount,
            static async (journal, session, max, token) =>
            {
                var command = session.Command(JournalSql.ReadOutbox);
                ReadSession.Bind(command, "@max", max);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var messages = new List<StoredOutboxMessage>(Math.Min(max, 128));
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    messages.Add(new StoredOutboxMessage(
                        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), journal.dialect.ReadTime(reader, 3)));
                }

                return (IReadOnlyList<StoredOutboxMessage>)messages;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task MarkOutboxDeliveredAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        JournalValidation.Count(ids.Count, JournalLimits.MaxReadCount, nameof(ids));
        ThrowIfDisposed();
        await writer.SubmitAsync(new MarkDeliveredRequest([.. ids]), cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> LastOutboxIdAsync(CancellationToken cancellationToken) =>
        await WithSessionAsync(
            0,
            static async (_, session, _, token) =>
                Convert.ToInt64(await session.Command(JournalSql.LastOutboxId).ExecuteScalarAsync(token).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture),
            cancellationToken).ConfigureAwait(false);

    public async Task MarkOutboxDeliveredThroughAsync(long lastId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lastId);
        ThrowIfDisposed();
        await writer.SubmitAsync(new MarkDeliveredThroughRequest(lastId), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await writer.DisposeAsync().ConfigureAwait(false);
        await sessions.DisposeAsync().ConfigureAwait(false);
        await dialect.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);

    /// <summary>Runs a read on a rented session; a session whose read failed is closed, not reused.</summary>
    private async Task<T> WithSessionAsync<TState, T>(
        TState state,
        Func<SqlEventJournal, ReadSession, TState, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        var session = await sessions.RentAsync(cancellationToken).ConfigureAwait(false);
        T result;
        try
        {
            result = await read(this, session, state, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ReadSessionPool.DiscardAsync(session).ConfigureAwait(false);
            throw;
        }

        await sessions.ReturnAsync(session).ConfigureAwait(false);
        return result;
    }

    private async Task<IReadOnlyList<StoredEvent>> QueryEventsAsync(DbCommand command, int maxCount, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<StoredEvent>(Math.Min(maxCount, 8)); // most reads are of a short stream or of none
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new StoredEvent(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetString(3),
                dialect.ReadTime(reader, 4),
                reader.GetInt64(5)));
        }

        return events;
    }
}
