using Microchain.Runtime.Journal;
using Xunit;

namespace Microchain.Runtime.Tests.Journal;

public abstract partial class EventJournalConformance
{
    [Fact]
    public async Task ReadGlobal_with_a_prefix_reads_only_its_streams_in_position_order_and_resumes_past_the_rest()
    {
        var journal = await OpenAsync();
        await journal.AppendAsync("order/1", 0, Evs("o1"), Ct);
        await journal.AppendAsync("node/1", 0, Evs("n1"), Ct);
        await journal.AppendAsync("order/2", 0, Evs("o2", "o3"), Ct);
        await journal.AppendAsync("orders-x", 0, Evs("x1"), Ct);
        await journal.AppendManyAsync([new("node/1", 1, Evs("n2")), new("order/1", 1, Evs("o4"))], [], Ct);
        await journal.AppendAsync("node/1", 2, Evs("n3"), Ct);
        var all = await AllAsync(journal);
        var head = all[^1].Position;

        var whole = await journal.ReadGlobalAsync(0, 10, "order/", Ct);
        Assert.Equal(["o1", "o2", "o3", "o4"], whole.Events.Select(Tag));
        Assert.Equal(all.Where(e => e.StreamId.StartsWith("order/", StringComparison.Ordinal)), whole.Events);
        Assert.Equal(head, whole.ScannedThrough);

        // Full pages end at their last event; the short one at the head, past the node event after the last match.
        var pages = new List<GlobalPage>();
        long after = 0;
        while (true)
        {
            var page = await journal.ReadGlobalAsync(after, 2, "order/", Ct);
            pages.Add(page);
            after = page.ScannedThrough;
            if (page.Events.Count < 2) break;
        }
        Assert.Equal([["o1", "o2"], ["o3", "o4"], []], pages.Select(p => p.Events.Select(Tag).ToArray()));
        Assert.Equal([pages[0].Events[^1].Position, pages[1].Events[^1].Position, head], pages.Select(p => p.ScannedThrough));

        var none = await journal.ReadGlobalAsync(0, 10, "transfer/", Ct);
        Assert.Empty(none.Events);
        Assert.Equal(head, none.ScannedThrough);
        var past = await journal.ReadGlobalAsync(head + 5, 10, "order/", Ct);
        Assert.Empty(past.Events);
        Assert.Equal(head + 5, past.ScannedThrough);
    }

    [Fact]
    public async Task ReadGlobal_prefix_is_matched_as_written_counting_characters_not_bytes()
    {
        var journal = await OpenAsync();
        await journal.AppendAsync("a%b/1", 0, Evs("percent"), Ct);
        await journal.AppendAsync("axb/1", 0, Evs("x"), Ct);
        await journal.AppendAsync("ünï/😀/1", 0, Evs("emoji"), Ct);
        await journal.AppendAsync("ünï/x/1", 0, Evs("plain"), Ct);

        Assert.Equal(["percent"], (await journal.ReadGlobalAsync(0, 10, "a%b/", Ct)).Events.Select(Tag));
        Assert.Equal(["emoji"], (await journal.ReadGlobalAsync(0, 10, "ünï/😀/", Ct)).Events.Select(Tag));
        Assert.Equal(["emoji", "plain"], (await journal.ReadGlobalAsync(0, 10, "ünï/", Ct)).Events.Select(Tag));
        Assert.Equal(["percent", "x", "emoji", "plain"], (await journal.ReadGlobalAsync(0, 10, "", Ct)).Events.Select(Tag));
    }

    [Fact]
    public async Task ReadGlobal_prefix_refuses_null_and_overlong_prefixes()
    {
        var journal = await OpenAsync();
        await Assert.ThrowsAsync<ArgumentNullException>(() => journal.ReadGlobalAsync(0, 10, null!, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => journal.ReadGlobalAsync(0, 10, new string('p', JournalLimits.MaxStreamIdLength + 1), Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => journal.ReadGlobalAsync(0, 0, "order/", Ct));
    }
}
