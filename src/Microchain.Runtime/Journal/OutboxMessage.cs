namespace Microchain.Runtime.Journal;

/// <summary>A message to publish after the append that carries it commits (transactional outbox).</summary>
public sealed record OutboxMessage(string Topic, string Data);

/// <summary>An outbox message as stored; <paramref name="Id"/> increases in commit order.</summary>
public sealed record StoredOutboxMessage(long Id, string Topic, string Data, DateTimeOffset RecordedAt);
