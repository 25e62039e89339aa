using Microchain.Domain;
using Microchain.Domain.Inventory;
using Microchain.Runtime.Journal;

namespace Microchain.Runtime.Nodes;

/// <summary>
/// The node grain's command pipeline: decide on the grain's turn, queue the events, append them in batches with up to
/// <see cref="MaxAppendsInFlight"/> appends queued on the journal writer, answer callers when durable (or, for
/// <see cref="ReserveQueued"/>, when queued), and reload after a failed append.
/// </summary>
public sealed partial class NodeGrain
{
    /// <summary>Commands waiting for the flush loop; beyond this a command is refused as busy.</summary>
    public const int MaxQueuedCommands = 20_000;
    /// <summary>Events in one batched append (the journal's limit per append).</summary>
    private const int MaxEventsPerBatch = JournalLimits.MaxEventsPerAppend;
    /// <summary>
    /// Appends of one node queued on the journal writer at once: the next batch is queued while earlier ones commit,
    /// so a decision waits for one commit, not for the one in progress and then its own.
    /// </summary>
    public const int MaxAppendsInFlight = 4;

    private List<PendingCommand> _queue = [];
    /// <summary>Appends queued on the journal, oldest first, whose outcome the flush loop has not yet taken in.</summary>
    private readonly Queue<InFlightAppend> _inFlight = new();
    private TaskCompletionSource? _wake;
    /// <summary>A batch taken from the queue is being handed to the journal (not yet in <see cref="_inFlight"/>).</summary>
    private bool _queuing;
    /// <summary>Whether the flush loop runs; a flag, not its task: the loop can end before its first await.</summary>
    private bool _flushing;

    private Task<CommandOutcome> Run(Func<DateTimeOffset, IReadOnlyList<INodeStockEvent>> decide, CancellationToken cancellationToken) =>
        Run(new PendingCommand(decide, answerWhenQueued: false), cancellationToken);

