namespace Microchain.Runtime.Journal;

/// <summary>
/// Appends to one or more streams plus outbox messages, all or nothing; result: new versions. It may follow other
/// writes of the same writer (<paramref name="after"/>, their sequences): if one of them failed, so does this one.
/// </summary>
internal sealed class CommitRequest(IReadOnlyList<StreamAppend> appends, IReadOnlyList<OutboxMessage> outbox, long[] after)
    : WriteRequest<long[]>
{
    public IReadOnlyList<StreamAppend> Appends => appends;

    public override Exception? DependencyFailure(TicketBook book) =>
        after.Length > 0 && book.AnyFailed(after) ? new JournalDependencyException() : null;

    /// <summary>
    /// The grouped path: checks the request against <paramref name="heads"/> (the group's view of every stream,
    /// including the earlier requests of the group) and, if it passes, adds its rows and advances the heads.
    /// Returns the conflict instead of throwing, so a conflicting request adds nothing and the group goes on.
    /// </summary>
    public JournalConcurrencyException? Plan(Dictionary<string, long> heads, AppendRows rows)
    {
        foreach (var append in appends)
        {
            var head = heads[append.StreamId];
            if (head != append.ExpectedVersion)
            {
                return new JournalConcurrencyException(append.StreamId, append.ExpectedVersion, head);
            }
        }

        var versions = new long[appends.Count];
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i];
            var version = append.ExpectedVersion;
            foreach (var e in append.Events)
            {
                rows.AddEvent(append.StreamId, ++version, e);
            }

            heads[append.StreamId] = version;
            versions[i] = version;
        }

        foreach (var message in outbox)
        {
            rows.AddOutbox(message);
        }

        Result = versions;
        return null;
    }

    public override async Task ExecuteAsync(WriteSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Check every stream before writing anything: a conflict then needs no undo.
        foreach (var append in appends)
        {
            var head = await session.ReadHeadAsync(append.StreamId, cancellationToken).ConfigureAwait(false);
            if (head != append.ExpectedVersion)
            {
                throw new JournalConcurrencyException(append.StreamId, append.ExpectedVersion, head);
            }
        }

        var at = session.Dialect.ToDbTime(now);
        var versions = new long[appends.Count];
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i];
            var version = append.ExpectedVersion;
            foreach (var e in append.Events)
            {
                version++;
                // The unique (stream_id, version) key is the database's own guard against a lost update.
                await session.InsertEventAsync(append.StreamId, version, e.Type, e.Data, at, cancellationToken).ConfigureAwait(false);
            }

            versions[i] = version;
        }

        foreach (var message in outbox)
        {
            await session.InsertOutboxAsync(message.Topic, message.Data, at, cancellationToken).ConfigureAwait(false);
        }

        Result = versions;
    }

    public override async Task<Exception> TranslateFailureAsync(
        WriteSession session,
        Exception failure,
        CancellationToken cancellationToken)
    {
        if (!session.Dialect.IsUniqueViolation(failure))
        {
            return failure;
        }

        // Another writer got in between the check and the insert: report the stream that moved.
        foreach (var append in appends)
        {
            var head = await session.ReadHeadAsync(append.StreamId, cancellationToken).ConfigureAwait(false);
            if (head != append.ExpectedVersion)
            {
                return new JournalConcurrencyException(append.StreamId, append.ExpectedVersion, head);
            }
        }

        return new JournalConcurrencyException(appends[0].StreamId, appends[0].ExpectedVersion, appends[0].ExpectedVersion);
    }
}
