namespace Microchain.Runtime.Journal;

/// <summary>
/// Hard limits of the journal. A call that breaks one throws <see cref="ArgumentException"/> before it
/// touches storage. They bound one transaction's size, a writer's memory and a read's result.
/// </summary>
public static class JournalLimits
{
    /// <summary>Characters in a stream id.</summary>
    public const int MaxStreamIdLength = 200;

    /// <summary>Characters in an event, snapshot type name or outbox topic.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Events in one append call, summed over all streams of a multi-stream append.</summary>
    public const int MaxEventsPerAppend = 1_000;

    /// <summary>Streams in one multi-stream append.</summary>
    public const int MaxStreamsPerAppend = 100;

    /// <summary>Outbox messages in one append call.</summary>
    public const int MaxOutboxMessagesPerAppend = 1_000;

    /// <summary>UTF-8 bytes of one event's or outbox message's data.</summary>
    public const int MaxEventDataBytes = 1024 * 1024;

    /// <summary>UTF-8 bytes of all data in one append call (events and outbox messages).</summary>
    public const int MaxAppendBytes = 16 * 1024 * 1024;

    /// <summary>UTF-8 bytes of one snapshot's data.</summary>
    public const int MaxSnapshotDataBytes = 16 * 1024 * 1024;

    /// <summary>Items returned by one read, and outbox ids in one mark call.</summary>
    public const int MaxReadCount = 10_000;
}
