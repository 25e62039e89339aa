using System.CommandLine;
using System.Diagnostics;
using Microchain.Planning.Routing;

namespace Microchain.Bench.Routing;

/// <summary>
/// <c>microchain bench cvrp</c>: Augerat A, B and P sets against their proven optima, with OR-Tools in the same run.
/// </summary>
public static class CvrpBench
{
    public static Command Build()
    {
        var options = new RoutingBenchOptions(defaultSeconds: 5);
        var command = new Command("cvrp", "Augerat CVRP (A, B, P): our solver and OR-Tools against proven optima.");
        options.AddTo(command);
        command.SetAction((parse, cancellation) =>
            Task.FromResult(Run(parse.InvocationConfiguration.Output, options.Read(parse), cancellation)));
        return command;
    }

    private static int Run(TextWriter output, RoutingBenchSettings settings, CancellationToken cancellation)
    {
        var folder = SharedData.Folder("cvrp_augerat", out var skip);
        if (folder is null)
        {
            output.WriteLine(skip);
            return 0;
        }
        var optima = File.ReadAllLines(Path.Combine(folder, "augerat_bks.csv")).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(p => p[1], p => (Set: p[0], Optimum: long.Parse(p[2])));
        var files = optima.Keys.Order(StringComparer.Ordinal)
            .Where(name => settings.Filter.Matches(name))
            .Select(name => Path.Combine(folder, optima[name].Set, name + ".vrp"))
            .Where(File.Exists)
            .ToList();
        output.WriteLine($"cvrp: {files.Count} Augerat instances, {settings.Seconds} s per run, {settings.Seeds} seed(s), " +
            $"peer {(settings.Peer ? "OR-Tools GLS" : "off")}");
        var results = new List<InstanceResult>();
        foreach (var file in files)
        {
            cancellation.ThrowIfCancellationRequested();
            var instance = AugeratInstance.Parse(file);
            var (set, optimum) = optima[instance.Name];
            var problem = instance.ToProblem();
            var gaps = new List<double?>();
            var line = $"{instance.Name,-10}";
            for (var seed = 1; seed <= settings.Seeds; seed++)
            {
                var clock = Stopwatch.StartNew();
                var solution = RoutingSolver.Solve(problem, settings.SolveOptions((ulong)seed, minimizeVehicles: false), cancellationToken: cancellation);
                var ok = Feasible(problem, solution);
                gaps.Add(ok ? GapTable.Percent(solution.Distance, optimum) : null);
                line += $" ours {solution.Distance} {(ok ? $"{GapTable.FormatGap(gaps[^1]!.Value)}%" : "INFEASIBLE")} ({clock.Elapsed.TotalSeconds:0.0}s, {solution.Iterations} it);";
            }
            double? peerGap = null;
            if (settings.Peer)
            {
                var peer = OrToolsPeer.Solve(problem, TimeSpan.FromSeconds(settings.Seconds));
                var ok = peer is not null && Feasible(problem, peer);
                if (ok) peerGap = GapTable.Percent(peer!.Distance, optimum);
                line += $" ortools {(ok ? $"{peer!.Distance} {GapTable.FormatGap(peerGap!.Value)}%" : "INFEASIBLE")}";
            }
            output.WriteLine($"{line} | optimum {optimum}");
            results.Add(new InstanceResult(instance.Name, set, gaps, peerGap, settings.Peer));
        }
        var summary = GapTable.Print(output, results);
        if (settings.Json)
        {
            BenchJson.WriteHeadline(output, new
            {
                bench = "cvrp",
                secondsPerRun = settings.Seconds,
                seeds = settings.Seeds,
                summary.Instances,
                oursFeasibleRuns = summary.OursFeasible,
                oursRuns = summary.Runs,
                oursMeanGapPct = Math.Round(summary.OursMeanGapPct, 4),
                oursWorstGapPct = Math.Round(summary.OursWorstGapPct, 4),
                peerFeasible = summary.PeerFeasible,
                peerMeanGapPct = summary.PeerMeanGapPct is { } p ? Math.Round(p, 4) : (double?)null,
                peerWorstGapPct = summary.PeerWorstGapPct is { } w ? Math.Round(w, 4) : (double?)null,
                localSearch = settings.LocalSearch,
                families = GapTable.Families(results),
            });
        }
        return 0;
    }

    private static bool Feasible(RoutingProblem problem, RoutingSolution solution) =>
        solution.Unassigned.Count == 0 && SolutionChecker.Check(problem, solution).Count == 0;
}