    /// <summary>
    /// Decides now, on the current state (queued decisions included), and waits until the events are durable, or,
    /// for a command answered when queued, until its append is queued.
    /// </summary>
    private async Task<CommandOutcome> Run(PendingCommand command, CancellationToken cancellationToken)
    {
        if (!_reloading.IsCompleted) await _reloading;
        if (_queue.Count >= MaxQueuedCommands)
            return CommandOutcome.Refused("node.busy", $"node {_stock.NodeId} has {MaxQueuedCommands} commands waiting; try again shortly");
        var decided = command.Decide(time.GetUtcNow());
        _sheet!.PublishChanges(_stock);
        if (!decided) return command.Refusal!;
        // A command that writes nothing but answers when queued still rests on what is queued: it follows the last append.
        if (command.Events.Count == 0 && (!command.AnswerWhenQueued || (_queue.Count == 0 && _inFlight.Count == 0 && !_queuing))) return CommandOutcome.Done;
        _queue.Add(command);
        if (_inFlight.Count < MaxAppendsInFlight) _wake?.TrySetResult();
        if (!_flushing)
        {
            _flushing = true;
            _ = FlushAsync();
        }
        return await command.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Queues batches of decided commands on the journal (up to <see cref="MaxAppendsInFlight"/> at once) and takes in
    /// their outcomes oldest first, until nothing is left. Runs as one loop per activation; a new command wakes it.
    /// </summary>
    private async Task FlushAsync()
    {
        try
        {
            while (_queue.Count > 0 || _inFlight.Count > 0)
            {
                if (_queue.Count > 0 && _inFlight.Count < MaxAppendsInFlight)
                {
                    await QueueBatchAsync(TakeBatch());
                    continue;
                }

                var oldest = _inFlight.Peek();
                if (!oldest.Durable.IsCompleted)
                {
                    _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    await Task.WhenAny(oldest.Durable, _wake.Task);
                    _wake = null;
                    if (!oldest.Durable.IsCompleted) continue;
                }

                _inFlight.Dequeue();
                if (oldest.Durable.IsCompletedSuccessfully) Settle(oldest.Batch);
                else await RecoverAsync(oldest.Batch, oldest.Durable.Exception!.GetBaseException());
            }
        }
        finally
        {
            _flushing = false;
        }
    }

    private async Task QueueBatchAsync(List<PendingCommand> batch)
    {
        var events = batch.SelectMany(c => c.Events).ToArray();
        if (events.Length == 0)
        {
            // Only commands that wrote nothing: they rest on the appends already queued, so they follow the last one.
            var last = _inFlight.Count > 0 ? _inFlight.Last().Ticket : (JournalTicket?)null;
            foreach (var command in batch) command.AnswerQueued(last);
            return;
        }

        QueuedAppend queued;
        _queuing = true;
        try
        {
            queued = await _stream.QueueAppendAsync(events, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Not queued (the journal refused it or is closing); the appends ahead of it still end first.
            _queuing = false;
            await RecoverAsync(batch, ex);
            return;
        }
        _queuing = false;

        foreach (var command in batch)
        {
            if (command.AnswerWhenQueued) command.AnswerQueued(queued.Ticket);
        }
        _inFlight.Enqueue(new InFlightAppend(batch, queued.Ticket, queued.Durable));
    }

    /// <summary>A batch is durable: answers its callers, and snapshots when nothing else is pending.</summary>
    private void Settle(List<PendingCommand> batch)
    {
        foreach (var command in batch)
        {
            if (!command.Answered) command.Done.TrySetResult(CommandOutcome.Done);
        }
        // Not awaited: a busy node's snapshot (every open reservation) takes tens of ms to write, and reservations
        // queued behind it set the pipeline's latency tail. One save at a time, of a state that is wholly durable.
        if (_queue.Count == 0 && _inFlight.Count == 0 && _snapshotSaving is null && _reloading.IsCompleted
            && _stream.Version - _snapshotVersion >= Math.Max(SnapshotEvery, _stock.Reservations.Count))
            _snapshotSaving = SnapshotAsync();
    }

    private List<PendingCommand> TakeBatch()
    {
        var count = 0;
        var events = 0;
        while (count < _queue.Count && (count == 0 || events + _queue[count].Events.Count <= MaxEventsPerBatch)) events += _queue[count++].Events.Count;
        var batch = _queue.GetRange(0, count);
        _queue.RemoveRange(0, count);
        return batch;
    }

    /// <summary>
    /// After a failed append the in-memory state holds decisions that may not be in the journal. The appends queued
    /// behind it end first (they expected its version, so they fail too, unless its outcome was unknown and it was
    /// written after all: then so were they, and their callers are answered). Then the state is reloaded. On a
    /// version conflict nothing of the failed batch was written, so every command not yet answered is decided again
    /// once on the fresh state; otherwise the outcome is unknown and those callers get the error. Commands answered
    /// when queued are not decided again: their callers' appends follow the failed ticket and fail with it.
    /// </summary>
    private async Task RecoverAsync(List<PendingCommand> batch, Exception error)
    {
        var reload = new TaskCompletionSource();
        _reloading = reload.Task;
        var affected = new List<PendingCommand>(batch);
        while (_inFlight.Count > 0)
        {
            var behind = _inFlight.Dequeue();
            try
            {
                await behind.Durable;
                Settle(behind.Batch);
            }
            catch (Exception)
            {
                affected.AddRange(behind.Batch);
            }
        }
        affected.AddRange(_queue);
        _queue = [];
        try
        {
            await LoadAsync(CancellationToken.None);
        }
        catch (Exception loadError)
        {
            foreach (var command in affected) command.Done.TrySetException(loadError);
            reload.SetResult();
            DeactivateOnIdle(); // state unknown: start afresh on the next call
            return;
        }
        var retry = error is JournalConcurrencyException;
        var now = time.GetUtcNow();
        foreach (var command in affected)
        {
            if (command.Answered) continue;
            if (!retry || command.Attempts > 1) command.Done.TrySetException(error);
            else if (!command.Decide(now)) command.Done.TrySetResult(command.Refusal!);
            else if (command.Events.Count == 0) command.Done.TrySetResult(CommandOutcome.Done);
            else _queue.Add(command);
        }
        _sheet!.PublishChanges(_stock);
        reload.SetResult();
    }

    /// <summary>A batch's append on the journal writer's queue.</summary>
    private sealed record InFlightAppend(List<PendingCommand> Batch, JournalTicket Ticket, Task<long> Durable);

    /// <summary>A command decided on the grain's turn, waiting for its events to be durable (or, if so asked, queued).</summary>
    private sealed class PendingCommand(Func<DateTimeOffset, IReadOnlyList<INodeStockEvent>> decide, bool answerWhenQueued)
    {
        public IReadOnlyList<INodeStockEvent> Events { get; private set; } = [];
        public CommandOutcome? Refusal { get; private set; }
        public int Attempts { get; private set; }
        public TaskCompletionSource<CommandOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool AnswerWhenQueued => answerWhenQueued;
        /// <summary>True once answered when queued; the caller's own append then follows <see cref="Ticket"/>.</summary>
        public bool Answered { get; private set; }
        /// <summary>The queued append this command's durability rests on; null when nothing was pending.</summary>
        public JournalTicket? Ticket { get; private set; }

        public void AnswerQueued(JournalTicket? ticket)
        {
            Ticket = ticket;
            Answered = true;
            Done.TrySetResult(CommandOutcome.Done);
        }

        /// <summary>Decides on the current state; false when the domain refused (nothing was applied).</summary>
        public bool Decide(DateTimeOffset now)
        {
            Attempts++;
            try
            {
                Events = decide(now);
                return true;
            }
            catch (DomainException ex)
            {
                Refusal = CommandOutcome.Refused(ex.Code, ex.Message);
                return false;
            }
        }
    }
}
