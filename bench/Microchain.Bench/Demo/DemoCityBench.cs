using System.CommandLine;
using System.Diagnostics;
using Microchain.Simulation.DemoCity;

namespace Microchain.Bench.Demo;

/// <summary>
/// <c>microchain bench democity</c>: time to generate the demo city, orders drawn per second on one core, and
/// the alias-table SKU sampler against the usual peer, binary search over cumulative weights, in the same run.
/// </summary>
public static class DemoCityBench
{
    public static Command Build()
    {
        var seed = new Option<int>("--seed") { Description = "City seed.", DefaultValueFactory = _ => 42 };
        var scale = new Option<double>("--scale") { Description = "City scale (1 = 20,000 customers, 8 MFCs).", DefaultValueFactory = _ => 1.0 };
        var runs = new Option<int>("--runs") { Description = "Timed city generations (median reported), 1..50.", DefaultValueFactory = _ => 5 };
        var orders = new Option<int>("--orders") { Description = "Orders drawn for the rate, 1,000..10,000,000.", DefaultValueFactory = _ => 1_000_000 };
        var json = new Option<bool>("--json") { Description = "End with one JSON line of headline figures." };
        var command = new Command("democity", "Demo city generation time, order generation rate, alias sampler vs cumulative binary search.");
        command.Options.Add(seed);
        command.Options.Add(scale);
        command.Options.Add(runs);
        command.Options.Add(orders);
        command.Options.Add(json);
        command.SetAction(parse => Run(Console.Out, parse.GetValue(seed), parse.GetValue(scale),
            Math.Clamp(parse.GetValue(runs), 1, 50), Math.Clamp(parse.GetValue(orders), 1_000, 10_000_000), parse.GetValue(json)));
        return command;
    }

    private static int Run(TextWriter output, int seed, double scale, int runs, int orderCount, bool json)
    {
        var options = new DemoCityOptions { Seed = seed, Scale = scale };
        var errors = options.Errors();
        if (errors.Count > 0)
        {
            output.WriteLine(string.Join(" ", errors));
            return 1;
        }

        // The first generation is cold (JIT, as in a one-shot `microchain demo`); the median of the rest is warm.
        // CPU time is reported too: on a shared machine wall time includes waiting for a core.
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var city = DemoCityGenerator.Generate(options);
        var coldMs = watch.Elapsed.TotalMilliseconds;
        process.Refresh();
        var coldCpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        cpuBefore = process.TotalProcessorTime;
        var times = new double[runs];
        for (var r = 0; r < runs; r++)
        {
            watch.Restart();
            city = DemoCityGenerator.Generate(options);
            times[r] = watch.Elapsed.TotalMilliseconds;
        }
        process.Refresh();
        var warmCpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / runs;
        Array.Sort(times);
        var generationMs = times[runs / 2];
        var network = city.Network;
        output.WriteLine($"city: {network.Nodes.Count} nodes, {network.Skus.Count:N0} SKUs, {network.Customers.Count:N0} customers, " +
                         $"{network.Contracts.Count:N0} contracts, {network.Vehicles.Count} vehicles, {city.Stock.Count:N0} stock levels");
        output.WriteLine($"generation: cold {coldMs:F0} ms ({coldCpuMs:F0} ms CPU), warm median {generationMs:F0} ms of {runs} " +
                         $"(min {times[0]:F0}, max {times[^1]:F0}; mean {warmCpuMs:F0} ms CPU)");

        var generator = new DemoOrderGenerator(city, seed);
        var now = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(1));
        for (var i = 0; i < 10_000; i++) _ = generator.Next(now);
        long lines = 0;
        process.Refresh();
        cpuBefore = process.TotalProcessorTime;
        var orderWatch = Stopwatch.StartNew();
        for (var i = 0; i < orderCount; i++) lines += generator.Next(now).Lines.Count;
        var ordersPerSecond = orderCount / orderWatch.Elapsed.TotalSeconds;
        process.Refresh();
        var ordersPerCpuSecond = orderCount / (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        output.WriteLine($"orders: {orderCount:N0} in {orderWatch.Elapsed.TotalMilliseconds:F0} ms = {ordersPerSecond:N0} orders/s " +
                         $"({ordersPerCpuSecond:N0} per CPU second), {lines / (double)orderCount:F1} lines/order");

        var (aliasRate, cumulativeRate) = CompareSamplers(city.SkuPopularity, seed, Math.Max(1_000_000, orderCount * 10));
        output.WriteLine($"SKU draws: alias {aliasRate:N0}/s, cumulative binary search {cumulativeRate:N0}/s, ratio {aliasRate / cumulativeRate:F2}x");

        if (json)
        {
            BenchJson.WriteHeadline(output, new
            {
                bench = "democity",
                seed,
                scale,
                customers = network.Customers.Count,
                skus = network.Skus.Count,
                coldGenerationMs = Math.Round(coldMs, 1),
                coldGenerationCpuMs = Math.Round(coldCpuMs, 1),
                generationMs = Math.Round(generationMs, 1),
                generationCpuMs = Math.Round(warmCpuMs, 1),
                ordersPerSecond = Math.Round(ordersPerSecond),
                ordersPerCpuSecond = Math.Round(ordersPerCpuSecond),
                linesPerOrder = Math.Round(lines / (double)orderCount, 2),
                aliasDrawsPerSecond = Math.Round(aliasRate),
                cumulativeDrawsPerSecond = Math.Round(cumulativeRate),
                aliasVsCumulative = Math.Round(aliasRate / cumulativeRate, 2),
            });
        }
        return 0;
    }

    /// <summary>Draws per second of both samplers over the same weights and the same random stream.</summary>
    private static (double Alias, double Cumulative) CompareSamplers(IReadOnlyList<double> weights, int seed, int draws)
    {
        var alias = new AliasTable(weights);
        var cumulative = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++) cumulative[i] = total += weights[i];

        var random = new DemoRandom(seed, 77);
        long checksum = 0;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < draws; i++) checksum += alias.Sample(random);
        var aliasRate = draws / watch.Elapsed.TotalSeconds;

        random = new DemoRandom(seed, 77);
        watch.Restart();
        for (var i = 0; i < draws; i++)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * total);
            checksum += index < 0 ? Math.Min(~index, cumulative.Length - 1) : index;
        }
        var cumulativeRate = draws / watch.Elapsed.TotalSeconds;
        GC.KeepAlive(checksum);
        return (aliasRate, cumulativeRate);
    }
}
