using Microchain.Runtime.Journal;
using Xunit;

namespace Microchain.Runtime.Tests.Journal;

public abstract partial class EventJournalConformance
{
    [Fact]
    public async Task Reopen_after_dispose_keeps_events_snapshots_outbox_and_continues_versions()
    {
        var first = await OpenAsync();
        var stream = NewStream();
        await first.AppendAsync(stream, 0, Evs("a", "b"), [new("t", "m1")], Ct);
        await first.SaveSnapshotAsync(stream, 2, "state", """{"n":2}""", Ct);
        var before = await AllAsync(first);
        await first.DisposeAsync();

        var second = await OpenAsync();

        Assert.Equal(before, await AllAsync(second));
        Assert.Equal(2, (await second.LoadSnapshotAsync(stream, Ct))!.Version);
        Assert.Equal(["m1"], (await second.ReadOutboxAsync(10, Ct)).Select(m => m.Data));
        Assert.Equal(3, await second.AppendAsync(stream, 2, Evs("c"), Ct));
        Assert.True((await AllAsync(second))[^1].Position > before[^1].Position);
    }

    [Fact]
    public async Task Append_after_dispose_throws_object_disposed()
    {
        var journal = await OpenAsync();
        await journal.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => journal.AppendAsync(NewStream(), 0, Evs("a"), Ct));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => journal.ReadGlobalAsync(0, 10, "", Ct));
    }

    [Fact]
    public async Task Append_with_cancelled_token_throws_and_writes_nothing()
    {
        var journal = await OpenAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => journal.AppendAsync(NewStream(), 0, Evs("a"), [new("t", "{}")], cancelled.Token));

        Assert.Empty(await AllAsync(journal));
        Assert.Empty(await journal.ReadOutboxAsync(10, Ct));
    }
}
