using CsCheck;
using Microchain.Planning.NetworkDesign;
using Xunit;

namespace Microchain.Planning.Tests.NetworkDesign;

public sealed class MultiPeriodPlannerTests
{
    private static readonly Gen<MultiPeriodProblem> Problems =
        from m in Gen.Int[1, 4]
        from n in Gen.Int[1, 5]
        from periods in Gen.Int[1, 3]
        from operating in Gen.Int[0, 200].Array[m]
        from opening in Gen.Int[0, 300].Array[m]
        from closing in Gen.Int[0, 100].Array[m]
        from unit in Gen.Int[0, 30].Array[m * n]
        from demand in Gen.Int[0, 6].Array[n].Array[periods]
        from initial in Gen.Bool.Array[m]
        select new MultiPeriodProblem(Instances.ToDouble(operating), Instances.ToDouble(opening), Instances.ToDouble(closing),
            Instances.ToDouble(unit), [.. demand.Select(d => (IReadOnlyList<double>)Instances.ToDouble(d))])
        {
            InitiallyOpen = initial,
        };

    [Fact]
    public void Solve_random_boundAndPlanBracketBruteForceOptimum() =>
        Problems.Sample(problem =>
        {
            var optimum = BruteForceOptimum(problem);
            var plan = MultiPeriodPlanner.Solve(problem, cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(plan.LowerBound <= optimum + 1e-6, $"bound {plan.LowerBound} above optimum {optimum}");
            Assert.True(plan.TotalCost >= optimum - 1e-6);
            if (plan.Status == SolveStatus.Optimal) Assert.Equal(optimum, plan.TotalCost, 6);
            AssertBreakdown(problem, plan);
        }, iter: 100, threads: 1);

    [Fact]
    public void Solve_freeRelocation_isOptimalPeriodByPeriod() =>
        Problems.Select(p => p with { OpeningCost = new double[p.SiteCount], ClosingCost = new double[p.SiteCount] }).Sample(problem =>
        {
            var plan = MultiPeriodPlanner.Solve(problem, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(SolveStatus.Optimal, plan.Status);
            Assert.Equal(BruteForceOptimum(problem), plan.TotalCost, 6);
        }, iter: 100, threads: 1);

    [Fact]
    public void Solve_demandMovesAcrossTown_relocatesOnlyWhenCheaperThanServingFromAfar()
    {
        // Two sites, two customers; demand moves from customer 0 (near site 0) to customer 1 (near site 1) after period 0.
        MultiPeriodProblem Scenario(double moveCost) => new(
            OperatingCostPerPeriod: [10, 10],
            OpeningCost: [moveCost, moveCost],
            ClosingCost: [0, 0],
            UnitAssignmentCost: [1, 20, 20, 1],
            DemandUnitsByPeriod: [[10, 0], [0, 10], [0, 10]])
        {
            InitiallyOpen = [true, false],
            MaxOpenSites = 1,
        };
        var cheap = MultiPeriodPlanner.Solve(Scenario(50), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([[0], [1], [1]], cheap.Periods.Select(p => p.OpenSites.ToArray()).ToArray());
        Assert.Equal([1], cheap.Periods[1].Opened);
        Assert.Equal([0], cheap.Periods[1].Closed);
        Assert.Equal(50, cheap.RelocationCost);

        var dear = MultiPeriodPlanner.Solve(Scenario(1000), cancellationToken: TestContext.Current.CancellationToken);
        Assert.All(dear.Periods, p => Assert.Equal([0], p.OpenSites));
        Assert.Equal(0, dear.RelocationCost);
    }

    private static void AssertBreakdown(MultiPeriodProblem problem, MultiPeriodPlan plan)
    {
        var previous = problem.InitiallyOpen!.ToArray();
        foreach (var period in plan.Periods)
        {
            var open = new bool[problem.SiteCount];
            foreach (var i in period.OpenSites) open[i] = true;
            var relocation = Enumerable.Range(0, open.Length).Sum(i =>
                open[i] && !previous[i] ? problem.OpeningCost[i] : !open[i] && previous[i] ? problem.ClosingCost[i] : 0);
            Assert.Equal(relocation, period.RelocationCost, 9);
            Assert.Equal(period.OpenSites.Sum(i => problem.OperatingCostPerPeriod[i]), period.OperatingCost, 9);
            var n = problem.DemandUnitsByPeriod[period.Period].Count;
            Assert.Equal(n, period.Assignments.Select(a => a.Customer).Distinct().Count());
            previous = open;
        }
        Assert.Equal(plan.TotalCost, plan.OperatingCost + plan.AssignmentCost + plan.RelocationCost, 6);
    }

    /// <summary>Every sequence of non-empty open sets, each period priced by brute force.</summary>
    private static double BruteForceOptimum(MultiPeriodProblem problem)
    {
        int m = problem.SiteCount, periods = problem.PeriodCount;
        var sets = Enumerable.Range(1, (1 << m) - 1).Select(mask => Enumerable.Range(0, m).Select(i => (mask >> i & 1) == 1).ToArray()).ToArray();
        var periodCost = sets.Select(s => Enumerable.Range(0, periods).Select(t => BruteForce.Optimum(problem.PeriodProblem(t, s))).ToArray()).ToArray();
        var best = double.PositiveInfinity;
        Walk(0, problem.InitiallyOpen!.ToArray(), 0);
        return best;

        void Walk(int t, bool[] previous, double cost)
        {
            if (t == periods)
            {
                best = Math.Min(best, cost);
                return;
            }
            for (var s = 0; s < sets.Length; s++)
            {
                var move = Enumerable.Range(0, m).Sum(i =>
                    sets[s][i] && !previous[i] ? problem.OpeningCost[i] : !sets[s][i] && previous[i] ? problem.ClosingCost[i] : 0);
                Walk(t + 1, sets[s], cost + move + periodCost[s][t]);
            }
        }
    }
}
