using System.CommandLine;
using Microchain.Planning.Routing;

namespace Microchain.Bench.Routing;

/// <summary>Options shared by the routing benchmarks.</summary>
public sealed class RoutingBenchOptions(double defaultSeconds)
{
    private readonly Option<string?> _instances = new("--instances") { Description = "Comma list of names or globs, e.g. C1*,R101" };
    private readonly Option<double> _seconds = new("--seconds") { Description = "Time budget per run, in seconds", DefaultValueFactory = _ => defaultSeconds };
    private readonly Option<int> _seeds = new("--seeds") { Description = "Runs of our solver per instance (seeds 1..N)", DefaultValueFactory = _ => 1 };
    private readonly Option<bool> _noPeer = new("--no-peer") { Description = "Skip OR-Tools" };
    private readonly Option<bool> _noLocalSearch = new("--no-local-search") { Description = "Ablation: our solver without its local-search phase" };
    private readonly Option<bool> _json = new("--json") { Description = "End with one JSON line of headline figures" };

    public void AddTo(Command command)
    {
        command.Options.Add(_instances);
        command.Options.Add(_seconds);
        command.Options.Add(_seeds);
        command.Options.Add(_noPeer);
        command.Options.Add(_noLocalSearch);
        command.Options.Add(_json);
    }

    public RoutingBenchSettings Read(ParseResult parse) => new(
        new InstanceFilter(parse.GetValue(_instances)),
        Math.Clamp(parse.GetValue(_seconds), 0.01, 3600),
        Math.Clamp(parse.GetValue(_seeds), 1, 100),
        !parse.GetValue(_noPeer),
        parse.GetValue(_json),
        !parse.GetValue(_noLocalSearch));
}

/// <summary>Parsed routing benchmark options.</summary>
public sealed record RoutingBenchSettings(InstanceFilter Filter, double Seconds, int Seeds, bool Peer, bool Json, bool LocalSearch = true)
{
    /// <summary>Solver options for one run.</summary>
    public SolveOptions SolveOptions(ulong seed, bool minimizeVehicles) => new()
    {
        TimeLimit = TimeSpan.FromSeconds(Seconds),
        Seed = seed,
        MinimizeVehicles = minimizeVehicles,
        UnassignedPenalty = 10_000_000_000m,
        LocalSearch = LocalSearch,
    };
}
