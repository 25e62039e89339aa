namespace Microchain.Runtime.Journal;

/// <summary>The state of a stream folded up to and including <paramref name="Version"/>.</summary>
public sealed record StoredSnapshot(string StreamId, long Version, string Type, string Data, DateTimeOffset RecordedAt);
