using System.CommandLine;
using Microchain.Domain.NetworkFiles;
using Microchain.Server.Networks;

namespace Microchain.Cli.Commands;

/// <summary><c>microchain network validate|export</c>: check network files, write the served network back out.</summary>
internal static class NetworkCommand
{
    public static Command Build(TextWriter output)
    {
        var command = new Command("network", "Check and export network files (format: docs/network-format.md).");
        command.Subcommands.Add(Validate(output));
        command.Subcommands.Add(Export(output));
        return command;
    }

    private static Command Validate(TextWriter output)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The network JSON to check." };
        var stock = new Option<FileInfo?>("--stock") { Description = "A stock CSV to check against the network." };
        var command = new Command("validate", "Check a network file (and a stock CSV): every error with file, line and JSON path.") { file, stock };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw new CliException($"{path.FullName} does not exist");
            var result = NetworkFileStore.Read(path.FullName);
            var errors = new List<FileError>(result.Errors);
            if (result.Network is { } network && parse.GetValue(stock) is { } stockFile)
            {
                if (!stockFile.Exists) throw new CliException($"{stockFile.FullName} does not exist");
                errors.AddRange(StockCsv.Parse(File.ReadAllText(stockFile.FullName), stockFile.FullName, network).Errors);
            }
            foreach (var error in errors) output.WriteLine(error);
            if (errors.Count > 0)
            {
                output.WriteLine($"{errors.Count} error(s)");
                return 1;
            }
            var n = result.Network!;
            output.WriteLine($"{path.Name}: valid — {n.Nodes.Count} nodes, {n.Skus.Count} SKUs, {n.Components.Count} components, {n.Segments.Count} segments, " +
                $"{n.Customers.Count} customers, {n.Suppliers.Count} suppliers, {n.Contracts.Count} contracts, {n.Vehicles.Count} vehicles");
            return 0;
        });
        return command;
    }

    private static Command Export(TextWriter output)
    {
        var dataDir = new Option<string>("--data-dir") { Description = "Data directory whose network to export.", DefaultValueFactory = _ => "./microchain-data" };
        var outFile = new Option<FileInfo?>("--out") { Description = "Where to write the JSON; standard output if omitted." };
        var command = new Command("export", "Write the network of a data directory as JSON.") { dataDir, outFile };
        command.SetAction(parse =>
        {
            var data = new DataDirectory(Path.GetFullPath(parse.GetValue(dataDir)!));
            if (!data.HasNetwork) throw new CliException($"no network in {data.Root}");
            var json = NetworkFile.Write(Hosting.NetworkFiles.Load(data.NetworkFile));
            if (parse.GetValue(outFile) is { } target) DataDirectory.WriteAtomically(target.FullName, json);
            else output.Write(json);
            return 0;
        });
        return command;
    }
}
