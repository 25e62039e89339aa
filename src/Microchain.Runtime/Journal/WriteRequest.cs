namespace Microchain.Runtime.Journal;

/// <summary>
/// One caller's write, queued for the writer loop. It runs inside a savepoint of a shared transaction and
/// its task completes only after that transaction commits (or fails), so "completed" means "durable".
/// </summary>
internal abstract class WriteRequest
{
    private const int Queued = 0;
    private const int Running = 1;
    private const int Cancelled = 2;

    private int state;

    /// <summary>UTF-8 bytes of data this request writes; bounds the size of a batch.</summary>
    public int Bytes { get; init; }

    /// <summary>The request's number on its writer, set when it is queued (see <see cref="JournalTicket"/>).</summary>
    public long Sequence { get; set; }

    /// <summary>
    /// The refusal of this request because a write it follows failed (see <see cref="TicketBook"/>), or null.
    /// Checked right before the request runs; the followed writes ran before it.
    /// </summary>
    public virtual Exception? DependencyFailure(TicketBook book) => null;

    /// <summary>Claims the request for execution; false if its caller cancelled while it was queued.</summary>
    public bool TryStart() => Interlocked.CompareExchange(ref state, Running, Queued) == Queued;

    protected bool TryCancel() => Interlocked.CompareExchange(ref state, Cancelled, Queued) == Queued;

    /// <summary>Does the work inside the current transaction; throws to fail this request alone.</summary>
    public abstract Task ExecuteAsync(WriteSession session, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Called after the request's savepoint was rolled back: turns a storage error into the error the caller
    /// should see (e.g. a unique violation into a version conflict). The session is usable again here.
    /// </summary>
    public virtual Task<Exception> TranslateFailureAsync(WriteSession session, Exception failure, CancellationToken cancellationToken) =>
        Task.FromResult(failure);

    public abstract void Succeed();

    public abstract void Fail(Exception exception);
}

internal abstract class WriteRequest<T> : WriteRequest
{
    private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration registration;

    public Task<T> Task => completion.Task;

    /// <summary>Set by <see cref="WriteRequest.ExecuteAsync"/>; handed to the caller after commit.</summary>
    protected T Result { get; set; } = default!;

    /// <summary>Lets the caller cancel while queued; once running, the write completes or fails as a whole.</summary>
    public void Register(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            registration = cancellationToken.Register(
                static (state, token) =>
                {
                    var request = (WriteRequest<T>)state!;
                    if (request.TryCancel())
                    {
                        request.completion.TrySetCanceled(token);
                    }
                },
                this);
        }
    }

    public override void Succeed()
    {
        registration.Dispose();
        completion.TrySetResult(Result);
    }

    public override void Fail(Exception exception)
    {
        registration.Dispose();
        completion.TrySetException(exception);
    }
}
