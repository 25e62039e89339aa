using Microchain.Runtime.Journal;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Microchain.Runtime.Tests.Journal;

/// <summary>
/// The behaviour every <see cref="IEventJournal"/> store must have. Each store derives one test class from
/// this; each test gets a fresh, empty store.
/// </summary>
public abstract partial class EventJournalConformance : IAsyncDisposable
{
    private readonly List<IEventJournal> opened = [];
    private string? store;

    protected static DateTimeOffset Start { get; } = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Time { get; } = new(Start);

    /// <summary>This test's store, once <see cref="OpenAsync"/> created it.</summary>
    protected string? StoreLocation => store;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Creates an empty store; returns what <see cref="OpenStoreAsync"/> needs to open it.</summary>
    protected abstract Task<string> CreateStoreAsync(CancellationToken cancellationToken);

    protected abstract Task<IEventJournal> OpenStoreAsync(string location, TimeProvider time, CancellationToken cancellationToken);

    protected virtual ValueTask DeleteStoreAsync(string location) => ValueTask.CompletedTask;

    /// <summary>Opens a journal instance on this test's store (creating the store on first call).</summary>
    protected async Task<IEventJournal> OpenAsync()
    {
        store ??= await CreateStoreAsync(Ct);
        var journal = await OpenStoreAsync(store, Time, Ct);
        opened.Add(journal);
        return journal;
    }

    protected static string NewStream(string name = "s") => $"{name}-{Guid.NewGuid():N}";

    protected static EventData Ev(string tag) => new("test.happened", $$"""{"tag":"{{tag}}"}""");

    protected static EventData[] Evs(params string[] tags) => [.. tags.Select(Ev)];

    protected static string Tag(StoredEvent e) => e.Data[8..^2];

    protected static async Task<IReadOnlyList<StoredEvent>> AllAsync(IEventJournal journal) =>
        (await journal.ReadGlobalAsync(0, JournalLimits.MaxReadCount, "", Ct)).Events;

    public async ValueTask DisposeAsync()
    {
        foreach (var journal in opened)
        {
            await journal.DisposeAsync();
        }

        if (store is not null)
        {
            await DeleteStoreAsync(store);
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Append_new_stream_then_read_returns_events_in_order()
    {
        var journal = await OpenAsync();
        var stream = NewStream();

        var v1 = await journal.AppendAsync(stream, 0, Evs("a", "b"), Ct);
        var v2 = await journal.AppendAsync(stream, 2, Evs("c"), Ct);

        Assert.Equal(2, v1);
        Assert.Equal(3, v2);
        var events = await journal.ReadAsync(stream, 1, Ct);
        Assert.Equal(["a", "b", "c"], events.Select(Tag));
        Assert.Equal([1L, 2, 3], events.Select(e => e.Version));
        Assert.All(events, e => Assert.Equal(stream, e.StreamId));
        Assert.All(events, e => Assert.Equal("test.happened", e.Type));
    }

    [Fact]
    public async Task Read_from_version_and_max_count_returns_that_window()
    {
        var journal = await OpenAsync();
        var stream = NewStream();
        await journal.AppendAsync(stream, 0, Evs("1", "2", "3", "4", "5"), Ct);

        var window = await journal.ReadAsync(stream, 2, 3, Ct);
        var missing = await journal.ReadAsync(NewStream(), 1, 10, Ct);

        Assert.Equal(["2", "3", "4"], window.Select(Tag));
        Assert.Empty(missing);
    }

    [Fact]
    public async Task Append_records_time_from_time_provider()
    {
        var journal = await OpenAsync();
        var stream = NewStream();

        await journal.AppendAsync(stream, 0, Evs("a"), Ct);
        Time.Advance(TimeSpan.FromMinutes(90.5));
        await journal.AppendAsync(stream, 1, Evs("b"), Ct);

        var events = await journal.ReadAsync(stream, 1, Ct);
        Assert.Equal([Start, Start.AddMinutes(90.5)], events.Select(e => e.RecordedAt));
    }

    [Fact]
    public async Task ReadGlobal_returns_all_streams_in_commit_order_and_pages_by_position()
    {
        var journal = await OpenAsync();
        var (a, b, c) = (NewStream("a"), NewStream("b"), NewStream("c"));
        await journal.AppendAsync(a, 0, Evs("a1"), Ct);
        await journal.AppendAsync(b, 0, Evs("b1", "b2"), Ct);
        await journal.AppendAsync(a, 1, Evs("a2"), Ct);
        await journal.AppendManyAsync([new(c, 0, Evs("c1")), new(a, 2, Evs("a3"))], [], Ct);

        var all = await AllAsync(journal);
        var paged = new List<StoredEvent>();
        long after = 0;
        while (await journal.ReadGlobalAsync(after, 2, "", Ct) is { Events.Count: > 0 } page)
        {
            paged.AddRange(page.Events);
            after = page.ScannedThrough;
        }

        Assert.Equal(["a1", "b1", "b2", "a2", "c1", "a3"], all.Select(Tag));
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Position < p.Second.Position));
        Assert.Equal(all, paged);
        Assert.Equal(["a2", "c1", "a3"], (await journal.ReadGlobalAsync(all[2].Position, 10, "", Ct)).Events.Select(Tag));
    }

    [Fact]
    public async Task AppendMany_all_versions_match_writes_every_stream()
    {
        var journal = await OpenAsync();
        var (a, b) = (NewStream("a"), NewStream("b"));
        await journal.AppendAsync(a, 0, Evs("a1"), Ct);

        var versions = await journal.AppendManyAsync([new(a, 1, Evs("a2", "a3")), new(b, 0, Evs("b1"))], [], Ct);

        Assert.Equal([3L, 1], versions);
        Assert.Equal(["a1", "a2", "a3"], (await journal.ReadAsync(a, 1, Ct)).Select(Tag));
        Assert.Equal(["b1"], (await journal.ReadAsync(b, 1, Ct)).Select(Tag));
    }
}
