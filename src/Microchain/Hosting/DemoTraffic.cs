using System.Globalization;
using Microchain.Server.Demo;
using Microchain.Server.Orders;
using Microchain.Simulation.DemoCity;
using Microsoft.Extensions.DependencyInjection;

namespace Microchain.Cli.Hosting;

/// <summary>How the demo drives its city while it serves: orders per minute (0: none) and top-up period (0: none).</summary>
internal sealed record DemoTrafficOptions(double OrdersPerMinute, int RestockMinutes, int Seed, long Run);

/// <summary>
/// The demo's evening: the order driver and the top-up run in-process (through the server's own OrderDesk) while
/// a live line reports throughput, fill rate and orders by status. On a terminal the line is rewritten every 2 s;
/// otherwise a plain line is printed every 10 s. It is the only writer while the server runs.
/// </summary>
internal static class DemoTraffic
{
    public static async Task RunAsync(IServiceProvider services, string tenant, DemoCity city, IReadOnlyList<Domain.NetworkFiles.StockRow> initialStock,
        DemoTrafficOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        // The generator's seed mixes in the run so a restarted demo does not replay the same evening.
        var generatorSeed = HashCode.Combine(options.Seed, options.Run) & int.MaxValue;
        using var driver = new DemoOrderDriver(services.GetRequiredService<OrderDesk>(), tenant, new DemoOrderGenerator(city, generatorSeed, null),
            DemoOrderDriver.KeyPrefix(options.Seed, options.Run), city.Network.OrderRules.MaxWindowMinutes, time);
        var restocker = new DemoRestocker(services.GetRequiredService<IGrainFactory>(), tenant, initialStock, time);
        long lastTopUp = -1;
        var tasks = new List<Task>();
        if (options.OrdersPerMinute > 0) tasks.Add(driver.RunAsync(options.OrdersPerMinute, cancellationToken));
        if (options.RestockMinutes > 0) tasks.Add(restocker.RunAsync(TimeSpan.FromMinutes(options.RestockMinutes), units => Interlocked.Exchange(ref lastTopUp, units), cancellationToken));
        output.WriteLine(options.OrdersPerMinute > 0
            ? $"Driving {options.OrdersPerMinute:0.#} orders/min from the city's customers (keys {DemoOrderDriver.KeyPrefix(options.Seed, options.Run)}*)" +
              (options.RestockMinutes > 0 ? $"; topping stock up every {options.RestockMinutes} min" : "")
            : "Order driving is off (--orders-per-minute 0).");
        if (options.OrdersPerMinute > 0) tasks.Add(LiveLineAsync(services.GetRequiredService<OrderIndex>(), tenant, driver, () => Interlocked.Read(ref lastTopUp), output, time, cancellationToken));
        await Task.WhenAll(tasks);
    }

    private static async Task LiveLineAsync(OrderIndex index, string tenant, DemoOrderDriver driver, Func<long> lastTopUp, TextWriter output, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var every = TimeSpan.FromSeconds(terminal ? 2 : 10);
        var previous = driver.Tally;
        var since = time.GetTimestamp();
        while (true)
        {
            await Task.Delay(every, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (cancellationToken.IsCancellationRequested) break;
            var tally = driver.Tally;
            var seconds = time.GetElapsedTime(since).TotalSeconds;
            since = time.GetTimestamp();
            var line = Line(tally, (tally.Placed - previous.Placed) / seconds, index.CountByStatus(tenant), lastTopUp());
            if (!terminal && tally.Refused > 0) line += $"  refused {tally.Refused:N0} (last: {driver.LastRefusal})";
            previous = tally;
            if (terminal) output.Write("\r" + line.PadRight(Console.IsOutputRedirected ? 0 : Math.Max(0, Console.WindowWidth - 1)));
            else output.WriteLine(line);
        }
        if (terminal) output.WriteLine();
    }

    public static string Line(DriverTally tally, double ordersPerSecond, IReadOnlyDictionary<Domain.Orders.OrderStatus, int> byStatus, long lastTopUpUnits)
    {
        var statuses = string.Join(" ", byStatus.Where(s => s.Value > 0).OrderBy(s => s.Key).Select(s => $"{s.Key.ToString().ToLowerInvariant()} {s.Value:N0}"));
        var topUp = lastTopUpUnits >= 0 ? string.Create(CultureInfo.InvariantCulture, $"  last top-up {lastTopUpUnits:N0} units") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"orders {ordersPerSecond:0.0}/s  fill {tally.FillRate:P1} ({tally.Allocated:N0}/{tally.Placed:N0})  by status: {(statuses.Length == 0 ? "none yet" : statuses)}{topUp}");
    }
}
