using System.CommandLine;
using Microchain.Bench;
using Microchain.Cli.Commands;
using Microchain.Domain;

namespace Microchain.Cli;

/// <summary>The root of the <c>microchain</c> command line.</summary>
public static class MicrochainCommand
{
    public static RootCommand Build(TextWriter output)
    {
        var root = new RootCommand("Microchain: run and model a network of micro-fulfillment nodes.");
        root.Subcommands.Add(ServeCommand.Build(output));
        root.Subcommands.Add(DemoCommand.Build(output));
        root.Subcommands.Add(NetworkCommand.Build(output));
        root.Subcommands.Add(PlanCommand.Build(output));
        root.Subcommands.Add(ForecastCommand.Build(output));
        root.Subcommands.Add(OrdersCommand.Build(output));
        var bench = new Command("bench", "Measure a solver or the pipeline against public instances and a peer in the same run.");
        foreach (var command in BenchCatalog.Commands()) bench.Subcommands.Add(command);
        root.Subcommands.Add(bench);
        AddVersionEverywhere(root);
        return root;
    }

    /// <summary>
    /// Runs the command line. Bad arguments and user errors print one line to <paramref name="error"/> and
    /// return non-zero (2 for usage, 1 for failures); help and version print to <paramref name="output"/>.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parse = Build(output).Parse(args);
        if (parse.Errors.Count > 0)
        {
            var command = string.Join(' ', parse.CommandResult.Command.Name == "microchain" ? ["microchain"] : new[] { "microchain", CommandPath(parse) });
            error.WriteLine($"microchain: {OneLine(parse.Errors[0].Message)} (see '{command} --help')");
            return 2;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
            });
        }
        catch (Exception ex) when (ex is CliException or DomainException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"microchain: {OneLine(ex.Message)}");
            return 1;
        }
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null && r.Parent is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, r.Command.Name);
        return string.Join(' ', names);
    }

    private static void AddVersionEverywhere(Command command)
    {
        foreach (var sub in command.Subcommands)
        {
            if (!sub.Options.Any(o => o is VersionOption)) sub.Options.Add(new VersionOption());
            AddVersionEverywhere(sub);
        }
    }
}
