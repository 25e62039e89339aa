using Microchain.Runtime.Journal;
using Xunit;

namespace Microchain.Runtime.Tests.Journal;

public abstract partial class EventJournalConformance
{
    private static readonly string[] Violations =
    [
        "too many events", "data too large", "stream id too long", "blank stream id", "control char in stream id",
        "negative expected version", "no events", "same stream twice", "NUL in data", "lone surrogate", "blank type",
        "too many outbox messages", "outbox data too large", "too many streams", "total too large",
    ];

    // One store for all cases: each must throw before touching storage, so together they must leave it empty.
    [Fact]
    public async Task Append_beyond_limits_throws_argument_exception_and_writes_nothing()
    {
        var journal = await OpenAsync();

        foreach (var violation in Violations)
        {
            var (appends, outbox) = InvalidAppend(violation);
            var ex = await Record.ExceptionAsync(() => journal.AppendManyAsync(appends, outbox, Ct));
            Assert.True(ex is ArgumentException, $"{violation}: expected an ArgumentException, got {ex?.GetType().Name ?? "none"}");
        }

        Assert.Empty(await AllAsync(journal));
        Assert.Empty(await journal.ReadOutboxAsync(10, Ct));
    }

    private static (StreamAppend[] Appends, OutboxMessage[] Outbox) InvalidAppend(string violation)
    {
        var stream = NewStream();
        var oneMiB = JournalLimits.MaxEventDataBytes;
        return violation switch
        {
            "too many events" => (One(stream, Enumerable.Range(0, JournalLimits.MaxEventsPerAppend + 1).Select(i => Ev($"{i}"))), []),
            "data too large" => (One(stream, [new EventData("big", new string('x', oneMiB + 1))]), []),
            "stream id too long" => (One(new string('s', JournalLimits.MaxStreamIdLength + 1), Evs("a")), []),
            "blank stream id" => (One("  ", Evs("a")), []),
            "control char in stream id" => (One("a\nb", Evs("a")), []),
            "negative expected version" => ([new StreamAppend(stream, -1, Evs("a"))], []),
            "no events" => (One(stream, []), []),
            "same stream twice" => ([new StreamAppend(stream, 0, Evs("a")), new StreamAppend(stream, 1, Evs("b"))], []),
            "NUL in data" => (One(stream, [new EventData("t", "{\"a\":\"\0\"}")]), []),
            "lone surrogate" => (One(stream, [new EventData("t", "{\"a\":\"\ud800\"}")]), []),
            "blank type" => (One(stream, [new EventData(" ", "{}")]), []),
            "too many outbox messages" => (One(stream, Evs("a")),
                [.. Enumerable.Range(0, JournalLimits.MaxOutboxMessagesPerAppend + 1).Select(i => new OutboxMessage("t", "{}"))]),
            "outbox data too large" => (One(stream, Evs("a")), [new OutboxMessage("t", new string('x', oneMiB + 1))]),
            "too many streams" => ([.. Enumerable.Range(0, JournalLimits.MaxStreamsPerAppend + 1)
                .Select(i => new StreamAppend(NewStream(), 0, Evs("a")))], []),
            "total too large" => ([.. Enumerable.Range(0, 17)
                .Select(i => new StreamAppend(NewStream(), 0, [new EventData("big", new string('x', oneMiB))]))], []),
            _ => throw new ArgumentOutOfRangeException(nameof(violation)),
        };
    }

    [Fact]
    public async Task Append_at_every_limit_is_accepted_and_read_back_intact()
    {
        var journal = await OpenAsync();
        var stream = new string('s', JournalLimits.MaxStreamIdLength - 2) + "é€";
        // Multi-byte text: the limit counts UTF-8 bytes, not chars (2 bytes each here).
        var big = new string('é', JournalLimits.MaxEventDataBytes / 2);
        var events = Enumerable.Range(0, JournalLimits.MaxEventsPerAppend - 1).Select(i => Ev($"{i}")).Append(new EventData("big", big));

        var version = await journal.AppendAsync(stream, 0, [.. events], Ct);

        Assert.Equal(JournalLimits.MaxEventsPerAppend, version);
        var stored = await journal.ReadAsync(stream, JournalLimits.MaxEventsPerAppend, 1, Ct);
        Assert.Equal(big, Assert.Single(stored).Data);
        Assert.Equal(stream, stored[0].StreamId);
    }

    [Fact]
    public async Task Read_beyond_limits_throws_argument_exception()
    {
        var journal = await OpenAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => journal.ReadAsync(NewStream(), 1, JournalLimits.MaxReadCount + 1, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => journal.ReadAsync(NewStream(), 0, 10, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => journal.ReadGlobalAsync(-1, 10, "", Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => journal.ReadGlobalAsync(0, 0, "", Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => journal.ReadOutboxAsync(JournalLimits.MaxReadCount + 1, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => journal.MarkOutboxDeliveredAsync([], Ct));
    }

    private static StreamAppend[] One(string stream, IEnumerable<EventData> events) => [new StreamAppend(stream, 0, [.. events])];
}
