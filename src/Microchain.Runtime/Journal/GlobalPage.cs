namespace Microchain.Runtime.Journal;

/// <summary>
/// A page of a filtered global read: the matching events, and the position through which the journal was scanned
/// (at least the last event's; past it when the page is not full), where the next read resumes.
/// </summary>
public sealed record GlobalPage(IReadOnlyList<StoredEvent> Events, long ScannedThrough);
