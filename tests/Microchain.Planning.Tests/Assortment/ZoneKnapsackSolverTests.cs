using CsCheck;
using Microchain.Planning.Assortment;
using Xunit;

namespace Microchain.Planning.Tests.Assortment;

public sealed class ZoneKnapsackSolverTests
{
    /// <summary>Small instances: up to 12 items over 3 zones, capacities that bind, some non-positive scores.</summary>
    private static readonly Gen<ZoneKnapsackProblem> Small =
        Gen.Select(Gen.Select(Gen.Long[-50, 1000], Gen.Long[1, 60], Gen.Int[0, 2]).Array[0, 12], Gen.Long[0, 120].Array[3], Gen.Int[0, 8])
            .Select((items, caps, slots) => new ZoneKnapsackProblem(items.Select(i => i.Item1).ToArray(), items.Select(i => i.Item2).ToArray(),
                items.Select(i => i.Item3).ToArray(), caps, slots));

    private static string Describe(ZoneKnapsackProblem p) =>
        $"scores [{string.Join(",", p.Scores)}] volumes [{string.Join(",", p.Volumes)}] zones [{string.Join(",", p.Zones)}] caps [{string.Join(",", p.Capacities)}] slots {p.Slots}";

    private static long BruteForce(ZoneKnapsackProblem p)
    {
        long best = 0;
        for (var mask = 0; mask < 1 << p.Count; mask++)
        {
            var chosen = Enumerable.Range(0, p.Count).Where(i => (mask >> i & 1) == 1).ToArray();
            if (p.Fits(chosen)) best = Math.Max(best, chosen.Sum(i => p.Scores[i]));
        }
        return best;
    }

    [Fact]
    public void Solve_smallInstances_fitsAndMatchesBruteForce()
    {
        Small.Sample(p =>
        {
            var s = ZoneKnapsackSolver.Solve(p);
            Assert.True(p.Fits(s.Chosen));
            Assert.Equal(s.Chosen.Sum(i => p.Scores[i]), s.Score);
            Assert.Equal(KnapsackStatus.Optimal, s.Status);
            Assert.Equal(BruteForce(p), s.Score);
            Assert.Equal(0, s.Gap);
        }, iter: 400, threads: 1, print: Describe);
    }

    [Fact]
    public void Solve_heuristicOnly_boundIsAtLeastTheOptimumAndGapNotNegative()
    {
        var heuristic = new ZoneKnapsackOptions(MaxExactItems: 0);
        Small.Sample(p =>
        {
            var s = ZoneKnapsackSolver.Solve(p, heuristic);
            Assert.True(p.Fits(s.Chosen));
            Assert.True(s.Bound >= BruteForce(p), $"bound {s.Bound} below the optimum");
            Assert.True(s.Gap >= 0);
            Assert.True(s.Score <= s.Bound);
        }, iter: 400, threads: 1, print: Describe);
    }

    [Fact]
    public void Solve_moreCapacityOrSlots_neverLowersTheScore()
    {
        Gen.Select(Small, Gen.Long[0, 60], Gen.Int[0, 2], Gen.Int[0, 3]).Sample((p, extra, zone, slots) =>
        {
            var caps = p.Capacities.ToArray();
            caps[zone] += extra;
            var bigger = p with { Capacities = caps, Slots = p.Slots + slots };
            Assert.True(ZoneKnapsackSolver.Solve(bigger).Score >= ZoneKnapsackSolver.Solve(p).Score);
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void Solve_largeInstance_isDeterministicFeasibleAndReportsItsGap()
    {
        Gen.Select(Gen.Select(Gen.Long[1, 10_000], Gen.Long[100, 20_000], Gen.Int[0, 2]).Array[600, 800], Gen.Long[50_000, 2_000_000].Array[3], Gen.Int[20, 300])
            .Sample((items, caps, slots) =>
            {
                var p = new ZoneKnapsackProblem(items.Select(i => i.Item1).ToArray(), items.Select(i => i.Item2).ToArray(), items.Select(i => i.Item3).ToArray(), caps, slots);
                var a = ZoneKnapsackSolver.Solve(p);
                var b = ZoneKnapsackSolver.Solve(p);
                Assert.Equal(a.Chosen, b.Chosen);
                Assert.Equal(a.Bound, b.Bound);
                Assert.True(p.Fits(a.Chosen));
                Assert.InRange(a.Gap, 0, 0.05);
            }, iter: 10, threads: 1);
    }

    [Fact]
    public void Solve_slotsBindBeforeVolume_takesTheHighestScores()
    {
        var p = new ZoneKnapsackProblem([5, 9, 7, 1], [1, 1, 1, 1], [0, 1, 2, 0], [100, 100, 100], 2);
        var s = ZoneKnapsackSolver.Solve(p);
        Assert.Equal([1, 2], s.Chosen);
        Assert.Equal(16, s.Score);
    }

    [Fact]
    public void Solve_itemLargerThanItsZone_isNeverChosen()
    {
        var p = new ZoneKnapsackProblem([1_000, 1], [11, 1], [1, 1], [0, 10, 0], 5);
        Assert.Equal([1], ZoneKnapsackSolver.Solve(p).Chosen);
    }
}
