using Microchain.Runtime.Journal;
using Xunit;

namespace Microchain.Runtime.Tests.Journal;

public abstract partial class EventJournalConformance
{
    [Fact]
    public async Task LoadSnapshot_none_saved_returns_null()
    {
        var journal = await OpenAsync();

        Assert.Null(await journal.LoadSnapshotAsync(NewStream(), Ct));
    }

    [Fact]
    public async Task SaveSnapshot_latest_version_wins_and_older_is_ignored()
    {
        var journal = await OpenAsync();
        var stream = NewStream();
        await journal.AppendAsync(stream, 0, Evs("1", "2", "3"), Ct);

        await journal.SaveSnapshotAsync(stream, 2, "state.v1", """{"sum":3}""", Ct);
        Time.Advance(TimeSpan.FromSeconds(1));
        await journal.SaveSnapshotAsync(stream, 3, "state.v1", """{"sum":6}""", Ct);
        await journal.SaveSnapshotAsync(stream, 1, "state.v1", """{"sum":1}""", Ct);

        var snapshot = await journal.LoadSnapshotAsync(stream, Ct);
        Assert.Equal(new StoredSnapshot(stream, 3, "state.v1", """{"sum":6}""", Start.AddSeconds(1)), snapshot);
    }

    [Fact]
    public async Task SaveSnapshot_ahead_of_stream_throws_and_keeps_previous()
    {
        var journal = await OpenAsync();
        var stream = NewStream();
        await journal.AppendAsync(stream, 0, Evs("1"), Ct);
        await journal.SaveSnapshotAsync(stream, 1, "state", "{}", Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => journal.SaveSnapshotAsync(stream, 2, "state", """{"x":1}""", Ct));

        Assert.Equal(1, (await journal.LoadSnapshotAsync(stream, Ct))!.Version);
        Assert.Equal("{}", (await journal.LoadSnapshotAsync(stream, Ct))!.Data);
    }
}
