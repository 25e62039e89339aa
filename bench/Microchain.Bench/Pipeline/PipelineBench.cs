using System.CommandLine;
using System.Globalization;
using Microchain.Bench.Journal;
using Microchain.Runtime.Hosting;
using Microchain.Runtime.Journal;
using Microchain.Server;
using Microchain.Simulation.DemoCity;

namespace Microchain.Bench.Pipeline;

/// <summary>
/// <c>microchain bench pipeline</c>: acknowledged orders per second through the whole pipeline (HTTP, validation,
/// sourcing, reservation, durable append) on the embedded default, closed loop over loopback; then p50/p99 latency
/// at half that rate, open loop; and, in the same run, the raw durable append rate of the same store with the same
/// group commit (two appends per order, like the pipeline) as the physical limit, with the ratio.
/// </summary>
public static class PipelineBench
{
    public static Command Build()
    {
        var seconds = new Option<int>("--seconds") { Description = "Closed-loop window, 1..600 s.", DefaultValueFactory = _ => 15 };
        var clients = new Option<int>("--clients") { Description = "Concurrent closed-loop clients (keep-alive connections), 1..1024.", DefaultValueFactory = _ => 256 };
        var latencySeconds = new Option<int>("--latency-seconds") { Description = "Open-loop window at half the closed-loop rate, 0..600 s (0 skips).", DefaultValueFactory = _ => 10 };
        var warmupSeconds = new Option<int>("--warmup-seconds") { Description = "Closed-loop warm-up before measuring (JIT tiers, pools, grain activations), 0..600 s.", DefaultValueFactory = _ => 15 };
        var rawSeconds = new Option<int>("--raw-seconds") { Description = "Raw journal append window, 1..600 s.", DefaultValueFactory = _ => 5 };
        var scale = new Option<double>("--scale") { Description = "Demo city scale (1 = the embedded default).", DefaultValueFactory = _ => 1.0 };
        var seed = new Option<int>("--seed") { Description = "City and order seed.", DefaultValueFactory = _ => 42 };
        var json = new Option<bool>("--json") { Description = "End with one JSON line of headline figures." };
        var command = new Command("pipeline", "Acknowledged orders/s and latency over HTTP on the embedded default, against the raw durable append rate of the same store.");
        foreach (var o in new Option[] { seconds, clients, latencySeconds, warmupSeconds, rawSeconds, scale, seed, json }) command.Options.Add(o);
        command.SetAction((parse, ct) => RunAsync(Console.Out, Math.Clamp(parse.GetValue(seconds), 1, 600), Math.Clamp(parse.GetValue(clients), 1, 1_024),
            Math.Clamp(parse.GetValue(latencySeconds), 0, 600), Math.Clamp(parse.GetValue(warmupSeconds), 0, 600), Math.Clamp(parse.GetValue(rawSeconds), 1, 600), parse.GetValue(scale), parse.GetValue(seed),
            parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(TextWriter output, int seconds, int clients, int latencySeconds, int warmupSeconds, int rawSeconds, double scale, int seed, bool json, CancellationToken ct)
    {
        var cityOptions = new DemoCityOptions { Seed = seed, Scale = scale };
        if (cityOptions.Errors() is { Count: > 0 } errors)
        {
            output.WriteLine(string.Join(" ", errors));
            return 1;
        }
        output.WriteLine($"pipeline: demo city seed {seed} scale {scale.ToString(CultureInfo.InvariantCulture)}, {Environment.ProcessorCount} cores; load generator in the same process");

        OrderLoadResult closed, open;
        var halfRate = 0.0;
        await using (var server = await PipelineServer.StartAsync(cityOptions, ct))
        {
            using var load = new OrderLoad(server.BaseAddress, server.ApiKey, server.City, seed);
            load.Prepare(200_000);
            if (warmupSeconds > 0) await load.ClosedLoopAsync(clients, TimeSpan.FromSeconds(warmupSeconds), ct); // tiered JIT is still compiling for ~20 s
            closed = await load.ClosedLoopAsync(clients, TimeSpan.FromSeconds(seconds), ct);
            Print(output, $"closed loop, {clients} clients", closed);
            halfRate = closed.OrdersPerSecond / 2;
            open = latencySeconds == 0 || halfRate < 1
                ? new OrderLoadResult(0, 0, 0, 0, 0, 0, 0, 0)
                : await load.OpenLoopAsync(halfRate, TimeSpan.FromSeconds(latencySeconds), ct);
            if (latencySeconds > 0) Print(output, $"open loop at {halfRate:F0}/s (half)", open);
        }

        JournalLoadResult raw;
        var rawDirectory = Path.Combine(Path.GetTempPath(), "microchain-bench-raw-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(rawDirectory);
        try
        {
            await using var journal = await JournalFactory.OpenAsync(new RuntimeOptions { DataDirectory = rawDirectory }, TimeProvider.System, ct);
            raw = await JournalLoad.RunAsync(journal, clients, TimeSpan.FromSeconds(rawSeconds), ct);
        }
        finally
        {
            try { Directory.Delete(rawDirectory, recursive: true); } catch (IOException) { }
        }
        var writerRaised = SqlEventJournal.WriterPriorityRaised == true;
        output.WriteLine($"journal writer thread: {(writerRaised ? "raised scheduling priority" : "default scheduling priority (raising it is not permitted here)")}");
        var socketThreadsBatched = SocketEventThreads.Batched ?? 0;
        output.WriteLine($"socket event threads under SCHED_BATCH: {socketThreadsBatched}{(socketThreadsBatched == 0 ? " (none found or not permitted: the default policy stays)" : "")}");
        var rawOrdersPerSecond = raw.AppendsPerSecond / 2;
        var ratio = rawOrdersPerSecond > 0 ? closed.OrdersPerSecond / rawOrdersPerSecond : 0;
        output.WriteLine($"raw journal (same SQLite store and group commit, {clients} writers, 2 appends per order): {raw.AppendsPerSecond:F0} appends/s = {rawOrdersPerSecond:F0} orders/s, p99 {raw.P99Ms:F1} ms");
        var cpuRatio = closed.CpuMillisecondsPerOrder > 0 ? 2 * raw.CpuMicrosecondsPerAppend / 1e3 / closed.CpuMillisecondsPerOrder : 0;
        output.WriteLine($"CPU per order: pipeline {closed.CpuMillisecondsPerOrder:F2} ms (server and load generator), raw 2 appends {2 * raw.CpuMicrosecondsPerAppend / 1e3:F3} ms; ratio {cpuRatio:F3}; " +
            $"so {Environment.ProcessorCount} cores at full use would carry ≈ {Environment.ProcessorCount * 1e3 / Math.Max(closed.CpuMillisecondsPerOrder, 1e-9):F0} orders/s");
        output.WriteLine($"pipeline / raw floor: {ratio:F3}  (target ≥ 5,000 orders/s: {(closed.OrdersPerSecond >= 5_000 ? "met" : "not met")}; p99 ≤ 50 ms at half rate: {(open.Acknowledged > 0 && open.P99Ms <= 50 ? "met" : "not met")})");
        if (json)
            BenchJson.WriteHeadline(output, new
            {
                ordersPerSecond = Math.Round(closed.OrdersPerSecond, 1),
                allocated = closed.Allocated,
                refused = closed.Refused,
                errors = closed.Errors + open.Errors,
                p50Ms = Math.Round(closed.P50Ms, 2),
                p99Ms = Math.Round(closed.P99Ms, 2),
                halfRatePerSecond = Math.Round(halfRate, 1),
                halfRateP50Ms = Math.Round(open.P50Ms, 2),
                halfRateP99Ms = Math.Round(open.P99Ms, 2),
                rawAppendsPerSecond = Math.Round(raw.AppendsPerSecond, 1),
                rawOrdersPerSecond = Math.Round(rawOrdersPerSecond, 1),
                ratioToRaw = Math.Round(ratio, 4),
                cpuMsPerOrder = Math.Round(closed.CpuMillisecondsPerOrder, 3),
                writerPriorityRaised = writerRaised,
                socketThreadsBatched,
                rawCpuMsPerOrder = Math.Round(2 * raw.CpuMicrosecondsPerAppend / 1e3, 4),
                cpuRatioToRaw = Math.Round(cpuRatio, 4),
                allocatedKibPerOrder = Math.Round(closed.AllocatedKibPerOrder, 1),
                gcPausedMs = Math.Round(closed.Gc.PausedMs, 0),
                clients,
                seconds,
            });
        return closed.Errors + open.Errors > 0 ? 1 : 0;
    }

    private static void Print(TextWriter output, string phase, OrderLoadResult r) =>
        output.WriteLine($"{phase}: {r.OrdersPerSecond:F0} acknowledged orders/s ({r.Allocated} allocated, {r.Acknowledged - r.Allocated} rejected out of stock, " +
            $"{r.Refused} refused, {r.Errors} errors), p50 {r.P50Ms:F1} ms, p99 {r.P99Ms:F1} ms, max {r.MaxMs:F1} ms" +
            $"; GC: {r.AllocatedKibPerOrder:F1} KiB allocated per order, {r.Gc.Gen0}/{r.Gc.Gen1}/{r.Gc.Gen2} collections (gen 0/1/2), {r.Gc.PausedMs:F0} ms paused" +
            (r.RefusedBy.Count == 0 ? "" : "; refused: " + string.Join(", ", r.RefusedBy.OrderByDescending(p => p.Value).Take(4).Select(p => $"{p.Value}× {p.Key}"))));
}
