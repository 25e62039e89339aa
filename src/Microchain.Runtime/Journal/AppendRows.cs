namespace Microchain.Runtime.Journal;

/// <summary>
/// The rows a group of appends writes, in write order (so positions follow it), as parallel columns that a
/// store can send in one statement. Reused by the writer from group to group.
/// </summary>
internal sealed class AppendRows
{
    public List<string> StreamIds { get; } = [];

    public List<long> Versions { get; } = [];

    public List<string> Types { get; } = [];

    public List<string> Data { get; } = [];

    public List<string> OutboxTopics { get; } = [];

    public List<string> OutboxData { get; } = [];

    public int EventCount => StreamIds.Count;

    public void AddEvent(string streamId, long version, EventData e)
    {
        StreamIds.Add(streamId);
        Versions.Add(version);
        Types.Add(e.Type);
        Data.Add(e.Data);
    }

    public void AddOutbox(OutboxMessage message)
    {
        OutboxTopics.Add(message.Topic);
        OutboxData.Add(message.Data);
    }

    public void Clear()
    {
        StreamIds.Clear();
        Versions.Clear();
        Types.Clear();
        Data.Clear();
        OutboxTopics.Clear();
        OutboxData.Clear();
    }
}
