using Microchain.Runtime.Journal;
using Xunit;

namespace Microchain.Runtime.Tests.Journal;

/// <summary>Reads reuse sessions (open connections and compiled statements): reuse must never show stale or mixed results.</summary>
public abstract partial class EventJournalConformance
{
    [Fact]
    public async Task Reads_on_reused_sessions_see_every_write_acknowledged_before_them()
    {
        var journal = await OpenAsync();
        var stream = NewStream();
        for (var i = 1; i <= 12; i++)
        {
            await journal.AppendAsync(stream, i - 1, Evs("e" + i), [new("t", "m" + i)], Ct);
            await journal.SaveSnapshotAsync(stream, i, "snap", "s" + i, Ct);

            Assert.Equal(i, (await journal.ReadAsync(stream, 1, Ct)).Count);
            Assert.Equal("e" + i, Tag(Assert.Single(await journal.ReadAsync(stream, i, 10, Ct))));
            Assert.Equal(i, (await journal.ReadGlobalAsync(0, JournalLimits.MaxReadCount, "", Ct)).Events.Count(e => e.StreamId == stream));
            Assert.Equal("s" + i, (await journal.LoadSnapshotAsync(stream, Ct))!.Data);
            var outbox = await journal.ReadOutboxAsync(10, Ct);
            Assert.Equal("m" + i, Assert.Single(outbox).Data);
            await journal.MarkOutboxDeliveredAsync([outbox[0].Id], Ct);
        }

        Assert.Empty(await journal.ReadOutboxAsync(10, Ct));
    }

    [Fact]
    public async Task Concurrent_reads_beyond_the_idle_sessions_each_get_their_own_stream()
    {
        var journal = await OpenAsync();
        var streams = Enumerable.Range(0, 24).Select(i => NewStream("r" + i)).ToArray();
        foreach (var (stream, i) in streams.Select((s, i) => (s, i)))
            await journal.AppendAsync(stream, 0, Evs([.. Enumerable.Range(0, i + 1).Select(k => $"{i}.{k}")]), Ct);

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var readers = streams.Select((stream, i) => Task.Run(async () =>
        {
            await go.Task;
            for (var round = 0; round < 5; round++)
            {
                var events = await journal.ReadAsync(stream, 1, Ct);
                Assert.Equal(Enumerable.Range(0, i + 1).Select(k => $"{i}.{k}"), events.Select(Tag));
                Assert.Null(await journal.LoadSnapshotAsync(stream, Ct));
            }
        }, Ct)).ToArray();
        go.SetResult();
        await Task.WhenAll(readers);
    }

    [Fact]
    public async Task Read_cancelled_before_it_runs_leaves_later_reads_correct()
    {
        var journal = await OpenAsync();
        var stream = NewStream();
        await journal.AppendAsync(stream, 0, Evs("a"), Ct);
        Assert.Single(await journal.ReadAsync(stream, 1, Ct)); // leaves an idle session behind

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => journal.ReadAsync(stream, 1, 10, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => journal.ReadOutboxAsync(10, cancelled.Token));

        await journal.AppendAsync(stream, 1, Evs("b"), Ct);
        Assert.Equal(["a", "b"], (await journal.ReadAsync(stream, 1, Ct)).Select(Tag));
    }

    [Fact]
    public async Task MarkOutboxDelivered_of_a_large_batch_marks_exactly_the_listed_ids()
    {
        var journal = await OpenAsync();
        await journal.AppendAsync(NewStream(), 0, Evs("a"), [.. Enumerable.Range(0, 300).Select(i => new OutboxMessage("t", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))], Ct);
        var pending = await journal.ReadOutboxAsync(1_000, Ct);
        var marked = pending.Where((_, i) => i % 3 != 1).Select(m => m.Id).ToArray();
        await journal.MarkOutboxDeliveredAsync([pending[0].Id], Ct);

        await journal.MarkOutboxDeliveredAsync([.. marked, marked[0], long.MaxValue], Ct);

        Assert.Equal(
            pending.Where((_, i) => i % 3 == 1).Select(m => m.Data),
            (await journal.ReadOutboxAsync(1_000, Ct)).Select(m => m.Data));
    }
}
