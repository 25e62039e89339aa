using System.Threading.Channels;

namespace Microchain.Runtime.Journal;

/// <summary>
/// The single writer of a journal instance, with group commit: it drains queued requests into one
/// transaction (one fsync), runs each inside its own savepoint so that a conflicting or failing request is
/// undone alone, commits, and only then completes the callers' tasks.
/// </summary>
internal sealed class JournalWriter : IAsyncDisposable
{
    /// <summary>Requests waiting for the writer; callers wait (back-pressure) when it is full.</summary>
    public const int QueueCapacity = 4_096;

    /// <summary>Requests in one transaction.</summary>
    public const int MaxBatchRequests = 512;

    /// <summary>UTF-8 data bytes in one transaction (a single larger request still runs alone).</summary>
    public const long MaxBatchBytes = 32L * 1024 * 1024;

    private const string Savepoint = "journal_request";

    private readonly SqlJournalDialect dialect;
    private readonly TimeProvider timeProvider;
    private readonly Channel<WriteRequest> queue = Channel.CreateBounded<WriteRequest>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private WriteSession? session;
    private Task? loop;

    public JournalWriter(SqlJournalDialect dialect, TimeProvider timeProvider)
    {
        this.dialect = dialect;
        this.timeProvider = timeProvider;
    }

    /// <summary>Creates or checks the schema on the writer connection, then starts the loop.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        session = await WriteSession.OpenAsync(dialect, cancellationToken).ConfigureAwait(false);
        await JournalSchema.EnsureAsync(session, cancellationToken).ConfigureAwait(false);
        loop = Task.Run(RunAsync, CancellationToken.None);
    }

    public async Task<T> SubmitAsync<T>(WriteRequest<T> request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        request.Register(cancellationToken);
        try
        {
            await queue.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw new ObjectDisposedException("The journal is disposed.", ex);
        }

        return await request.Task.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<WriteRequest>(MaxBatchRequests);
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            long bytes = 0;
            while (batch.Count < MaxBatchRequests && reader.TryPeek(out var next)
                   && (batch.Count == 0 || bytes + next.Bytes <= MaxBatchBytes))
            {
                reader.TryRead(out _);
                if (next.TryStart())
                {
                    batch.Add(next);
                    bytes += next.Bytes;
                }
            }

            if (batch.Count > 0)
            {
                await ExecuteBatchAsync(batch).ConfigureAwait(false);
            }
        }
    }

    private async Task ExecuteBatchAsync(List<WriteRequest> batch)
    {
        // A started request is not cancellable: its caller must learn whether it committed.
        var none = CancellationToken.None;
        var failures = new Exception?[batch.Count];
        try
        {
            session ??= await WriteSession.OpenAsync(dialect, none).ConfigureAwait(false);
            var now = JournalClock.Now(timeProvider);
            await using var transaction = await session.BeginAsync(none).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                await transaction.SaveAsync(Savepoint, none).ConfigureAwait(false);
                try
                {
                    await batch[i].ExecuteAsync(session, now, none).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // Any failure of one request is confined to it by its savepoint.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    // If the undo itself fails, the transaction is gone: the outer handler fails the batch.
                    await transaction.RollbackAsync(Savepoint, none).ConfigureAwait(false);
                    failures[i] = await batch[i].TranslateFailureAsync(session, ex, none).ConfigureAwait(false);
                }

                await transaction.ReleaseAsync(Savepoint, none).ConfigureAwait(false);
            }

            await transaction.CommitAsync(none).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The failure goes to every caller of the batch; the loop must survive it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Nothing of the batch is acknowledged. The connection may be broken: open a new one next time.
            foreach (var request in batch)
            {
                request.Fail(ex);
            }

            await DropSessionAsync().ConfigureAwait(false);
            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                batch[i].Fail(failure);
            }
            else
            {
                batch[i].Succeed();
            }
        }
    }

    private async Task DropSessionAsync()
    {
        if (session is { } broken)
        {
            session = null;
            try
            {
                await broken.DisposeAsync().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Closing a broken connection may fail too; it is discarded either way.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    /// <summary>Stops taking requests, finishes the queued ones, closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        await DropSessionAsync().ConfigureAwait(false);
    }
}
