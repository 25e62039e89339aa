namespace Microchain.Runtime.Journal;

/// <summary>
/// An append named an expected version that is not the stream's current version. Nothing of that append
/// (nor of the other streams and outbox messages in the same call) was written.
/// </summary>
public sealed class JournalConcurrencyException : Exception
{
    public JournalConcurrencyException()
        : this(string.Empty, 0, 0)
    {
    }

    public JournalConcurrencyException(string message)
        : base(message)
    {
        StreamId = string.Empty;
    }

    public JournalConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
        StreamId = string.Empty;
    }

    public JournalConcurrencyException(string streamId, long expectedVersion, long actualVersion)
        : base($"Stream '{streamId}' is at version {actualVersion}, the append expected {expectedVersion}.")
    {
        StreamId = streamId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    public string StreamId { get; }

    public long ExpectedVersion { get; }

    public long ActualVersion { get; }
}
