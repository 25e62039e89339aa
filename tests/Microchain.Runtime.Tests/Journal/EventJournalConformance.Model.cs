using Microchain.Runtime.Journal;
using Xunit;

namespace Microchain.Runtime.Tests.Journal;

public abstract partial class EventJournalConformance
{
    /// <summary>
    /// Seeded random sequences of single- and multi-stream appends with right and wrong expected versions,
    /// checked step by step against an in-memory model, then the stored streams and global order against it.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Append_random_sequences_match_in_memory_model(int seed)
    {
        var journal = await OpenAsync();
        var random = new Random(seed);
        var streams = Enumerable.Range(0, 3).Select(i => NewStream($"m{i}")).ToArray();
        var heads = streams.ToDictionary(s => s, _ => 0L);
        var model = streams.ToDictionary(s => s, _ => new List<string>());
        var globalOrder = new List<string>();

        for (var step = 0; step < 25; step++)
        {
            var picked = streams.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray();
            var appends = picked.Select(s =>
            {
                // Mostly right, sometimes one behind or one ahead.
                var expected = Math.Max(0, heads[s] + (random.Next(4) == 0 ? random.Next(2) * 2 - 1 : 0));
                var tags = Enumerable.Range(0, random.Next(1, 4)).Select(k => $"{seed}-{step}-{s[..2]}-{k}").ToArray();
                return new StreamAppend(s, expected, Evs(tags));
            }).ToArray();
            var shouldCommit = appends.All(a => a.ExpectedVersion == heads[a.StreamId]);
            var context = $"seed {seed}, step {step}";

            if (shouldCommit)
            {
                var versions = await journal.AppendManyAsync(appends, [], Ct);
                for (var i = 0; i < appends.Length; i++)
                {
                    var a = appends[i];
                    heads[a.StreamId] += a.Events.Count;
                    Assert.True(heads[a.StreamId] == versions[i], context);
                    var tags = a.Events.Select(e => e.Data[8..^2]).ToList();
                    model[a.StreamId].AddRange(tags);
                    globalOrder.AddRange(tags);
                }
            }
            else
            {
                var ex = await Assert.ThrowsAsync<JournalConcurrencyException>(() => journal.AppendManyAsync(appends, [], Ct));
                var first = appends.First(a => a.ExpectedVersion != heads[a.StreamId]);
                Assert.True((first.StreamId, heads[first.StreamId]) == (ex.StreamId, ex.ActualVersion), context);
            }
        }

        foreach (var stream in streams)
        {
            Assert.Equal(model[stream], (await journal.ReadAsync(stream, 1, Ct)).Select(Tag));
        }

        Assert.Equal(globalOrder, (await AllAsync(journal)).Select(Tag));
    }
}
