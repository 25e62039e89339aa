using Microchain.Planning.Routing;
using Xunit;

namespace Microchain.Planning.Tests.Routing;

/// <summary>Small Euclidean instances built inline (no files).</summary>
internal static class TestProblems
{
    /// <summary>A problem over points; location 0 is the depot, job i sits at location i + 1.</summary>
    public static RoutingProblem Euclidean((int X, int Y)[] points, IReadOnlyList<Vehicle> vehicles, IReadOnlyList<Job> jobs)
    {
        var n = points.Length;
        var matrix = new long[n * n];
        for (var a = 0; a < n; a++)
            for (var b = 0; b < n; b++)
                matrix[(a * n) + b] = (long)Math.Round(Math.Sqrt(Math.Pow(points[a].X - points[b].X, 2) + Math.Pow(points[a].Y - points[b].Y, 2)));
        return new RoutingProblem(vehicles, jobs, n, matrix, (long[])matrix.Clone());
    }

    public static Vehicle Van(string id, long capacity = 100, long shiftEnd = 10_000) => new()
    {
        Id = id, StartLocation = 0, EndLocation = 0, Capacity = [capacity], ShiftEnd = shiftEnd,
    };

    public static Job Job(int index, long demand = 1, params TimeWindow[] windows) => new()
    {
        Id = $"j{index}", Location = index + 1, Demand = [demand], TimeWindows = windows,
    };

    /// <summary>Depot at the origin and jobs on a small grid.</summary>
    public static (int X, int Y)[] Grid(int jobs) =>
        [(0, 0), .. Enumerable.Range(0, jobs).Select(i => (((i % 4) * 10) + 5, ((i / 4) * 10) - 10))];

    public static SolveOptions Quick(ulong seed = 1, long iterations = 300) => new()
    {
        Seed = seed, MaxIterations = iterations, TimeLimit = TimeSpan.FromMinutes(5),
    };

    /// <summary>Solves and asserts that the independent checker accepts the answer.</summary>
    public static RoutingSolution SolveChecked(RoutingProblem problem, SolveOptions options) =>
        SolveUnder(problem, options, TestContext.Current.CancellationToken);

    /// <summary>Solves under <paramref name="cancellationToken"/> and asserts that the checker accepts the answer.</summary>
    public static RoutingSolution SolveUnder(RoutingProblem problem, SolveOptions options, CancellationToken cancellationToken)
    {
        var solution = RoutingSolver.Solve(problem, options, cancellationToken: cancellationToken);
        var violations = SolutionChecker.Check(problem, solution);
        Assert.True(violations.Count == 0, string.Join("; ", violations.Select(v => v.Message)));
        return solution;
    }
}
