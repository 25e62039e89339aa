using Microchain.Runtime.Journal;
using Xunit;

namespace Microchain.Runtime.Tests.Journal;

public abstract partial class EventJournalConformance
{
    [Fact]
    public async Task Append_with_outbox_writes_messages_in_order()
    {
        var journal = await OpenAsync();
        var (a, b) = (NewStream("a"), NewStream("b"));

        await journal.AppendAsync(a, 0, Evs("a1"), [new("orders", "1"), new("billing", "2")], Ct);
        await journal.AppendManyAsync([new(a, 1, Evs("a2")), new(b, 0, Evs("b1"))], [new("orders", "3")], Ct);

        var outbox = await journal.ReadOutboxAsync(10, Ct);
        Assert.Equal([("orders", "1"), ("billing", "2"), ("orders", "3")], outbox.Select(m => (m.Topic, m.Data)));
        Assert.True(outbox.Zip(outbox.Skip(1)).All(p => p.First.Id < p.Second.Id));
        Assert.All(outbox, m => Assert.Equal(Start, m.RecordedAt));
        Assert.Equal(["1", "2"], (await journal.ReadOutboxAsync(2, Ct)).Select(m => m.Data));
    }

    [Fact]
    public async Task MarkOutboxDelivered_hides_marked_messages_and_is_idempotent()
    {
        var journal = await OpenAsync();
        await journal.AppendAsync(NewStream(), 0, Evs("a"), [new("t", "1"), new("t", "2"), new("t", "3")], Ct);
        var pending = await journal.ReadOutboxAsync(10, Ct);

        await journal.MarkOutboxDeliveredAsync([pending[0].Id, pending[2].Id], Ct);
        await journal.MarkOutboxDeliveredAsync([pending[0].Id, 999_999], Ct);

        Assert.Equal(["2"], (await journal.ReadOutboxAsync(10, Ct)).Select(m => m.Data));
    }

    [Fact]
    public async Task MarkOutboxDeliveredThrough_hides_everything_up_to_the_id_never_moves_back_and_survives_reopening()
    {
        var journal = await OpenAsync();
        Assert.Equal(0, await journal.LastOutboxIdAsync(Ct));
        await journal.AppendAsync(NewStream(), 0, Evs("a"), [new("t", "1"), new("t", "2"), new("t", "3"), new("t", "4")], Ct);
        var ids = (await journal.ReadOutboxAsync(10, Ct)).Select(m => m.Id).ToArray();
        Assert.Equal(ids[^1], await journal.LastOutboxIdAsync(Ct));

        await journal.MarkOutboxDeliveredAsync([ids[3]], Ct);
        await journal.MarkOutboxDeliveredThroughAsync(ids[1], Ct);
        await journal.MarkOutboxDeliveredThroughAsync(ids[0], Ct); // behind the cursor: changes nothing

        Assert.Equal(["3"], (await journal.ReadOutboxAsync(10, Ct)).Select(m => m.Data));
        Assert.Equal(ids[^1], await journal.LastOutboxIdAsync(Ct)); // delivered or not
        await journal.DisposeAsync();
        var reopened = await OpenAsync();
        Assert.Equal(["3"], (await reopened.ReadOutboxAsync(10, Ct)).Select(m => m.Data));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => reopened.MarkOutboxDeliveredThroughAsync(-1, Ct));
    }
}
