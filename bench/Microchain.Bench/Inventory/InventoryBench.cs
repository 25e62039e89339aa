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
/// trade-off curve — for the policy fed by the chosen forecast and by a peer forecast (SES) in the same run.
/// </summary>
public static class InventoryBench
{
    private const int CarpartsWarmupMonths = 12;

    /// <summary>Builds the command.</summary>
    public static Command Command()
    {
        var source = new Option<string>("--source") { Description = "synthetic (small-node generator) or carparts (monthly parts demand spread over days).", DefaultValueFactory = _ => "synthetic" };
        var series = new Option<int>("--series") { Description = "Number of SKUs (synthetic) or first N carparts series with demand (0 = all carparts).", DefaultValueFactory = _ => 100 };
        var targets = new Option<string>("--targets") { Description = "Comma-separated fill-rate targets.", DefaultValueFactory = _ => "0.8,0.9,0.95,0.98,0.99" };
        var days = new Option<int>("--days") { Description = "Simulated days after warm-up (carparts: at most 1170).", DefaultValueFactory = _ => 364 };
        var seed = new Option<int>("--seed") { Description = "Seed of the demand generator / day spreading.", DefaultValueFactory = _ => 42 };
        var lead = new Option<int>("--lead-time-days") { Description = "DC-to-node lead time.", DefaultValueFactory = _ => 1 };
        var method = new Option<string>("--method") { Description = "Forecast method feeding the policy (a name or Auto).", DefaultValueFactory = _ => "Auto" };
        var peer = new Option<string>("--peer") { Description = "Forecast method of the peer run (none to skip).", DefaultValueFactory = _ => "SES" };
        var model = new Option<string>("--demand-model") { Description = "Safety-stock distribution: Normal or Count (negative binomial).", DefaultValueFactory = _ => "Normal" };
        var json = new Option<bool>("--json") { Description = "End with one JSON line of headline figures." };
        var command = new Command("inventory", "Replay demand through the replenishment policy: fill rate vs target and days of cover per target.")
        {
            source, series, targets, days, seed, lead, method, peer, model, json,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var levels = (parse.GetValue(targets) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
            var settings = new ReplaySettings(parse.GetValue(lead), 1, 1, Enum.Parse<DemandModel>(parse.GetValue(model) ?? "Normal", ignoreCase: true));
            var main = ForecastMethods.ByName(parse.GetValue(method) ?? "Auto");
            var peerName = parse.GetValue(peer) ?? "none";
            var peerMethod = peerName.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : ForecastMethods.ByName(peerName);
            var seedValue = parse.GetValue(seed);
            var dayCount = parse.GetValue(days);
            var limit = parse.GetValue(series);
            Func<IForecastMethod, List<ReplaySeries>> build;
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
                if (limit > 0 && limit < parts.Count) parts = parts.GetRange(0, limit);
                build = m => [.. parts.Select((s, i) => ReplayDemand.Carparts(s.Demand, CarpartsWarmupMonths, i, seedValue, dayCount, m))];
                description = $"carparts: {parts.Count} part series with demand after a 12-month warm-up, each month's units on random days of a 30-day month; monthly refits";
            }
            else
            {
                var count = Math.Max(1, limit);
                var protection = settings.LeadTimeDays + settings.ReviewPeriodDays;
                build = m => [.. Enumerable.Range(0, count).Select(i => ReplayDemand.Synthetic(i, seedValue, dayCount, protection, m))];
                description = $"synthetic: {count} SKUs, intermittent daily demand with weekday seasonality, 84-day warm-up; weekly refits on the last 16 weeks";
            }
            var stopwatch = Stopwatch.StartNew();
            var mainCurve = Curve(build(main), levels, settings);
            var peerCurve = peerMethod is null ? null : Curve(build(peerMethod), levels, settings);
            Report(output, description, seedValue, settings, main, mainCurve, peerMethod, peerCurve, stopwatch.Elapsed.TotalSeconds, parse.GetValue(json));
            return 0;
        });
        return command;
    }

    private static List<(double Target, ReplayTotals Totals)> Curve(List<ReplaySeries> replay, double[] targets, ReplaySettings settings)
    {
        var rows = new List<(double, ReplayTotals)>();
        foreach (var level in targets)
        {
            var totals = new ReplayTotals();
            foreach (var s in replay) ServiceReplay.Run(s.Daily, s.Start, s.Forecasts, new ServiceTarget(level, ServiceMeasure.FillRate), settings, totals);
            rows.Add((level, totals));
        }
        return rows;
    }

    private static void Report(TextWriter output, string description, int seed, ReplaySettings settings, IForecastMethod main, List<(double Target, ReplayTotals Totals)> rows,
        IForecastMethod? peer, List<(double Target, ReplayTotals Totals)>? peerRows, double seconds, bool json)
    {
        output.WriteLine($"{description} (seed {seed}), {rows[0].Totals.Days} simulated SKU-days");
        output.WriteLine($"policy: nightly (s,S) order-up-to, lead time {settings.LeadTimeDays} d + review 1 d, fill-rate target, {settings.DemandModel} demand model, lost sales; forecast {main.Name}{(peer is null ? "" : $", peer forecast {peer.Name}")}");
        output.WriteLine();
        var peerHeader = peer is null ? "" : $"{"peer fill",11}{"peer cover",12}{"cover/peer",12}";
        output.WriteLine($"{"target",8}{"fill rate",11}{"achieved/target",17}{"days of cover",15}{"orders/SKU/week",17}{peerHeader}");
        for (var i = 0; i < rows.Count; i++)
        {
            var (target, t) = rows[i];
            var ordersPerWeek = t.Orders * 7.0 / Math.Max(1, t.Days);
            var peerText = peerRows is null ? "" : $"{peerRows[i].Totals.FillRate * 100,10:F2}%{peerRows[i].Totals.DaysOfCover,12:F2}{t.DaysOfCover / peerRows[i].Totals.DaysOfCover,12:F3}";
            output.WriteLine($"{target * 100,7:F1}%{t.FillRate * 100,10:F2}%{t.FillRate / target,17:F3}{t.DaysOfCover,15:F2}{ordersPerWeek,17:F2}{peerText}");
        }
        output.WriteLine();
        output.WriteLine("fill rate = units served / units demanded (pooled); days of cover = mean end-of-day stock / mean daily demand (pooled)");
        output.WriteLine($"time {seconds:F1} s");
        if (!json) return;
        BenchJson.WriteHeadline(output, new
        {
            benchmark = "inventory",
            skuDays = rows[0].Totals.Days,
            seed,
            method = main.Name,
            demandModel = settings.DemandModel.ToString(),
            peer = peer?.Name,
            curve = rows.Select((r, i) => new
            {
                target = r.Target,
                fillRate = r.Totals.FillRate,
                ratio = r.Totals.FillRate / r.Target,
                daysOfCover = r.Totals.DaysOfCover,
                peerFillRate = peerRows?[i].Totals.FillRate,
                peerDaysOfCover = peerRows?[i].Totals.DaysOfCover,
            }).ToArray(),
            worstRatio = rows.Min(r => r.Totals.FillRate / r.Target),
            seconds,
        });
    }
}
