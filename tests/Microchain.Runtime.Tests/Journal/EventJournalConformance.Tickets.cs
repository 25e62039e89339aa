using Microchain.Runtime.Journal;
using Xunit;

namespace Microchain.Runtime.Tests.Journal;

public abstract partial class EventJournalConformance
{
    [Fact]
    public async Task QueueAppend_chained_on_one_stream_each_expecting_the_previous_ones_version_all_land()
    {
        var journal = await OpenAsync();
        var s = NewStream();

        var first = await journal.QueueAppendAsync(s, 0, Evs("1", "2"), Ct);
        var second = await journal.QueueAppendAsync(s, 2, Evs("3"), Ct);

        Assert.Equal(journal.WriterId, first.Ticket.Writer);
        Assert.True(second.Ticket.Sequence > first.Ticket.Sequence);
        Assert.Equal(2, await first.Durable);
        Assert.Equal(3, await second.Durable);
        Assert.Equal(["1", "2", "3"], (await journal.ReadAsync(s, 1, 10, Ct)).Select(Tag));
    }

    [Fact]
    public async Task Append_after_a_queued_append_that_landed_is_written()
    {
        var journal = await OpenAsync();
        var (node, order) = (NewStream("node"), NewStream("order"));

        var reservation = await journal.QueueAppendAsync(node, 0, Evs("reserved"), Ct);
        var version = await journal.AppendAsync(order, 0, Evs("placed"), [new OutboxMessage("t", "placed")], [reservation.Ticket], Ct);

        Assert.Equal(1, version);
        Assert.Equal(1, await reservation.Durable);
        Assert.Equal(["reserved"], (await journal.ReadAsync(node, 1, 10, Ct)).Select(Tag));
        Assert.Equal(["placed"], (await journal.ReadAsync(order, 1, 10, Ct)).Select(Tag));
    }

    [Fact]
    public async Task Append_after_a_queued_append_that_failed_is_refused_and_writes_nothing()
    {
        var journal = await OpenAsync();
        var (node, order, bystander) = (NewStream("node"), NewStream("order"), NewStream("bystander"));
        await journal.AppendAsync(node, 0, Evs("taken"), Ct);

        // Queued back to back, so the three usually share one group-commit transaction: the refusal must come from
        // the failed reservation, not from anything else in the group.
        var reservation = await journal.QueueAppendAsync(node, 0, Evs("stale"), Ct);
        var placed = journal.AppendAsync(order, 0, Evs("placed"), [new OutboxMessage("t", "placed")], [reservation.Ticket], Ct);
        var unrelated = journal.AppendAsync(bystander, 0, Evs("fine"), Ct);

        await Assert.ThrowsAsync<JournalConcurrencyException>(() => reservation.Durable);
        await Assert.ThrowsAsync<JournalDependencyException>(() => placed);
        Assert.Equal(1, await unrelated);
        Assert.Empty(await journal.ReadAsync(order, 1, 10, Ct));
        Assert.DoesNotContain(await journal.ReadOutboxAsync(100, Ct), m => m.Data == "placed");
    }

    [Fact]
    public async Task Append_after_several_tickets_is_refused_when_any_failed_even_after_later_commits()
    {
        var journal = await OpenAsync();
        var (good, bad) = (NewStream("good"), NewStream("bad"));
        await journal.AppendAsync(bad, 0, Evs("taken"), Ct);

        var landed = await journal.QueueAppendAsync(good, 0, Evs("ok"), Ct);
        var failed = await journal.QueueAppendAsync(bad, 0, Evs("stale"), Ct);
        await Assert.ThrowsAsync<JournalConcurrencyException>(() => failed.Durable);
        Assert.Equal(1, await landed.Durable);
        for (var i = 0; i < 3; i++) await journal.AppendAsync(NewStream("later"), 0, Evs("later"), Ct);

        var order = NewStream("order");
        await Assert.ThrowsAsync<JournalDependencyException>(() => journal.AppendAsync(order, 0, Evs("placed"), [], [landed.Ticket, failed.Ticket], Ct));
        Assert.Equal(1, await journal.AppendAsync(order, 0, Evs("placed"), [], [landed.Ticket], Ct));
    }

    [Fact]
    public async Task Append_after_a_ticket_of_another_journal_is_rejected_as_an_argument()
    {
        var journal = await OpenAsync();
        var foreign = new JournalTicket(Guid.NewGuid(), 1);
        var s = NewStream();

        await Assert.ThrowsAsync<ArgumentException>(() => journal.AppendAsync(s, 0, Evs("1"), [], [foreign], Ct));
        Assert.Empty(await journal.ReadAsync(s, 1, 10, Ct));
    }
}
