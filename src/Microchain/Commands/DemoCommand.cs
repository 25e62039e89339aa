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
    /// <summary>Fastest pace the driver is asked for; beyond this the 2-core machine is the limit anyway.</summary>
    public const double MaxOrdersPerMinute = 60_000;

    public static Command Build(TextWriter output)
    {
        var common = new CommonOptions();
        var seed = new Option<int>("--seed") { Description = "Seed of the generated city; the same seed gives the same city.", DefaultValueFactory = _ => 42 };
        var scale = new Option<double>("--scale") { Description = "Size of the city relative to the default (8 MFCs, 4 lockers, 20,000 customers).", DefaultValueFactory = _ => 1.0 };
        var skus = new Option<int>("--skus") { Description = "SKUs in the catalog.", DefaultValueFactory = _ => 2000 };
        var ordersPerMinute = new Option<double>("--orders-per-minute")
        {
            Description = "Orders the demo places from the city's customers, per minute (0: none; default a busy evening).",
            DefaultValueFactory = _ => 300,
        };
        var restockMinutes = new Option<int>("--restock-minutes")
        {
            Description = "Minutes between top-ups that receive stock back to the initial levels (0: never).",
            DefaultValueFactory = _ => 30,
        };
        ordersPerMinute.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0 or > MaxOrdersPerMinute || double.IsNaN(r.GetValueOrDefault<double>()))
                r.AddError($"--orders-per-minute must be within 0..{MaxOrdersPerMinute}");
        });
        restockMinutes.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 24 * 60) r.AddError("--restock-minutes must be within 0..1440");
        });
        var command = new Command("demo", "Generate a seeded demo city (or resume the one in the data directory), stock it and serve it.");
        common.AddTo(command);
        command.Options.Add(seed);
        command.Options.Add(scale);
        command.Options.Add(skus);
        command.Options.Add(ordersPerMinute);
        command.Options.Add(restockMinutes);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var runtime = common.Runtime(parse);
            var data = new DataDirectory(runtime.DataDirectory);
            data.Create();
            var cityOptions = new DemoCityOptions { Seed = parse.GetValue(seed), Scale = parse.GetValue(scale), Skus = parse.GetValue(skus) };
            DemoCity? city = null;
            if (data.HasNetwork)
            {
                output.WriteLine($"Resuming the demo city in {data.Root}");
                cityOptions = DemoRun.CityOptions(data) ?? cityOptions;
            }
            else
            {
                var errors = cityOptions.Errors();
                if (errors.Count > 0) throw new CliException(string.Join(" ", errors));
                output.WriteLine($"Generating a demo city (seed {cityOptions.Seed}, scale {cityOptions.Scale}) in {data.Root}");
                city = DemoCityGenerator.Generate(cityOptions);
                NetworkFileStore.SaveStock(data.InitialStockFile, city.Stock.Select(s => new StockRow(s.NodeId, s.SkuId, s.OnHand, s.Capacity, s.SafetyStock)));
                DemoRun.SaveCityOptions(data, cityOptions);
                NetworkFileStore.Save(data.NetworkFile, city.Network); // last: its presence means "generated"
            }
            var model = NetworkFiles.Load(data.NetworkFile);
            var options = new ServerOptions { Port = parse.GetValue(common.Port), Runtime = runtime, Tenant = Tenant };
            var key = ServerRunner.EnsureDevApiKey(data, Tenant, TimeProvider.System);
            var traffic = new DemoTrafficOptions(parse.GetValue(ordersPerMinute), parse.GetValue(restockMinutes), cityOptions.Seed, DemoRun.Next(data));
            Func<IServiceProvider, CancellationToken, Task>? drive = null;
            if (traffic.OrdersPerMinute > 0 || traffic.RestockMinutes > 0)
            {
                // Orders are drawn from the city the network came from; a data directory from elsewhere is served undriven.
                city ??= DemoRun.Regenerate(cityOptions, model);
                if (city is null) output.WriteLine("Order driving is off: the network in the data directory is not the demo city of these options.");
                else
                {
                    var initialStock = NetworkFileStore.LoadStock(data.InitialStockFile, model);
                    drive = (services, ct) => DemoTraffic.RunAsync(services, Tenant, city, initialStock, traffic, output, ct);
                }
            }
            return await ServerRunner.RunAsync(options, model, key, output, cancellationToken, drive);
        });
        return command;
    }
}
