namespace Microchain.Runtime.Journal;

/// <summary>
/// Idle read sessions of a journal, at most <see cref="SqlJournalDialect.MaxIdleReadSessions"/>. A read rents one
/// (or opens one when none is idle) and returns it afterwards; a session beyond the limit, one whose read failed,
/// or one returned after disposal is closed instead. Thread-safe.
/// </summary>
internal sealed class ReadSessionPool(SqlJournalDialect dialect) : IAsyncDisposable
{
    private readonly Stack<ReadSession> _idle = new();
    private readonly Lock _lock = new();
    private bool _disposed;

    public async ValueTask<ReadSession> RentAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryPop(out var idle))
            {
                return idle;
            }
        }

        var connection = await dialect.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        return new ReadSession(connection);
    }

    /// <summary>Gives a session back after a read that completed; after a failed read, call <see cref="DiscardAsync"/>.</summary>
    public ValueTask ReturnAsync(ReadSession session)
    {
        lock (_lock)
        {
            if (!_disposed && _idle.Count < dialect.MaxIdleReadSessions)
            {
                _idle.Push(session);
                return ValueTask.CompletedTask;
            }
        }

        return session.DisposeAsync();
    }

    /// <summary>Closes a session whose read failed: its connection or statements may be in any state.</summary>
    public static ValueTask DiscardAsync(ReadSession session) => session.DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        ReadSession[] idle;
        lock (_lock)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (var session in idle)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }
}
