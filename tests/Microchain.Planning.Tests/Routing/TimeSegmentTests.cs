using CsCheck;
using Microchain.Planning.Routing.Search;
using Xunit;

namespace Microchain.Planning.Tests.Routing;

public sealed class TimeSegmentTests
{
    private sealed record Stop(long Service, long Early, long Late, long TravelToNext);

    private static readonly Gen<Stop[]> Sequences =
        (from service in Gen.Long[0, 20]
         from early in Gen.Long[0, 300]
         from width in Gen.Long[0, 100]
         from travel in Gen.Long[0, 60]
         select new Stop(service, early, early + width, travel)).Array[1, 10];

    /// <summary>Direct forward evaluation with time warp: start at the first window's opening, wait when early, warp back when late.</summary>
    private static (long Warp, long End, long Distance) Forward(Stop[] stops)
    {
        long warp = 0, distance = 0;
        var t = stops[0].Early;
        for (var i = 0; i < stops.Length; i++)
        {
            if (i > 0)
            {
                t += stops[i - 1].TravelToNext;
                distance += 2 * stops[i - 1].TravelToNext;
            }
            var start = Math.Max(t, stops[i].Early);
            if (start > stops[i].Late)
            {
                warp += start - stops[i].Late;
                start = stops[i].Late;
            }
            t = start + stops[i].Service;
        }
        return (warp, t, distance);
    }

    private static TimeSegment Visit(Stop[] stops, int i) => TimeSegment.Visit(i, stops[i].Service, stops[i].Early, stops[i].Late);

    /// <summary>Concatenation of stops[from..to) split at a point chosen by <paramref name="split"/>, recursively.</summary>
    private static TimeSegment Tree(Stop[] stops, int from, int to, Func<int, int, int> split)
    {
        if (to - from == 1) return Visit(stops, from);
        var mid = split(from, to);
        var left = Tree(stops, from, mid, split);
        var right = Tree(stops, mid, to, split);
        return TimeSegment.Concat(left, right, stops[mid - 1].TravelToNext, 2 * stops[mid - 1].TravelToNext);
    }

    [Fact]
    public void Concat_leftFold_matchesForwardEvaluation() =>
        Sequences.Sample(stops =>
        {
            var seg = Tree(stops, 0, stops.Length, (_, to) => to - 1);
            var (warp, end, distance) = Forward(stops);
            Assert.Equal(warp, seg.Warp);
            Assert.Equal(end, seg.Early + seg.Duration - seg.Warp);
            Assert.Equal(distance, seg.Distance);
            Assert.Equal(0, seg.First);
            Assert.Equal(stops.Length - 1, seg.Last);
        }, iter: 2000, threads: 1);

    [Fact]
    public void Concat_anySplitTree_equalsLeftFold() =>
        Gen.Select(Sequences, Gen.Int[0, 1000]).Sample((stops, seed) =>
        {
            var random = new Random(seed);
            var fold = Tree(stops, 0, stops.Length, (_, to) => to - 1);
            var tree = Tree(stops, 0, stops.Length, (from, to) => random.Next(from + 1, to));
            Assert.Equal(fold, tree);
        }, iter: 2000, threads: 1);

    [Fact]
    public void Concat_feasibleSequence_durationIsShortestOverStartTimes() =>
        Sequences.Sample(stops =>
        {
            var seg = Tree(stops, 0, stops.Length, (_, to) => to - 1);
            if (seg.Warp != 0) return;
            // Brute force: every integer start time within the first window; the shortest warp-free duration.
            var best = long.MaxValue;
            for (var start = stops[0].Early; start <= stops[0].Late; start++)
            {
                var shifted = stops.ToArray();
                shifted[0] = stops[0] with { Early = start, Late = start };
                var (warp, end, _) = Forward(shifted);
                if (warp == 0) best = Math.Min(best, end - start);
            }
            Assert.Equal(best, seg.Duration);
            Assert.InRange(seg.Early, stops[0].Early, seg.Late);
        }, iter: 500, threads: 1);
}
