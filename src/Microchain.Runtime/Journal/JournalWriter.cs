using System.Threading.Channels;

namespace Microchain.Runtime.Journal;

/// <summary>
/// The single writer of a journal instance, on a thread of its own (<see cref="WriterPriority"/>), with group
/// commit: it drains queued requests into one
/// transaction (one fsync), commits, and only then completes the callers' tasks. Appends run as a group
/// (<see cref="AppendGroup"/>: set-based reads and inserts, conflicts decided in memory); if a storage step of
/// the group fails, the batch is re-run with each request inside its own savepoint, so that a failing request
/// is undone alone. Every request gets a sequence number when queued; a request that follows others (see
/// <see cref="JournalTicket"/>) fails when one of them did, which <see cref="TicketBook"/> remembers.
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

    private readonly AppendGroup group = new();
    private readonly TicketBook book;
    private long lastSequence;

    private WriteSession? session;
    private Task? loop;

    public JournalWriter(SqlJournalDialect dialect, TimeProvider timeProvider)
    {
        this.dialect = dialect;
        this.timeProvider = timeProvider;
        book = new TicketBook(() => Volatile.Read(ref lastSequence));
    }

    /// <summary>This writer's identity: its tickets mean nothing to another writer.</summary>
    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>Creates or checks the schema on the writer connection, then starts the loop.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        session = await WriteSession.OpenAsync(dialect, cancellationToken).ConfigureAwait(false);
        await JournalSchema.EnsureAsync(session, cancellationToken).ConfigureAwait(false);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            WriterPriority.TryRaiseCurrentThread();
            Run();
            stopped.SetResult();
        })
        {
            IsBackground = true,
            Name = "journal-writer",
        };
        thread.Start();
        loop = stopped.Task;
    }

    public async Task<T> SubmitAsync<T>(WriteRequest<T> request, CancellationToken cancellationToken)
    {
        await EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
        return await request.Task.ConfigureAwait(false);
    }

    /// <summary>Numbers the request and queues it; returns once it is queued (its task tells the outcome).</summary>
    public async Task EnqueueAsync<T>(WriteRequest<T> request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        request.Sequence = Interlocked.Increment(ref lastSequence);
        request.Register(cancellationToken);
        try
        {
            await queue.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw new ObjectDisposedException("The journal is disposed.", ex);
        }
    }

    /// <summary>
    /// The loop, blocking on its own thread: with SQLite every step completes synchronously, so the whole batch runs
    /// here; a store with truly asynchronous I/O (PostgreSQL) completes on the pool while this thread waits.
    /// </summary>
    private void Run()
    {
        var batch = new List<WriteRequest>(MaxBatchRequests);
        var reader = queue.Reader;
        while (WaitForWork(reader))
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
                else
                {
                    book.Fail(next.Sequence);
                }
            }

            if (batch.Count > 0)
            {
                ExecuteBatchAsync(batch).GetAwaiter().GetResult();
            }
        }
    }

    private static bool WaitForWork(ChannelReader<WriteRequest> reader)
    {
        var wait = reader.WaitToReadAsync();
        return wait.IsCompleted ? wait.GetAwaiter().GetResult() : wait.AsTask().GetAwaiter().GetResult();
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
            if (!await TryExecuteGroupedAsync(session, batch, failures, now).ConfigureAwait(false))
            {
                Array.Clear(failures);
                await ExecuteOneByOneAsync(session, batch, failures, now).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // The failure goes to every caller of the batch; the loop must survive it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Nothing of the batch is acknowledged. The connection may be broken: open a new one next time.
            foreach (var request in batch)
            {
                book.Fail(request.Sequence);
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

    /// <summary>
    /// The fast path: runs of appends go through <see cref="AppendGroup"/> (no savepoints, set-based
    /// statements), other requests through their own savepoint. Returns false, with the transaction rolled
    /// back and nothing written, if a storage step failed before the commit; the caller then re-runs the batch
    /// one request at a time so that the failure is confined to its request.
    /// </summary>
    private async Task<bool> TryExecuteGroupedAsync(
        WriteSession writeSession,
        List<WriteRequest> batch,
        Exception?[] failures,
        DateTimeOffset now)
    {
        var none = CancellationToken.None;
        // A batch that opens with appends lets the group's first statement take the writer exclusion.
        await using var transaction = batch[0] is CommitRequest
            ? await writeSession.BeginForGroupAsync(none).ConfigureAwait(false)
            : await writeSession.BeginAsync(none).ConfigureAwait(false);
        try
        {
            var i = 0;
            while (i < batch.Count)
            {
                if (batch[i] is CommitRequest)
                {
                    var end = i + 1;
                    while (end < batch.Count && batch[end] is CommitRequest)
                    {
                        end++;
                    }

                    await group.ExecuteAsync(writeSession, batch, i, end, failures, book, now, none).ConfigureAwait(false);
                    i = end;
                }
                else
                {
                    await ExecuteInSavepointAsync(writeSession, transaction, batch[i], i, failures, book, now).ConfigureAwait(false);
                    i++;
                }
            }
        }
#pragma warning disable CA1031 // Undone as a whole and retried one by one, where the failure stays with its request.
        catch (Exception)
#pragma warning restore CA1031
        {
            await transaction.RollbackAsync(none).ConfigureAwait(false);
            foreach (var request in batch)
            {
                book.Forget(request.Sequence);
            }

            return false;
        }

        await transaction.CommitAsync(none).ConfigureAwait(false);
        return true;
    }

    private async Task ExecuteOneByOneAsync(
        WriteSession writeSession,
        List<WriteRequest> batch,
        Exception?[] failures,
        DateTimeOffset now)
    {
        var none = CancellationToken.None;
        await using var transaction = await writeSession.BeginAsync(none).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++)
        {
            await ExecuteInSavepointAsync(writeSession, transaction, batch[i], i, failures, book, now).ConfigureAwait(false);
        }

        await transaction.CommitAsync(none).ConfigureAwait(false);
    }

    private static async Task ExecuteInSavepointAsync(
        WriteSession writeSession,
        System.Data.Common.DbTransaction transaction,
        WriteRequest request,
        int index,
        Exception?[] failures,
        TicketBook book,
        DateTimeOffset now)
    {
        var none = CancellationToken.None;
        if (request.DependencyFailure(book) is { } refused)
        {
            failures[index] = refused;
            book.Fail(request.Sequence);
            return;
        }

        await transaction.SaveAsync(Savepoint, none).ConfigureAwait(false);
        try
        {
            await request.ExecuteAsync(writeSession, now, none).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure of one request is confined to it by its savepoint.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // If the undo itself fails, the transaction is gone: the outer handler fails the batch.
            await transaction.RollbackAsync(Savepoint, none).ConfigureAwait(false);
            failures[index] = await request.TranslateFailureAsync(writeSession, ex, none).ConfigureAwait(false);
            book.Fail(request.Sequence);
        }

        await transaction.ReleaseAsync(Savepoint, none).ConfigureAwait(false);
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
