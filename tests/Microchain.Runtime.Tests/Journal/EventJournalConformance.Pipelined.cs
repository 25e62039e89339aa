using Microchain.Runtime.Journal;
using Xunit;

namespace Microchain.Runtime.Tests.Journal;

public abstract partial class EventJournalConformance
{
    [Fact]
    public async Task Append_pipelined_without_awaiting_each_sees_the_earlier_ones_in_queue_order()
    {
        // Submitted back to back (the queue is FIFO) while the writer commits a lead append, these usually share
        // the next group-commit transaction: each request's version check must see the requests queued before
        // it, written or refused.
        var journal = await OpenAsync();
        var (lead, s, other) = (NewStream("lead"), NewStream("s"), NewStream("other"));

        var t0 = journal.AppendAsync(lead, 0, Evs("lead"), Ct);
        var t1 = journal.AppendAsync(s, 0, Evs("1"), Ct);
        var t2 = journal.AppendAsync(s, 1, Evs("2", "3"), [new OutboxMessage("t", "m2")], Ct);
        var t3 = journal.AppendAsync(s, 1, Evs("stale"), [new OutboxMessage("t", "stale")], Ct);
        var t4 = journal.AppendManyAsync([new(s, 3, Evs("4")), new(other, 0, Evs("o1"))], [new OutboxMessage("t", "m4")], Ct);
        var t5 = journal.AppendManyAsync([new(s, 4, Evs("never")), new(other, 0, Evs("o-stale"))], [new OutboxMessage("t", "never")], Ct);
        var t6 = journal.AppendAsync(s, 4, Evs("5"), Ct);

        Assert.Equal(1, await t0);
        Assert.Equal(1, await t1);
        Assert.Equal(3, await t2);
        var stale = await Assert.ThrowsAsync<JournalConcurrencyException>(() => t3);
        Assert.Equal((s, 1L, 3L), (stale.StreamId, stale.ExpectedVersion, stale.ActualVersion));
        Assert.Equal([4L, 1L], await t4);
        var never = await Assert.ThrowsAsync<JournalConcurrencyException>(() => t5);
        Assert.Equal((other, 0L, 1L), (never.StreamId, never.ExpectedVersion, never.ActualVersion));
        Assert.Equal(5, await t6);

        var all = (await AllAsync(journal)).Where(e => e.StreamId != lead).ToList();
        Assert.Equal([(s, 1L, "1"), (s, 2L, "2"), (s, 3L, "3"), (s, 4L, "4"), (other, 1L, "o1"), (s, 5L, "5")],
            all.Select(e => (e.StreamId, e.Version, Tag(e))));
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Position < p.Second.Position));
        Assert.Equal(["m2", "m4"], (await journal.ReadOutboxAsync(10, Ct)).Select(m => m.Data));
    }
}
