using CsCheck;
using Microchain.Planning.Routing;
using Xunit;

namespace Microchain.Planning.Tests.Routing;

public sealed class RoutingSolverTests
{
    [Fact]
    public void Solve_randomRichInstances_checkerFindsNoViolation() =>
        RandomProblems.Problems.Sample(p =>
        {
            var s = TestProblems.SolveChecked(p, TestProblems.Quick(iterations: 150));
            Assert.Equal(p.Jobs.Count, s.Routes.Sum(r => r.Stops.Count) + s.Unassigned.Count);
        }, iter: 60, threads: 1);

    [Fact]
    public void Solve_sameSeed_identicalSolution()
    {
        var p = TestProblems.Euclidean(TestProblems.Grid(12), [TestProblems.Van("a", 5), TestProblems.Van("b", 5), TestProblems.Van("c", 5)],
            [.. Enumerable.Range(0, 12).Select(i => TestProblems.Job(i, demand: 1 + (i % 3)))]);
        var first = TestProblems.SolveChecked(p, TestProblems.Quick(seed: 7, iterations: 500));
        var second = TestProblems.SolveChecked(p, TestProblems.Quick(seed: 7, iterations: 500));
        Assert.Equal(Describe(first), Describe(second));
        Assert.Equal(first.Objective, second.Objective);
    }

    [Fact]
    public void Solve_cancelledBeforeStart_returnsCheckedSolution()
    {
        var p = TestProblems.Euclidean(TestProblems.Grid(8), [TestProblems.Van("a")], [.. Enumerable.Range(0, 8).Select(i => TestProblems.Job(i))]);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var s = TestProblems.SolveUnder(p, TestProblems.Quick(iterations: long.MaxValue), cancelled.Token);
        Assert.Empty(s.Unassigned);
        Assert.Equal(0, s.Iterations);
    }

    [Fact]
    public void Solve_progressReported_bestCostNeverIncreases()
    {
        var reports = new List<SearchProgress>();
        var p = TestProblems.Euclidean(TestProblems.Grid(10), [TestProblems.Van("a", 4), TestProblems.Van("b", 4), TestProblems.Van("c", 4)],
            [.. Enumerable.Range(0, 10).Select(i => TestProblems.Job(i))]);
        var s = TestProblems.SolveChecked(p, TestProblems.Quick(iterations: 400) with { Progress = new SyncProgress(reports.Add) });
        Assert.NotEmpty(reports);
        Assert.Equal(s.Objective, reports[^1].BestCost);
        for (var i = 1; i < reports.Count; i++) Assert.True(reports[i].BestCost <= reports[i - 1].BestCost);
    }

    [Fact]
    public void Solve_chilledJob_servedByChilledVehicleOnly()
    {
        var chilled = new HashSet<string> { "chilled" };
        var p = TestProblems.Euclidean([(0, 0), (10, 0), (0, 10)],
            [TestProblems.Van("bike"), TestProblems.Van("fridge") with { Skills = chilled }],
            [TestProblems.Job(0) with { RequiredSkills = chilled }, TestProblems.Job(1)]);
        var s = TestProblems.SolveChecked(p, TestProblems.Quick());
        var route = Assert.Single(s.Routes, r => r.Stops.Any(stop => stop.JobId == "j0"));
        Assert.Equal("fridge", route.VehicleId);
    }

    [Fact]
    public void Solve_impossibleJobs_reportedWithReasons()
    {
        var p = TestProblems.Euclidean([(0, 0), (10, 0), (20, 0), (30, 0), (400, 0), (5, 0)],
            [TestProblems.Van("van", capacity: 10, shiftEnd: 500) with { MaxRouteDuration = 700 },
             TestProblems.Van("walker", capacity: 10, shiftEnd: 1000) with { MaxRouteDuration = 300 }],
            [TestProblems.Job(0) with { RequiredSkills = new HashSet<string> { "crane" } },
             TestProblems.Job(1, demand: 11),
             TestProblems.Job(2, 1, new TimeWindow(0, 0)),
             TestProblems.Job(3),
             TestProblems.Job(4)]);
        var s = TestProblems.SolveChecked(p, TestProblems.Quick());
        var reasons = s.Unassigned.ToDictionary(u => u.JobId, u => u.Reason);
        Assert.Equal(UnassignedReason.NoVehicleWithSkills, reasons["j0"]);
        Assert.Equal(UnassignedReason.Capacity, reasons["j1"]);
        Assert.Equal(UnassignedReason.TimeWindowUnreachable, reasons["j2"]);
        Assert.Equal(UnassignedReason.RouteDuration, reasons["j3"]); // 800 away and back: beyond the van's shift, the walker's duration
        Assert.Equal("j4", Assert.Single(s.Routes).Stops.Single().JobId);
    }

