using System.CommandLine;
using Microchain.Cli.Hosting;
using Microchain.Server;
using Microchain.Server.Networks;

namespace Microchain.Cli.Commands;

/// <summary><c>microchain serve</c>: run the API on a network file (imported once into the data directory).</summary>
internal static class ServeCommand
{
    public static Command Build(TextWriter output)
    {
        var common = new CommonOptions();
        var network = new Option<FileInfo?>("--network") { Description = "Network JSON to serve; required the first time, kept in the data directory after." };
        var stock = new Option<FileInfo?>("--stock") { Description = "Stock CSV (node,sku,on_hand,capacity) put in once, the first time." };
        var tenant = new Option<string>("--tenant") { Description = "Tenant that owns the network.", DefaultValueFactory = _ => "default" };
        var command = new Command("serve", "Run the HTTP API and the embedded runtime on a network.");
        common.AddTo(command);
        command.Options.Add(network);
        command.Options.Add(stock);
        command.Options.Add(tenant);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var runtime = common.Runtime(parse);
            var data = new DataDirectory(runtime.DataDirectory);
            data.Create();
            var file = parse.GetValue(network);
            if (file is not null)
            {
                if (!file.Exists) throw new CliException($"network file {file.FullName} does not exist");
                NetworkFileStore.Save(data.NetworkFile, NetworkFiles.Load(file.FullName));
            }
            else if (!data.HasNetwork)
            {
                throw new CliException($"no network in {data.Root}: pass --network FILE (or run 'microchain demo')");
            }
            var model = NetworkFiles.Load(data.NetworkFile);
            if (parse.GetValue(stock) is { } stockFile)
            {
                if (File.Exists(data.StockedMarker)) throw new CliException($"{data.Root} is already stocked; --stock is taken only the first time");
                if (!stockFile.Exists) throw new CliException($"stock file {stockFile.FullName} does not exist");
                NetworkFileStore.LoadStock(stockFile.FullName, model); // refuse a bad file before copying it
                File.Copy(stockFile.FullName, data.InitialStockFile, overwrite: true);
            }
            var options = new ServerOptions { Port = parse.GetValue(common.Port), Runtime = runtime, Tenant = parse.GetValue(tenant)! };
            var key = ServerRunner.EnsureDevApiKey(data, options.Tenant, TimeProvider.System);
            return await ServerRunner.RunAsync(options, model, key, output, cancellationToken);
        });
        return command;
    }
}
