using CsCheck;
using Microchain.Planning.NetworkDesign;
using Xunit;

namespace Microchain.Planning.Tests.NetworkDesign;

public sealed class PMedianAndCoverageTests
{
    private static readonly Gen<PMedianProblem> PMedians =
        from m in Gen.Int[1, 7]
        from n in Gen.Int[1, 8]
        from p in Gen.Int[1, m]
        from distance in Gen.Int[0, 50].Array[m * n]
        from weight in Gen.Int[1, 4].Array[n]
        select new PMedianProblem(Instances.ToDouble(distance), Instances.ToDouble(weight), p);

    private static readonly Gen<MaximalCoverageProblem> Coverages =
        from m in Gen.Int[1, 7]
        from n in Gen.Int[1, 8]
        from p in Gen.Int[1, m]
        from travel in Gen.Int[0, 60].Array[m * n]
        from demand in Gen.Int[1, 9].Array[n]
        from promise in Gen.Int[5, 40].Array[n]
        select new MaximalCoverageProblem(Instances.ToDouble(travel), Instances.ToDouble(demand), Instances.ToDouble(promise)) { MaxOpenSites = p };

    [Fact]
    public void PMedian_random_reachesBruteForceOptimumWithExactlyPSites() =>
        PMedians.Sample(problem =>
        {
            var facility = problem.ToFacilityProblem();
            var optimum = BruteForce.Optimum(facility);
            var solution = PMedianSolver.Solve(problem, cancellationToken: TestContext.Current.CancellationToken);
            FacilityLocationSolverTests.AssertProvenOptimal(facility, solution, optimum);
            Assert.Equal(problem.MedianCount, solution.OpenSites.Count);
        }, iter: 150, threads: 1);

    [Fact]
    public void PMedian_shortestPathGraph_matchesHandComputedOptimum()
    {
        // A path 0-1-2-3-4 with unit edges: the best 2-median is {1, 3} (or {1, 4} / {0, 3}), total distance 3.
        var distances = new double[25];
        for (var a = 0; a < 5; a++)
        {
            for (var b = 0; b < 5; b++) distances[(a * 5) + b] = Math.Abs(a - b);
        }
        var solution = PMedianSolver.Solve(new PMedianProblem(distances, [1, 1, 1, 1, 1], 2), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(3, solution.Objective);
        Assert.True(solution.IsOptimal);
    }

    [Fact]
    public void Coverage_random_reachesBruteForceMaximumWithinRadius() =>
        Coverages.Sample(problem =>
        {
            var n = problem.DemandUnits.Count;
            var m = problem.TravelMinutes.Count / n;
            var best = 0.0;
            for (var mask = 1; mask < 1 << m; mask++)
            {
                if (int.PopCount(mask) > problem.MaxOpenSites) continue;
                var covered = 0.0;
                for (var j = 0; j < n; j++)
                {
                    if (Enumerable.Range(0, m).Any(i => (mask >> i & 1) == 1 && problem.TravelMinutes[(i * n) + j] <= problem.CoverMinutes[j])) covered += problem.DemandUnits[j];
                }
                best = Math.Max(best, covered);
            }
            var solution = MaximalCoverageSolver.Solve(problem, cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(solution.IsOptimal);
            Assert.Equal(best, solution.CoveredDemandUnits, 9);
            Assert.True(solution.UpperBoundDemandUnits >= best - 1e-9);
            Assert.Equal(0, solution.Gap, 9);
            Assert.InRange(solution.OpenSites.Count, 1, problem.MaxOpenSites!.Value);
            var recount = 0.0;
            for (var j = 0; j < n; j++)
            {
                var site = solution.CoveringSite[j];
                if (site < 0) continue;
                Assert.Contains(site, solution.OpenSites);
                Assert.True(problem.TravelMinutes[(site * n) + j] <= problem.CoverMinutes[j]);
                recount += problem.DemandUnits[j];
            }
            Assert.Equal(solution.CoveredDemandUnits, recount, 9);
        }, iter: 150, threads: 1);

    [Fact]
    public void Coverage_budget_keepsSiteCostWithinBudget()
    {
        // Site 0 covers everyone but costs more than the budget; sites 1 and 2 each cover half and fit together.
        var problem = new MaximalCoverageProblem(
            TravelMinutes: [5, 5, 5, 5, 5, 5, 99, 99, 99, 99, 5, 5],
            DemandUnits: [1, 1, 1, 1],
            CoverMinutes: [10, 10, 10, 10])
        {
            SiteCost = [10, 4, 4],
            Budget = 8,
        };
        var solution = MaximalCoverageSolver.Solve(problem, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([1, 2], solution.OpenSites);
        Assert.Equal(1.0, solution.CoveredShare, 9);
        Assert.True(solution.IsOptimal);
    }
}
