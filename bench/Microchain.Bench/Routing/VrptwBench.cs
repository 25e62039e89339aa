using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microchain.Planning.Routing;

namespace Microchain.Bench.Routing;

/// <summary>
/// <c>microchain bench vrptw</c>: Solomon's 56 instances against their best-known values, with OR-Tools in the same run.
/// </summary>
public static class VrptwBench
{
    public static Command Build()
    {
        var options = new RoutingBenchOptions(defaultSeconds: 10);
        var convention = new Option<string>("--convention")
        {
            Description = "distance (DIMACS: ×10, truncated, distance only) or hierarchical (vehicles, then distance)",
            DefaultValueFactory = _ => "distance",
        };
        var command = new Command("vrptw", "Solomon VRPTW: our solver and OR-Tools against best-known values.");
        options.AddTo(command);
        command.Options.Add(convention);
        command.SetAction((parse, cancellation) =>
        {
            var hierarchical = parse.GetValue(convention) == "hierarchical";
            return Task.FromResult(Run(parse.InvocationConfiguration.Output, options.Read(parse), hierarchical, cancellation));
        });
        return command;
    }

    private static int Run(TextWriter output, RoutingBenchSettings settings, bool hierarchical, CancellationToken cancellation)
    {
        var folder = SharedData.Folder("solomon", out var skip);
        if (folder is null)
        {
            output.WriteLine(skip);
            return 0;
        }
        var bks = File.ReadAllLines(Path.Combine(folder, "solomon_bks.csv")).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(p => p[0], p => (Vehicles: int.Parse(p[1]), Distance: double.Parse(p[2], CultureInfo.InvariantCulture),
                DistOnly: long.Parse(p[5])));
        var files = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal)
            .Where(f => settings.Filter.Matches(Path.GetFileNameWithoutExtension(f))).ToList();
        var convention = hierarchical ? SolomonConvention.Hierarchical : SolomonConvention.DistanceOnly;
        output.WriteLine($"vrptw: {files.Count} Solomon instances, convention {convention}, {settings.Seconds} s per run, " +
            $"{settings.Seeds} seed(s), peer {(settings.Peer ? "OR-Tools GLS" : "off")}");
        var results = new List<InstanceResult>();
        long ourVehicles = 0, peerVehicles = 0, bksVehicles = 0;
        int ourAtBksVehicles = 0, peerAtBksVehicles = 0;
        foreach (var file in files)
        {
            cancellation.ThrowIfCancellationRequested();
            var instance = SolomonInstance.Parse(file);
            var name = Path.GetFileNameWithoutExtension(file);
            var best = bks[name];
            var problem = instance.ToProblem(convention);
            double Value(RoutingSolution s) => hierarchical ? (double)s.Distance / SolomonInstance.HierarchicalScale : s.Distance;
            var reference = hierarchical ? best.Distance : best.DistOnly;
            var gaps = new List<double?>();
            var line = $"{name,-6}";
            var worstVehicles = 0;
            for (var seed = 1; seed <= settings.Seeds; seed++)
            {
                var clock = Stopwatch.StartNew();
                var solution = RoutingSolver.Solve(problem, settings.SolveOptions((ulong)seed, hierarchical), cancellationToken: cancellation);
                var ok = Feasible(problem, solution);
                gaps.Add(ok ? GapTable.Percent(Value(solution), reference) : null);
                worstVehicles = Math.Max(worstVehicles, solution.Routes.Count);
                line += $" ours {Value(solution):0.##} {solution.Routes.Count}v {(ok ? $"{GapTable.FormatGap(gaps[^1]!.Value)}%" : "INFEASIBLE")} ({clock.Elapsed.TotalSeconds:0.0}s, {solution.Iterations} it);";
            }
            ourVehicles += worstVehicles;
            bksVehicles += best.Vehicles;
            if (worstVehicles <= best.Vehicles) ourAtBksVehicles++;
            double? peerGap = null;
            if (settings.Peer)
            {
                var peer = OrToolsPeer.Solve(problem, TimeSpan.FromSeconds(settings.Seconds));
                var ok = peer is not null && Feasible(problem, peer);
                if (ok)
                {
                    peerGap = GapTable.Percent(Value(peer!), reference);
                    peerVehicles += peer!.Routes.Count;
                    if (peer.Routes.Count <= best.Vehicles) peerAtBksVehicles++;
                }
                line += $" ortools {(ok ? $"{Value(peer!):0.##} {peer!.Routes.Count}v {GapTable.FormatGap(peerGap!.Value)}%" : "INFEASIBLE")}";
            }
            line += $" | bks {reference} ({(hierarchical ? best.Vehicles : instance.VehicleCount)}v{(hierarchical ? "" : " fleet")})";
            output.WriteLine(line);
            results.Add(new InstanceResult(name, Family(name), gaps, peerGap, settings.Peer));
        }
        var summary = GapTable.Print(output, results);
        if (hierarchical)
        {
            output.WriteLine($"vehicles: ours {ourVehicles} (worst seed; {ourAtBksVehicles}/{results.Count} at the best-known count), " +
                $"best-known {bksVehicles}" + (settings.Peer ? $", OR-Tools {peerVehicles} ({peerAtBksVehicles} at the best-known count)" : ""));
        }
        if (settings.Json)
        {
            BenchJson.WriteHeadline(output, new
            {
                bench = "vrptw",
                convention = hierarchical ? "hierarchical" : "distonly_x10_floor",
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
                ourVehicles,
                bksVehicles,
                families = GapTable.Families(results),
            });
        }
        return 0;
    }

    private static bool Feasible(RoutingProblem problem, RoutingSolution solution) =>
        solution.Unassigned.Count == 0 && SolutionChecker.Check(problem, solution).Count == 0;

    private static string Family(string name) => name[..(name.AsSpan().IndexOfAnyInRange('0', '9') + 1)];
}
