namespace Microchain.Runtime.Journal;

/// <summary>
/// An event as the journal holds it. <paramref name="Version"/> counts 1, 2, 3… per stream without gaps;
/// <paramref name="Position"/> increases across all streams in commit order (it may skip numbers).
/// </summary>
public sealed record StoredEvent(
    string StreamId,
    long Version,
    string Type,
    string Data,
    DateTimeOffset RecordedAt,
    long Position);
