using CsCheck;
using Microchain.Domain;
using Microchain.Planning.Routing.Search;
using Microchain.Planning.Routing;
using Xunit;

namespace Microchain.Planning.Tests.Routing;

public sealed class LocalSearchTests
{
    /// <summary>A greedy start (one recreate), as the search has it before annealing.</summary>
    private static (SearchModel Model, SearchState State) Start(RoutingProblem p, ulong seed)
    {
        var m = new SearchModel(p, 1_000_000m);
        var servable = Unassignability.Reasons(m).Select(r => r is null).ToArray();
        var moves = new RuinRecreate(m, new Xoshiro256(seed), servable);
        var s = new SearchState(m);
        moves.BeginMove();
        moves.CollectUnassigned(s);
        moves.Recreate(s, allowNewRoutes: true);
        return (m, s);
    }

    [Fact]
    public void Improve_greedyStart_staysFeasibleAndNeverCostsMore() =>
        Gen.Select(RandomTimeWindowProblems.Problems, Gen.ULong).Sample((p, seed) =>
        {
            var (m, s) = Start(p, seed);
            Assert.True(LocalSearch.Applies(m));
            var before = s.Objective(m);
            var served = s.RouteOf.Count(r => r >= 0);
            new LocalSearch(m, new Xoshiro256(seed)).Improve(s, () => false);
            Assert.True(s.Objective(m) <= before + 1e-9);
            Assert.Equal(served, s.RouteOf.Count(r => r >= 0));
            foreach (var r in s.Routes)
            {
                Assert.True(r.Feasible);
                for (var k = 0; k < r.Count; k++) Assert.Equal(r.Vehicle, s.RouteOf[r.Jobs[k]]);
            }
            Assert.Equal(served, s.Routes.Sum(r => r.Count));
        }, iter: 200, threads: 1);

    [Fact]
    public void Improve_crossedRoutes_uncrossed()
    {
        // Two vehicles, jobs on two rays; the greedy start is whatever it is, the local optimum has no crossing:
        // each route serves one ray, out and back, which is the optimum here.
        (int X, int Y)[] points = [(0, 0), (10, 0), (20, 0), (30, 0), (0, 10), (0, 20), (0, 30)];
        var p = TestProblems.Euclidean(points, [TestProblems.Van("a", 3), TestProblems.Van("b", 3)],
            [.. Enumerable.Range(0, 6).Select(i => TestProblems.Job(i))]);
        var (m, s) = Start(p, 3);
        new LocalSearch(m, new Xoshiro256(3)).Improve(s, () => false);
        Assert.Equal(120, s.Routes.Sum(r => r.Distance));
    }

    [Fact]
    public void Solve_localSearchInstances_checkerFindsNoViolation() =>
        RandomTimeWindowProblems.Problems.Sample(p =>
        {
            var s = TestProblems.SolveChecked(p, TestProblems.Quick(iterations: 100));
            Assert.Equal(p.Jobs.Count, s.Routes.Sum(r => r.Stops.Count) + s.Unassigned.Count);
        }, iter: 60, threads: 1);
}
