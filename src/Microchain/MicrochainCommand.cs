using System.CommandLine;
using Microchain.Bench;

namespace Microchain.Cli;

/// <summary>The root of the <c>microchain</c> command line.</summary>
public static class MicrochainCommand
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Microchain: run and model a network of micro-fulfillment nodes.");
        var bench = new Command("bench", "Measure a solver or the pipeline against public instances and a peer in the same run.");
        foreach (var command in BenchCatalog.Commands()) bench.Subcommands.Add(command);
        root.Subcommands.Add(bench);
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parse = Build().Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}