    [Fact]
    public void Solve_capacityForOneJob_higherPriorityServed()
    {
        var p = TestProblems.Euclidean([(0, 0), (10, 0), (0, 10)], [TestProblems.Van("van", capacity: 5)],
            [TestProblems.Job(0, demand: 5), TestProblems.Job(1, demand: 5) with { Priority = 3 }]);
        var s = TestProblems.SolveChecked(p, TestProblems.Quick() with { UnassignedPenalty = 1000m });
        Assert.Equal("j1", Assert.Single(s.Routes).Stops.Single().JobId);
        var left = Assert.Single(s.Unassigned);
        Assert.Equal(("j0", UnassignedReason.NotProfitableInTime), (left.JobId, left.Reason));
        Assert.Equal(s.Cost + 1000m, s.Objective);
    }

    [Fact]
    public void Solve_unprofitableJob_leftOut()
    {
        var p = TestProblems.Euclidean([(0, 0), (100, 0)], [TestProblems.Van("van")], [TestProblems.Job(0)]);
        var s = TestProblems.SolveChecked(p, TestProblems.Quick() with { UnassignedPenalty = 150m });
        Assert.Empty(s.Routes);
        Assert.Equal(150m, s.Objective);
    }

    [Fact]
    public void Solve_volumeBinds_secondVehicleUsed()
    {
        // Weight fits one van; volume (second dimension) does not.
        var jobs = Enumerable.Range(0, 4).Select(i => TestProblems.Job(i) with { Demand = [1, 6] }).ToList();
        var van = new Vehicle { Id = "a", StartLocation = 0, EndLocation = 0, Capacity = [100, 12] };
        var p = TestProblems.Euclidean(TestProblems.Grid(4), [van, van with { Id = "b" }, van with { Id = "c" }], jobs);
        var s = TestProblems.SolveChecked(p, TestProblems.Quick());
        Assert.Equal(2, s.Routes.Count);
        Assert.All(s.Routes, r => Assert.Equal(12, r.Load[1]));
    }

    [Fact]
    public void Solve_firstWindowUnreachable_servedInSecondWindow()
    {
        var p = TestProblems.Euclidean([(0, 0), (50, 0)], [TestProblems.Van("van")],
            [TestProblems.Job(0, 1, new TimeWindow(0, 10), new TimeWindow(100, 120))]);
        var s = TestProblems.SolveChecked(p, TestProblems.Quick());
        var stop = Assert.Single(Assert.Single(s.Routes).Stops);
        Assert.Equal(100, stop.ServiceStart);
        Assert.Equal(50, Assert.Single(s.Routes).Departure); // leaves as late as possible: no waiting on the road
    }

    [Fact]
    public void Solve_cheaperBike_preferredOverVan()
    {
        var p = TestProblems.Euclidean([(0, 0), (10, 0), (0, 10)],
            [TestProblems.Van("van") with { FixedCost = 50 }, TestProblems.Van("bike") with { FixedCost = 5, CostPerDistanceUnit = 2 }],
            [TestProblems.Job(0), TestProblems.Job(1)]);
        var s = TestProblems.SolveChecked(p, TestProblems.Quick());
        Assert.Equal("bike", Assert.Single(s.Routes).VehicleId);
        Assert.Equal(5m + (2m * (10 + 14 + 10)), s.Cost);
    }

    [Fact]
    public void Solve_sevenJobsWithWindows_matchesBruteForceOptimum()
    {
        var points = new (int X, int Y)[] { (0, 0), (10, 5), (20, 0), (15, -10), (-5, 12), (-15, -5), (5, -18), (25, 15) };
        var windows = new[] { (0L, 60L), (20L, 80L), (0L, 200L), (30L, 70L), (0L, 50L), (40L, 120L), (60L, 150L) };
        var jobs = Enumerable.Range(0, 7).Select(i => TestProblems.Job(i, demand: 2 + (i % 3), new TimeWindow(windows[i].Item1, windows[i].Item2))
            with { ServiceDuration = 5 }).ToList();
        var p = TestProblems.Euclidean(points, [TestProblems.Van("a", capacity: 10, shiftEnd: 250), TestProblems.Van("b", capacity: 10, shiftEnd: 250)], jobs);
        var optimum = BruteForce.Optimum(p);
        var s = TestProblems.SolveChecked(p, TestProblems.Quick(iterations: 2000));
        Assert.Empty(s.Unassigned);
        Assert.Equal(optimum, s.Distance);
    }

    [Fact]
    public void Solve_noJobs_emptySolutionWithoutSearching()
    {
        var p = TestProblems.Euclidean([(0, 0)], [TestProblems.Van("van")], []);
        var s = TestProblems.SolveChecked(p, TestProblems.Quick(iterations: long.MaxValue) with { TimeLimit = TimeSpan.FromHours(1) });
        Assert.Empty(s.Routes);
        Assert.Equal(0, s.Iterations);
    }

    [Fact]
    public void RoutingProblem_windowsOverlap_rejected() =>
        Assert.Throws<ArgumentException>(() => TestProblems.Euclidean([(0, 0), (1, 1)], [TestProblems.Van("van")],
            [TestProblems.Job(0, 1, new TimeWindow(0, 10), new TimeWindow(5, 20))]));

    private static string Describe(RoutingSolution s) =>
        string.Join("|", s.Routes.Select(r => $"{r.VehicleId}:{string.Join(",", r.Stops.Select(x => x.JobId))}"));

    private sealed class SyncProgress(Action<SearchProgress> report) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value) => report(value);
    }
}
