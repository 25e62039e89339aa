using Microchain.Runtime.Journal;
using Xunit;

namespace Microchain.Runtime.Tests.Journal;

public abstract partial class EventJournalConformance
{
    private const int Racers = 8;
    private const int Rounds = 6;

    [Fact]
    public async Task Append_racers_on_one_stream_exactly_one_wins_each_version()
    {
        var journal = await OpenAsync();
        await RaceAsync([journal]);
    }

    [Fact]
    public async Task Append_racers_through_two_journal_instances_exactly_one_wins_each_version()
    {
        // Two instances share only the database: the version check must be enforced there, not in-process.
        var first = await OpenAsync();
        var second = await OpenAsync();
        await RaceAsync([first, second]);
    }

    private static async Task RaceAsync(IReadOnlyList<IEventJournal> journals)
    {
        var stream = NewStream("race");
        var winners = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var expected = 2L * round;
            var racers = Enumerable.Range(0, Racers).Select(async racer =>
            {
                var tag = $"round{expected}-racer{racer}";
                await start.Task;
                try
                {
                    var version = await journals[racer % journals.Count].AppendAsync(stream, expected, Evs(tag, tag + "-b"), Ct);
                    return (Tag: tag, Won: true, Version: version);
                }
                catch (JournalConcurrencyException ex)
                {
                    return (Tag: tag, Won: false, Version: ex.ActualVersion);
                }
            }).ToArray();
            start.SetResult();
            var results = await Task.WhenAll(racers);

            var winner = Assert.Single(results, r => r.Won);
            Assert.All(results, r => Assert.Equal(expected + 2, r.Version));
            winners.Add(winner.Tag);
        }

        var stored = await journals[0].ReadAsync(stream, 1, Ct);
        Assert.Equal(Enumerable.Range(1, Rounds * 2).Select(v => (long)v), stored.Select(e => e.Version));
        Assert.Equal(winners.SelectMany(w => new[] { w, w + "-b" }), stored.Select(Tag));
    }

    [Fact]
    public async Task Append_concurrent_writers_keep_versions_dense_and_positions_in_version_order()
    {
        var journal = await OpenAsync();
        var streams = Enumerable.Range(0, 4).Select(i => NewStream($"w{i}")).ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, 16).Select(async w =>
        {
            await start.Task;
            var stream = streams[w % streams.Length];
            var acked = new List<(long Version, string Tag)>();
            long known = 0;
            for (var i = 0; i < 10; i++)
            {
                var tag = $"w{w}-{i}";
                while (true)
                {
                    try
                    {
                        known = await journal.AppendAsync(stream, known, Evs(tag), Ct);
                        acked.Add((known, tag));
                        break;
                    }
                    catch (JournalConcurrencyException ex)
                    {
                        known = ex.ActualVersion;
                    }
                }
            }

            return (Stream: stream, Acked: acked);
        }).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(writers);

        var all = await AllAsync(journal);
        Assert.Equal(160, all.Count);
        foreach (var stream in streams)
        {
            var events = all.Where(e => e.StreamId == stream).ToList();
            Assert.Equal(Enumerable.Range(1, 40).Select(v => (long)v), events.Select(e => e.Version));
        }

        var byKey = all.ToDictionary(e => (e.StreamId, e.Version), Tag);
        Assert.All(results.SelectMany(r => r.Acked.Select(a => (r.Stream, a.Version, a.Tag))),
            a => Assert.Equal(a.Tag, byKey[(a.Stream, a.Version)]));
    }
}
