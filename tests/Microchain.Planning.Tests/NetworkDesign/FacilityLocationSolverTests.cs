using CsCheck;
using Microchain.Planning.NetworkDesign;
using Xunit;

namespace Microchain.Planning.Tests.NetworkDesign;

public sealed class FacilityLocationSolverTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Solve_uncapacitatedRandom_reachesBruteForceOptimum() =>
        Instances.Uncapacitated.Sample(problem => AssertProvenOptimal(problem), iter: 150, threads: 1, print: Instances.Describe);

    [Fact]
    public void Solve_multiSourceRandom_reachesBruteForceOptimum() =>
        Instances.Capacitated(SourcingMode.MultiSource).Sample(problem => AssertProvenOptimal(problem), iter: 150, threads: 1, print: Instances.Describe);

    [Fact]
    public void Solve_singleSourceRandom_boundsBracketBruteForceOptimum() =>
        Instances.Capacitated(SourcingMode.SingleSource).Sample(problem =>
        {
            var optimum = BruteForce.Optimum(problem);
            var solution = FacilityLocationSolver.Solve(problem, cancellationToken: TestContext.Current.CancellationToken);
            if (double.IsPositiveInfinity(optimum))
            {
                Assert.False(double.IsFinite(solution.Objective));
                return;
            }
            Assert.True(solution.LowerBound <= optimum + Tolerance, $"bound {solution.LowerBound} above optimum {optimum}");
            Assert.True(double.IsPositiveInfinity(solution.Objective) || solution.Objective >= optimum - Tolerance);
            if (double.IsFinite(solution.Objective)) AssertConsistent(problem, solution);
            if (solution.IsOptimal) Assert.Equal(optimum, solution.Objective, Tolerance);
        }, iter: 150, threads: 1, print: Instances.Describe);

    [Fact]
    public void Solve_forcedSitesCountAndBudget_areHonouredAtTheOptimum()
    {
        var gen =
            from problem in Instances.Uncapacitated
            from statuses in Instances.Statuses(problem.SiteCount)
            from min in Gen.Int[0, problem.SiteCount]
            from extra in Gen.Int[0, problem.SiteCount]
            from budget in Gen.Int[0, 600]
            select problem with
            {
                SiteStatuses = statuses,
                MinOpenSites = min,
                MaxOpenSites = Math.Min(problem.SiteCount, min + extra),
                OpeningBudget = budget,
            };
        gen.Sample(problem =>
        {
            var optimum = BruteForce.Optimum(problem);
            var solution = FacilityLocationSolver.Solve(problem, cancellationToken: TestContext.Current.CancellationToken);
            if (double.IsPositiveInfinity(optimum))
            {
                Assert.Equal(SolveStatus.Infeasible, solution.Status);
                return;
            }
            AssertProvenOptimal(problem, solution, optimum);
            for (var i = 0; i < problem.SiteCount; i++)
            {
                if (problem.SiteStatuses![i] == SiteStatus.ForcedOpen) Assert.Contains(i, solution.OpenSites);
                if (problem.SiteStatuses![i] == SiteStatus.ForcedClosed) Assert.DoesNotContain(i, solution.OpenSites);
            }
            Assert.InRange(solution.OpenSites.Count, Math.Max(1, problem.MinOpenSites), problem.MaxOpenSites!.Value);
            Assert.True(solution.OpeningCost <= problem.OpeningBudget!.Value + Tolerance);
        }, iter: 200, threads: 1, print: Instances.Describe);
    }

    [Fact]
    public void Solve_maxTravelPerCustomer_assignsOnlyWithinPromise()
    {
        var gen =
            from problem in Instances.Uncapacitated
            from travel in Gen.Int[0, 60].Array[problem.SiteCount * problem.CustomerCount]
            from promise in Gen.Int[10, 60].Array[problem.CustomerCount]
            select problem with { TravelMinutes = Instances.ToDouble(travel), MaxTravelMinutes = Instances.ToDouble(promise) };
        gen.Sample(problem =>
        {
            var optimum = BruteForce.Optimum(problem);
            var solution = FacilityLocationSolver.Solve(problem, cancellationToken: TestContext.Current.CancellationToken);
            if (double.IsPositiveInfinity(optimum))
            {
                Assert.Equal(SolveStatus.Infeasible, solution.Status);
                Assert.Empty(solution.OpenSites);
                return;
            }
            AssertProvenOptimal(problem, solution, optimum);
            foreach (var a in solution.Assignments) Assert.True(BruteForce.Allowed(problem, a.Site, a.Customer));
        }, iter: 150, threads: 1, print: Instances.Describe);
    }

    [Fact]
    public void Solve_sameInstanceTwice_returnsIdenticalResults()
    {
        var problem = LargeRandom(seed: 3, capacitated: true);
        var first = FacilityLocationSolver.Solve(problem, cancellationToken: TestContext.Current.CancellationToken);
        var second = FacilityLocationSolver.Solve(problem, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(first.Objective, second.Objective);
        Assert.Equal(first.LowerBound, second.LowerBound);
        Assert.Equal(first.Nodes, second.Nodes);
        Assert.Equal(first.OpenSites, second.OpenSites);
        Assert.Equal(first.Assignments, second.Assignments);
    }

    [Fact]
    public void Solve_cancelledBeforeStart_returnsValidSolutionWithBound()
    {
        var problem = LargeRandom(seed: 5, capacitated: true);
        var solution = FacilityLocationSolver.Solve(problem, cancellationToken: new CancellationToken(canceled: true));
        Assert.Equal(SolveStatus.Cancelled, solution.Status);
        Assert.True(double.IsFinite(solution.Objective));
        Assert.True(solution.LowerBound <= solution.Objective);
        AssertConsistent(problem, solution);
    }

    [Fact]
    public void Solve_timeLimitReached_returnsBestSoFarWithItsBound()
    {
        var problem = LargeRandom(seed: 9, capacitated: true);
        var clock = new SteppingTimeProvider(TimeSpan.FromMilliseconds(100));
        var solution = FacilityLocationSolver.Solve(problem, new FacilitySolverOptions { TimeLimit = TimeSpan.FromSeconds(1), TimeProvider = clock }, TestContext.Current.CancellationToken);
        Assert.Equal(SolveStatus.TimeLimit, solution.Status);
        Assert.True(double.IsFinite(solution.Objective));
        Assert.True(solution.LowerBound <= solution.Objective);
        Assert.True(solution.Gap >= 0);
        AssertConsistent(problem, solution);
    }

    [Fact]
    public void Solve_progress_reportsMonotoneBoundsBelowIncumbent()
    {
        var problem = LargeRandom(seed: 11, capacitated: true);
        var reports = new List<FacilitySolverProgress>();
        var solution = FacilityLocationSolver.Solve(problem, new FacilitySolverOptions { Progress = new ListProgress(reports) }, TestContext.Current.CancellationToken);
        Assert.NotEmpty(reports);
        for (var k = 1; k < reports.Count; k++)
        {
            Assert.True(reports[k].Objective <= reports[k - 1].Objective);
            Assert.True(reports[k].LowerBound >= reports[k - 1].LowerBound);
        }
        Assert.True(reports[^1].LowerBound <= solution.Objective + Tolerance);
    }

    [Fact]
    public void Solve_singleSourceCustomerLargerThanEverySite_isInfeasible()
    {
        var problem = new FacilityProblem([10, 10], [3, 9], [1, 2, 3, 4]) { CapacityUnits = [8, 8], Sourcing = SourcingMode.SingleSource };
        var solution = FacilityLocationSolver.Solve(problem, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(SolveStatus.Infeasible, solution.Status);
        Assert.Empty(solution.OpenSites);
        Assert.True(double.IsPositiveInfinity(solution.Objective));
    }

    [Fact]
    public void Solve_multiSourceCustomerLargerThanEverySite_splitsItsDemand()
    {
        var problem = new FacilityProblem([10, 10], [3, 9], [3, 9, 6, 18]) { CapacityUnits = [8, 8] };
        var solution = FacilityLocationSolver.Solve(problem, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(SolveStatus.Optimal, solution.Status);
        Assert.Equal(2, solution.Assignments.Count(a => a.Customer == 1));
        FacilityLocationSolverTests.AssertConsistent(problem, solution);
    }

    [Fact]
    public void Validate_mismatchedCostMatrix_throws()
    {
        var problem = new FacilityProblem([1, 2], [1, 1, 1], [1, 2, 3, 4, 5]);
        Assert.Throws<ArgumentException>(() => FacilityLocationSolver.Solve(problem, cancellationToken: TestContext.Current.CancellationToken));
    }

    internal static void AssertProvenOptimal(FacilityProblem problem) => AssertProvenOptimal(problem, FacilityLocationSolver.Solve(problem, cancellationToken: TestContext.Current.CancellationToken), BruteForce.Optimum(problem));

    internal static void AssertProvenOptimal(FacilityProblem problem, FacilitySolution solution, double optimum)
    {
        Assert.Equal(SolveStatus.Optimal, solution.Status);
        Assert.Equal(optimum, solution.Objective, Tolerance);
        Assert.True(solution.LowerBound <= optimum + Tolerance, $"bound {solution.LowerBound} above optimum {optimum}");
        Assert.Equal(0, solution.Gap, 9);
        AssertConsistent(problem, solution);
    }

    /// <summary>Each customer fully served, capacities kept, and the reported costs add up.</summary>
    internal static void AssertConsistent(FacilityProblem problem, FacilitySolution solution)
    {
        int n = problem.CustomerCount;
        var served = new double[n];
        var load = new double[problem.SiteCount];
        var assignmentCost = 0.0;
        foreach (var a in solution.Assignments)
        {
            Assert.Contains(a.Site, solution.OpenSites);
            served[a.Customer] += a.Fraction;
            load[a.Site] += a.QuantityUnits;
            assignmentCost += a.Fraction * problem.AssignmentCost[(a.Site * n) + a.Customer];
            if (problem.IsCapacitated && problem.Sourcing == SourcingMode.SingleSource) Assert.Equal(1.0, a.Fraction);
        }
        for (var j = 0; j < n; j++) Assert.Equal(1.0, served[j], 9);
        if (problem.CapacityUnits is { } capacity)
        {
            for (var i = 0; i < problem.SiteCount; i++) Assert.True(load[i] <= capacity[i] + Tolerance, $"site {i} load {load[i]} over {capacity[i]}");
        }
        Assert.Equal(solution.AssignmentCost, assignmentCost, 6);
        Assert.Equal(solution.Objective, solution.OpeningCost + solution.AssignmentCost, 6);
    }

    /// <summary>A 30-site, 60-customer instance: big enough that branch-and-bound runs more than its root.</summary>
    internal static FacilityProblem LargeRandom(int seed, bool capacitated)
    {
        var random = new Random(seed);
        const int m = 30, n = 60;
        var x = Enumerable.Range(0, m + n).Select(_ => random.NextDouble() * 100).ToArray();
        var y = Enumerable.Range(0, m + n).Select(_ => random.NextDouble() * 100).ToArray();
        var demand = Enumerable.Range(0, n).Select(_ => (double)random.Next(5, 40)).ToArray();
        var cost = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++) cost[(i * n) + j] = Math.Round(demand[j] * Math.Sqrt(Math.Pow(x[i] - x[m + j], 2) + Math.Pow(y[i] - y[m + j], 2)));
        }
        var opening = Enumerable.Range(0, m).Select(_ => (double)random.Next(500, 3000)).ToArray();
        return new FacilityProblem(opening, demand, cost)
        {
            CapacityUnits = capacitated ? [.. Enumerable.Range(0, m).Select(_ => (double)random.Next(100, 400))] : null,
        };
    }

    private sealed class ListProgress(List<FacilitySolverProgress> reports) : IProgress<FacilitySolverProgress>
    {
        public void Report(FacilitySolverProgress value) => reports.Add(value);
    }
}
