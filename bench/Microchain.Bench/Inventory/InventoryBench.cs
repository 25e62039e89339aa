using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microchain.Planning.Forecasting;
using Microchain.Planning.Replenishment;

namespace Microchain.Bench.Inventory;

/// <summary>
/// <c>microchain bench inventory</c>: replays daily demand (a seeded synthetic small-node generator, or
/// carparts spread over days) through the nightly replenishment policy for several fill-rate targets and
/// reports the achieved fill rate (lost sales) against each target and the days of cover it costs — a
/// trade-off curve.
/// </summary>
public static class InventoryBench
{
    private const int CarpartsWarmupMonths = 12;

    /// <summary>Builds the command.</summary>
    public static Command Command()
    {
        var source = new Option<string>("--source") { Description = "synthetic (small-node generator) or carparts (monthly parts demand spread over days).", DefaultValueFactory = _ => "synthetic" };
        var series = new Option<int>("--series") { Description = "Number of SKUs (synthetic) or first N carparts series with demand (0 = all).", DefaultValueFactory = _ => 100 };
        var targets = new Option<string>("--targets") { Description = "Comma-separated fill-rate targets.", DefaultValueFactory = _ => "0.8,0.9,0.95,0.98,0.99" };
        var days = new Option<int>("--days") { Description = "Simulated days after warm-up (carparts: at most 1170).", DefaultValueFactory = _ => 364 };
        var seed = new Option<int>("--seed") { Description = "Seed of the demand generator / day spreading.", DefaultValueFactory = _ => 42 };
        var lead = new Option<int>("--lead-time-days") { Description = "DC-to-node lead time.", DefaultValueFactory = _ => 1 };
        var method = new Option<string>("--method") { Description = "Forecast method feeding the policy (a name or Auto).", DefaultValueFactory = _ => "Auto" };
        var json = new Option<bool>("--json") { Description = "End with one JSON line of headline figures." };
        var command = new Command("inventory", "Replay demand through the replenishment policy: fill rate vs target and days of cover per target.")
        {
            source, series, targets, days, seed, lead, method, json,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var levels = (parse.GetValue(targets) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
            var settings = new ReplaySettings(parse.GetValue(lead), 1, 1);
            var forecaster = ForecastMethods.ByName(parse.GetValue(method) ?? "Auto");
            var stopwatch = Stopwatch.StartNew();
            List<ReplaySeries> replay;
            string description;
            if (string.Equals(parse.GetValue(source), "carparts", StringComparison.OrdinalIgnoreCase))
            {
                var folder = SharedData.Folder(CarpartsData.FolderName, out var skip);
                if (folder is null)
                {
                    output.WriteLine(skip);
                    return 0;
                }
                var parts = CarpartsData.Load(folder, out _).Where(s => s.Demand.Skip(CarpartsWarmupMonths).Sum() > 0).ToList();
                var limit = parse.GetValue(series);
                if (limit > 0 && limit < parts.Count) parts = parts.GetRange(0, limit);
                replay = parts.Select((s, i) => ReplayDemand.Carparts(s.Demand, CarpartsWarmupMonths, i, parse.GetValue(seed), parse.GetValue(days), forecaster)).ToList();
                description = $"carparts: {replay.Count} part series with demand after a 12-month warm-up, each month's units on random days of a 30-day month; monthly refits";
            }
            else
            {
                var count = Math.Max(1, parse.GetValue(series));
                var protection = settings.LeadTimeDays + settings.ReviewPeriodDays;
                replay = Enumerable.Range(0, count).Select(i => ReplayDemand.Synthetic(i, parse.GetValue(seed), parse.GetValue(days), protection, forecaster)).ToList();
                description = $"synthetic: {count} SKUs, intermittent daily demand with weekday seasonality, 84-day warm-up; weekly refits on the last 16 weeks";
            }
            var forecastSeconds = stopwatch.Elapsed.TotalSeconds;
            return Report(output, replay, description, levels, settings, parse.GetValue(seed), forecaster, forecastSeconds, stopwatch, parse.GetValue(json));
        });
        return command;
    }

    private static int Report(TextWriter output, List<ReplaySeries> replay, string description, double[] targets, ReplaySettings settings, int seed, IForecastMethod method, double forecastSeconds, Stopwatch stopwatch, bool json)
    {
        var rows = new List<(double Target, ReplayTotals Totals)>();
        foreach (var level in targets)
        {
            var totals = new ReplayTotals();
            foreach (var s in replay) ServiceReplay.Run(s.Daily, s.Start, s.Forecasts, new ServiceTarget(level, ServiceMeasure.FillRate), settings, totals);
            rows.Add((level, totals));
        }
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var daysPerSeries = rows[0].Totals.Days / Math.Max(1, replay.Count);

        output.WriteLine($"{description} (seed {seed}), {daysPerSeries} simulated days per series");
        output.WriteLine($"policy: nightly (s,S) order-up-to, lead time {settings.LeadTimeDays} d + review 1 d, fill-rate target, lost sales; forecast {method.Name}");
        output.WriteLine();
        output.WriteLine($"{"target",8}{"fill rate",11}{"achieved/target",17}{"days of cover",15}{"orders/SKU/week",17}");
        foreach (var (target, t) in rows)
        {
            var ordersPerWeek = t.Orders * 7.0 / Math.Max(1, t.Days);
            output.WriteLine($"{target * 100,7:F1}%{t.FillRate * 100,10:F2}%{t.FillRate / target,17:F3}{t.DaysOfCover,15:F2}{ordersPerWeek,17:F2}");
        }
        output.WriteLine();
        output.WriteLine("fill rate = units served / units demanded (pooled); days of cover = mean end-of-day stock / mean daily demand (pooled)");
        output.WriteLine($"time {seconds:F1} s ({forecastSeconds:F1} s forecasting)");
        if (json)
        {
            BenchJson.WriteHeadline(output, new
            {
                benchmark = "inventory",
                series = replay.Count,
                seed,
                method = method.Name,
                curve = rows.Select(r => new { target = r.Target, fillRate = r.Totals.FillRate, ratio = r.Totals.FillRate / r.Target, daysOfCover = r.Totals.DaysOfCover }).ToArray(),
                worstRatio = rows.Min(r => r.Totals.FillRate / r.Target),
                seconds,
            });
        }
        return 0;
    }
}
