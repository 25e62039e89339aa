namespace Microchain.Runtime.Journal;

/// <summary>An append on the writer's queue: its ticket, and a task that completes as the append's own would (durable, or the error).</summary>
public sealed record QueuedAppend(JournalTicket Ticket, Task<long> Durable);
