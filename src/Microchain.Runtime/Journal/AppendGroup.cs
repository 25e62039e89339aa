namespace Microchain.Runtime.Journal;

/// <summary>
/// Runs consecutive append requests of a batch as one unit: one read of all their stream heads, the version
/// checks in memory (each request sees the earlier ones of the group), one write of all rows that passed.
/// A conflict fails its request alone and writes nothing of it. Any storage error fails the unit: the writer
/// then rolls the transaction back and re-runs the batch request by request, each in its own savepoint.
/// The caller's transaction must exclude other writers (see <see cref="SqlJournalDialect.BeginWriteAsync"/>),
/// so the heads read here stay current until the commit. A request whose followed writes failed
/// (<see cref="TicketBook"/>) fails like a conflict, and its own failure is booked for the requests after it.
/// </summary>
internal sealed class AppendGroup
{
    private readonly Dictionary<string, long> heads = new(StringComparer.Ordinal);
    private readonly List<string> streamIds = [];
    private readonly AppendRows rows = new();

    /// <summary>Runs <c>batch[start..end)</c>, all <see cref="CommitRequest"/>s; sets conflicts into <paramref name="failures"/>.</summary>
    public async Task ExecuteAsync(
        WriteSession session,
        IReadOnlyList<WriteRequest> batch,
        int start,
        int end,
        Exception?[] failures,
        TicketBook book,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        heads.Clear();
        streamIds.Clear();
        rows.Clear();
        for (var i = start; i < end; i++)
        {
            foreach (var append in ((CommitRequest)batch[i]).Appends)
            {
                if (heads.TryAdd(append.StreamId, 0))
                {
                    streamIds.Add(append.StreamId);
                }
            }
        }

        await session.ReadHeadsAsync(streamIds, heads, cancellationToken).ConfigureAwait(false);
        for (var i = start; i < end; i++)
        {
            var request = (CommitRequest)batch[i];
            failures[i] = request.DependencyFailure(book) ?? request.Plan(heads, rows);
            if (failures[i] is not null)
            {
                book.Fail(request.Sequence);
            }
        }

        if (rows.EventCount > 0)
        {
            await session.InsertRowsAsync(rows, session.Dialect.ToDbTime(now), cancellationToken).ConfigureAwait(false);
        }
    }
}
