using System.Globalization;
using Microchain.Planning.NetworkDesign;

namespace Microchain.Bench.NetworkDesign;

/// <summary>Runs the facility benchmark families and prints one line per instance and a total per family.</summary>
public static class FacilityBenchRunner
{
    /// <summary>What to run: families, an optional instance filter, the time limit per solver and whether to run the peer.</summary>
    public sealed record Settings(IReadOnlyList<string> Families, ISet<string>? Instances, TimeSpan TimeLimit, bool RunPeer);

    /// <summary>Headline figures of one family.</summary>
    public sealed record FamilyHeadline(string Family, int Instances, int OursReached, int OursProven, double OursSeconds,
        int? PeerReached, double? PeerSeconds, double? SpeedRatio);

    /// <summary>Returns the headline (null when no data was found).</summary>
    public static object? Run(Settings settings, TextWriter output)
    {
        var families = new List<FamilyHeadline>();
        WarmUp();
        foreach (var family in settings.Families)
        {
            var folder = SharedData.Folder(family switch { "cap" => "orlib_cap", "uncap" => "orlib_uncap", _ => "orlib_pmed" }, out var skip);
            if (folder is null)
            {
                output.WriteLine($"{family}: {skip}");
                continue;
            }
            var list = FacilityBenchInstance.List(family, folder).Where(i => settings.Instances?.Contains(i.Name) ?? true).ToList();
            if (list.Count == 0) continue;
            families.Add(RunFamily(family, list, settings, output));
        }
        if (families.Count == 0) return null;
        return new
        {
            benchmark = "facility",
            timeLimitSeconds = settings.TimeLimit.TotalSeconds,
            allReached = families.All(f => f.OursReached == f.Instances),
            families,
        };
    }

    private static FamilyHeadline RunFamily(string family, List<FacilityBenchInstance> list, Settings settings, TextWriter output)
    {
        output.WriteLine($"== {family}: {list.Count} instances, {settings.TimeLimit.TotalSeconds:0.#} s limit per solver; objective = published convention");
        int reached = 0, proven = 0, peerReached = 0;
        double ours = 0, peer = 0;
        foreach (var instance in list)
        {
            var problem = instance.Load();
            var solution = FacilityLocationSolver.Solve(problem, new FacilitySolverOptions { TimeLimit = settings.TimeLimit });
            var hit = Matches(solution.Objective, instance.PublishedOptimum);
            reached += hit ? 1 : 0;
            proven += solution.IsOptimal ? 1 : 0;
            ours += solution.Elapsed.TotalSeconds;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{instance.Name,-7} ours {FacilityBenchCommand.Format(solution.Objective),14} vs published {FacilityBenchCommand.Format(instance.PublishedOptimum),14} {(hit ? "reached" : "MISSED ")} bound gap {solution.Gap:P3} {(solution.IsOptimal ? "proven" : solution.Status.ToString())} {solution.Elapsed.TotalMilliseconds,9:0.0} ms {solution.Nodes,4} nodes");
            if (settings.RunPeer)
            {
                var result = OrToolsFacilityPeer.Solve(problem, settings.TimeLimit);
                var peerHit = Matches(result.Objective, instance.PublishedOptimum);
                peerReached += peerHit ? 1 : 0;
                peer += result.Elapsed.TotalSeconds;
                line += string.Create(CultureInfo.InvariantCulture,
                    $" | OR-Tools {result.Solver} {FacilityBenchCommand.Format(result.Objective),14} {(result.Optimal ? "optimal" : "limit  ")} {result.Elapsed.TotalMilliseconds,9:0.0} ms ×{result.Elapsed.TotalSeconds / Math.Max(solution.Elapsed.TotalSeconds, 1e-6):0.0}");
            }
            output.WriteLine(line);
            output.Flush();
        }
        double? ratio = settings.RunPeer ? peer / Math.Max(ours, 1e-6) : null;
        var total = string.Create(CultureInfo.InvariantCulture, $"== {family} total: ours reached {reached}/{list.Count} (proven {proven}) in {ours:0.000} s");
        if (settings.RunPeer)
            total += string.Create(CultureInfo.InvariantCulture, $"; OR-Tools reached {peerReached}/{list.Count} in {peer:0.000} s; OR-Tools time / ours = {ratio:0.0}");
        output.WriteLine(total);
        return new FamilyHeadline(family, list.Count, reached, proven, Math.Round(ours, 3),
            settings.RunPeer ? peerReached : null, settings.RunPeer ? Math.Round(peer, 3) : null, ratio is null ? null : Math.Round(ratio.Value, 2));
    }

    /// <summary>Compiles the solver's hot paths on a small synthetic instance so the first timed instance does not pay for the JIT.</summary>
    private static void WarmUp()
    {
        const int size = 30;
        var random = new Random(7);
        var opening = new double[size];
        var capacity = new double[size];
        var demand = new double[size];
        var cost = new double[size * size];
        for (var i = 0; i < size; i++)
        {
            opening[i] = random.Next(100, 1000);
            capacity[i] = random.Next(50, 150);
            demand[i] = random.Next(1, 20);
        }
        for (var k = 0; k < cost.Length; k++) cost[k] = random.Next(0, 500);
        FacilityLocationSolver.Solve(new FacilityProblem(opening, demand, cost) { CapacityUnits = capacity });
        FacilityLocationSolver.Solve(new FacilityProblem(opening, demand, cost));
        FacilityLocationSolver.Solve(new FacilityProblem(new double[size], demand, cost) { MinOpenSites = 5, MaxOpenSites = 5 });
    }

    /// <summary>Published values are printed to three decimals, so a match allows half a unit in the last digit.</summary>
    private static bool Matches(double value, double published) =>
        double.IsFinite(value) && Math.Abs(value - published) <= 0.0015 + (1e-9 * Math.Abs(published));
}
