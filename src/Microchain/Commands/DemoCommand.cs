using System.CommandLine;
using Microchain.Cli.Hosting;
using Microchain.Domain.NetworkFiles;
using Microchain.Server;
using Microchain.Server.Networks;
using Microchain.Simulation.DemoCity;

namespace Microchain.Cli.Commands;

/// <summary><c>microchain demo</c>: generate (or resume) a seeded demo city and serve it.</summary>
internal static class DemoCommand
{
    public const string Tenant = "demo";

    public static Command Build(TextWriter output)
    {
        var common = new CommonOptions();
        var seed = new Option<int>("--seed") { Description = "Seed of the generated city; the same seed gives the same city.", DefaultValueFactory = _ => 42 };
        var scale = new Option<double>("--scale") { Description = "Size of the city relative to the default (8 MFCs, 4 lockers, 20,000 customers).", DefaultValueFactory = _ => 1.0 };
        var skus = new Option<int>("--skus") { Description = "SKUs in the catalog.", DefaultValueFactory = _ => 2000 };
        var command = new Command("demo", "Generate a seeded demo city (or resume the one in the data directory), stock it and serve it.");
        common.AddTo(command);
        command.Options.Add(seed);
        command.Options.Add(scale);
        command.Options.Add(skus);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var runtime = common.Runtime(parse);
            var data = new DataDirectory(runtime.DataDirectory);
            data.Create();
            if (data.HasNetwork)
            {
                output.WriteLine($"Resuming the demo city in {data.Root}");
            }
            else
            {
                var cityOptions = new DemoCityOptions { Seed = parse.GetValue(seed), Scale = parse.GetValue(scale), Skus = parse.GetValue(skus) };
                var errors = cityOptions.Errors();
                if (errors.Count > 0) throw new CliException(string.Join(" ", errors));
                output.WriteLine($"Generating a demo city (seed {cityOptions.Seed}, scale {cityOptions.Scale}) in {data.Root}");
                var city = DemoCityGenerator.Generate(cityOptions);
                NetworkFileStore.SaveStock(data.InitialStockFile, city.Stock.Select(s => new StockRow(s.NodeId, s.SkuId, s.OnHand, s.Capacity, s.SafetyStock)));
                NetworkFileStore.Save(data.NetworkFile, city.Network); // last: its presence means "generated"
            }
            var model = NetworkFiles.Load(data.NetworkFile);
            var options = new ServerOptions { Port = parse.GetValue(common.Port), Runtime = runtime, Tenant = Tenant };
            var key = ServerRunner.EnsureDevApiKey(data, Tenant, TimeProvider.System);
            return await ServerRunner.RunAsync(options, model, key, output, cancellationToken);
        });
        return command;
    }
}
