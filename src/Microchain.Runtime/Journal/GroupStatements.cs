using System.Data.Common;

namespace Microchain.Runtime.Journal;

/// <summary>
/// A store's set-based statements for <see cref="AppendGroup"/>: all heads in one round trip, all rows in one.
/// A store without them (SQLite, in-process) runs the single-row statements in a loop instead.
/// </summary>
internal abstract class GroupStatements : IAsyncDisposable
{
    /// <summary>
    /// Sets <c>heads[id]</c> to each stream's current version (0 if it has no events). With
    /// <paramref name="takeLock"/>, first takes the writer exclusion in the same round trip, as a statement of
    /// its own, so that the heads are read after it.
    /// </summary>
    public abstract Task ReadHeadsAsync(
        IReadOnlyList<string> streamIds,
        Dictionary<string, long> heads,
        DbTransaction transaction,
        bool takeLock,
        CancellationToken cancellationToken);

    /// <summary>Inserts the events, then the outbox messages, each in row order.</summary>
    public abstract Task InsertAsync(AppendRows rows, object at, DbTransaction transaction, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
