using System.Text.Json;
using Microchain.Runtime.Journal;

namespace Microchain.Runtime.EventSourcing;

/// <summary>
/// One grain's view of its journal stream: the version it has folded, and appends that expect exactly that version.
/// A conflicting append (another activation wrote first) throws <see cref="JournalConcurrencyException"/> and the
/// caller reloads; the journal's version check, not single activation, decides who wins.
/// </summary>
public sealed class GrainJournal<TEvent>(IEventJournal journal, string streamId) where TEvent : class
{
    public string StreamId { get; } = streamId;
    public long Version { get; private set; }

    /// <summary>Reads events after <see cref="Version"/> (or after <paramref name="fromSnapshotVersion"/>) and advances.</summary>
    public async Task<IReadOnlyList<TEvent>> ReadNewAsync(long fromSnapshotVersion, CancellationToken cancellationToken)
    {
        Version = Math.Max(Version, fromSnapshotVersion);
        var stored = await journal.ReadAsync(StreamId, Version + 1, cancellationToken);
        var events = new TEvent[stored.Count];
        for (var i = 0; i < stored.Count; i++)
            events[i] = JsonSerializer.Deserialize<TEvent>(stored[i].Data, DomainJson.Options)
                ?? throw new InvalidOperationException($"event {StreamId}@{stored[i].Version} is empty");
        if (stored.Count > 0) Version = stored[^1].Version;
        return events;
    }

    public Task AppendAsync(IReadOnlyList<TEvent> events, CancellationToken cancellationToken) => AppendAsync(events, [], cancellationToken);

    /// <summary>Appends events and, in the same transaction, outbox messages.</summary>
    public Task AppendAsync(IReadOnlyList<TEvent> events, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken) =>
        AppendAsync(events, outbox, [], cancellationToken);

    /// <summary>Appends events and outbox messages after the writes <paramref name="after"/> names (see <see cref="JournalTicket"/>).</summary>
    public async Task AppendAsync(IReadOnlyList<TEvent> events, IReadOnlyList<OutboxMessage> outbox, IReadOnlyList<JournalTicket> after, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return;
        Version = await journal.AppendAsync(StreamId, Version, Data(events), outbox, after, cancellationToken);
    }

    /// <summary>
    /// Queues an append (not yet durable) and advances <see cref="Version"/> as if it will succeed, so the next one can
    /// be queued behind it. If a queued append fails, the ones behind it fail too: reset and read the stream again.
    /// </summary>
    public async Task<QueuedAppend> QueueAppendAsync(IReadOnlyList<TEvent> events, CancellationToken cancellationToken)
    {
        var queued = await journal.QueueAppendAsync(StreamId, Version, Data(events), cancellationToken);
        Version += events.Count;
        return queued;
    }

    private static EventData[] Data(IReadOnlyList<TEvent> events)
    {
        var data = new EventData[events.Count];
        for (var i = 0; i < events.Count; i++)
            data[i] = new EventData(events[i].GetType().Name, JsonSerializer.Serialize(events[i], DomainJson.Options));
        return data;
    }

    /// <summary>Forgets the folded version; the next read starts over (after a conflict).</summary>
    public void Reset() => Version = 0;

    public Task<StoredSnapshot?> LoadSnapshotAsync(CancellationToken cancellationToken) =>
        journal.LoadSnapshotAsync(StreamId, cancellationToken);

    public Task SaveSnapshotAsync<TSnapshot>(TSnapshot snapshot, CancellationToken cancellationToken) =>
        journal.SaveSnapshotAsync(StreamId, Version, typeof(TSnapshot).Name, JsonSerializer.Serialize(snapshot, DomainJson.Options), cancellationToken);
}
