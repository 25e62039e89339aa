namespace Microchain.Runtime.Journal;

/// <summary>One stream's part of an atomic multi-stream append.</summary>
/// <param name="ExpectedVersion">The stream's current version as the caller knows it; 0 means a new stream.</param>
public sealed record StreamAppend(string StreamId, long ExpectedVersion, IReadOnlyList<EventData> Events);
