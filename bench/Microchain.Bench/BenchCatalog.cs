using System.CommandLine;
using Microchain.Bench.Routing;

namespace Microchain.Bench;

/// <summary>Every <c>microchain bench NAME</c> command; each benchmark adds one line here.</summary>
public static class BenchCatalog
{
    public static IReadOnlyList<Command> Commands() =>
    [
        VrptwBench.Build(),
        CvrpBench.Build(),
    ];
}
