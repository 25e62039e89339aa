using System.CommandLine;
using System.Globalization;
using Microchain.Planning.NetworkDesign;

namespace Microchain.Bench.NetworkDesign;

/// <summary>
/// <c>microchain bench facility</c>: our exact solvers against the published optima of OR-Library cap (capacitated,
/// multi-source), uncap (cap71–134 without capacities) and pmed, with OR-Tools' MIP on the same formulation in the same run.
/// </summary>
public static class FacilityBenchCommand
{
    private static readonly string[] AllFamilies = ["cap", "uncap", "pmed"];

    public static Command Build()
    {
        var family = new Option<string[]>("--family") { Description = "cap, uncap, pmed (repeatable or comma list); default all", AllowMultipleArgumentsPerToken = true };
        var instances = new Option<string[]>("--instances") { Description = "Instance names to run (e.g. cap41,pmed1); default all", AllowMultipleArgumentsPerToken = true };
        var seconds = new Option<double>("--seconds") { Description = "Time limit per instance per solver", DefaultValueFactory = _ => 60 };
        var noPeer = new Option<bool>("--no-peer") { Description = "Skip the OR-Tools MIP" };
        var json = new Option<bool>("--json") { Description = "End with one JSON line of headline figures" };
        var command = new Command("facility", "Facility location, p-median: optimum reached and time vs OR-Tools MIP (SCIP) on OR-Library.")
        {
            family, instances, seconds, noPeer, json,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var families = Split(parse.GetValue(family));
            var names = Split(parse.GetValue(instances));
            var unknown = families.Where(f => !AllFamilies.Contains(f)).ToList();
            if (unknown.Count > 0)
            {
                parse.InvocationConfiguration.Error.WriteLine($"unknown family: {string.Join(", ", unknown)} (use cap, uncap, pmed)");
                return 2;
            }
            var options = new FacilityBenchRunner.Settings(
                families.Count == 0 ? AllFamilies : [.. families],
                names.Count == 0 ? null : new HashSet<string>(names, StringComparer.OrdinalIgnoreCase),
                TimeSpan.FromSeconds(parse.GetValue(seconds)),
                !parse.GetValue(noPeer));
            var headline = FacilityBenchRunner.Run(options, output);
            if (parse.GetValue(json)) BenchJson.WriteHeadline(output, headline ?? new { benchmark = "facility", skipped = true });
            return 0;
        });
        return command;
    }

    private static List<string> Split(string[]? values) =>
        values is null ? [] : [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    internal static string Format(double value) =>
        double.IsFinite(value) ? value.ToString("0.###", CultureInfo.InvariantCulture) : "-";
}
