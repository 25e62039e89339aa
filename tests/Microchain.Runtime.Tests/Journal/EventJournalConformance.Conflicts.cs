using Microchain.Runtime.Journal;
using Xunit;

namespace Microchain.Runtime.Tests.Journal;

public abstract partial class EventJournalConformance
{
    [Theory]
    [InlineData(0)] // "new stream" on an existing one
    [InlineData(1)] // stale
    [InlineData(3)] // ahead of the stream: must not leave a gap
    public async Task Append_wrong_expected_version_throws_and_changes_nothing(long expected)
    {
        var journal = await OpenAsync();
        var stream = NewStream();
        await journal.AppendAsync(stream, 0, Evs("a", "b"), Ct);
        var before = await AllAsync(journal);

        var ex = await Assert.ThrowsAsync<JournalConcurrencyException>(
            () => journal.AppendAsync(stream, expected, Evs("x", "y", "z"), [new OutboxMessage("t", "{}")], Ct));

        Assert.Equal((stream, expected, 2L), (ex.StreamId, ex.ExpectedVersion, ex.ActualVersion));
        Assert.Equal(before, await AllAsync(journal));
        Assert.Empty(await journal.ReadOutboxAsync(10, Ct));
        Assert.Equal(3, await journal.AppendAsync(stream, 2, Evs("c"), Ct));
    }

    [Fact]
    public async Task AppendMany_one_stream_conflicts_writes_no_stream_and_no_outbox()
    {
        var journal = await OpenAsync();
        var (a, b, c) = (NewStream("a"), NewStream("b"), NewStream("c"));
        await journal.AppendAsync(b, 0, Evs("b1"), Ct);
        var before = await AllAsync(journal);

        var ex = await Assert.ThrowsAsync<JournalConcurrencyException>(() => journal.AppendManyAsync(
            [new(a, 0, Evs("a1", "a2")), new(b, 0, Evs("b-late")), new(c, 0, Evs("c1"))],
            [new OutboxMessage("orders", "{}")],
            Ct));

        Assert.Equal((b, 0L, 1L), (ex.StreamId, ex.ExpectedVersion, ex.ActualVersion));
        Assert.Equal(before, await AllAsync(journal));
        Assert.Empty(await journal.ReadOutboxAsync(10, Ct));
    }

    [Fact]
    public async Task Append_conflicts_in_one_batch_fail_alone_and_the_others_commit()
    {
        // Released together, these land in the same group-commit transactions; the outcome must not depend on it.
        var journal = await OpenAsync();
        var existing = NewStream("existing");
        await journal.AppendAsync(existing, 0, Evs("e1"), Ct);
        var good = Enumerable.Range(0, 30).Select(i => NewStream($"good{i}")).ToArray();
        var bad = Enumerable.Range(0, 30).Select(i => NewStream($"bad{i}")).ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var goodTasks = good.Select(async s =>
        {
            await start.Task;
            return await journal.AppendAsync(s, 0, Evs("g1", "g2"), [new OutboxMessage("good", s)], Ct);
        }).ToArray();
        var badTasks = bad.Select(async s =>
        {
            await start.Task;
            return await Assert.ThrowsAsync<JournalConcurrencyException>(
                () => journal.AppendManyAsync([new(s, 0, Evs("b1")), new(existing, 0, Evs("e-late"))], [new OutboxMessage("bad", s)], Ct));
        }).ToArray();
        start.SetResult();

        Assert.All(await Task.WhenAll(goodTasks), v => Assert.Equal(2, v));
        Assert.All(await Task.WhenAll(badTasks), ex => Assert.Equal((existing, 1L), (ex.StreamId, ex.ActualVersion)));
        var all = await AllAsync(journal);
        Assert.Equal(1 + (2 * good.Length), all.Count);
        Assert.Equal(good.Order(StringComparer.Ordinal), all.Where(e => e.StreamId != existing).Select(e => e.StreamId).Distinct().Order(StringComparer.Ordinal));
        var outbox = await journal.ReadOutboxAsync(100, Ct);
        Assert.Equal(good.Order(StringComparer.Ordinal), outbox.Select(m => m.Data).Order(StringComparer.Ordinal));
        Assert.All(outbox, m => Assert.Equal("good", m.Topic));
    }
}
