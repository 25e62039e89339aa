namespace Microchain.Runtime.Journal;

/// <summary>
/// Names one write queued on one journal writer (<see cref="IEventJournal.QueueAppendAsync"/>). An append made
/// through the same journal after that write was queued can be made to follow it
/// (<see cref="IEventJournal.AppendAsync(string, long, IReadOnlyList{EventData}, IReadOnlyList{OutboxMessage}, IReadOnlyList{JournalTicket}, CancellationToken)"/>):
/// the writer is one queue, so the followed write runs first, and the follower is written only if the followed
/// write was, in the same transaction or an earlier one. Acknowledging the follower then acknowledges both.
/// </summary>
/// <param name="Writer">The writer that issued it (<see cref="IEventJournal.WriterId"/>).</param>
/// <param name="Sequence">The write's number on that writer.</param>
public readonly record struct JournalTicket(Guid Writer, long Sequence);
