using System.CommandLine;
using System.Diagnostics;
using Microchain.Planning.Forecasting;

namespace Microchain.Bench.Inventory;

/// <summary>
/// <c>microchain bench forecast</c>: hold out the last 12 months of every complete carparts series, forecast
/// them with each method and with automatic selection (chosen on the training months only), and report
/// mean MASE and RMSSE against the seasonal naive and SES baselines of the same run.
/// </summary>
public static class ForecastBench
{
    private const int HoldoutMonths = 12;
    private const int SeasonMonths = 12;

    /// <summary>Builds the command.</summary>
    public static Command Command()
    {
        var series = new Option<int>("--series") { Description = "Use only the first N complete series (0 = all).", DefaultValueFactory = _ => 0 };
        var methods = new Option<string>("--methods") { Description = "Comma-separated single methods to report (baselines SNaive and SES are always run).", DefaultValueFactory = _ => "all" };
        var origins = new Option<int>("--origins") { Description = "Rolling origins for automatic selection.", DefaultValueFactory = _ => new SelectionOptions().Origins };
        var step = new Option<int>("--origin-step") { Description = "Months between rolling origins.", DefaultValueFactory = _ => new SelectionOptions().OriginStep };
        var candidates = new Option<string>("--candidates") { Description = "Comma-separated candidates of the Auto-mean selection (default: the planning candidates).", DefaultValueFactory = _ => "" };
        var metric = new Option<string>("--metric") { Description = "Selection metric of Auto-mean: Rmsse or Mase.", DefaultValueFactory = _ => "Rmsse" };
        var validation = new Option<bool>("--validation") { Description = "Drop the real holdout and use the 12 months before it as the test set (for tuning without touching the holdout)." };
        var json = new Option<bool>("--json") { Description = "End with one JSON line of headline figures." };
        var command = new Command("forecast", "Carparts intermittent demand: MASE/RMSSE of each method and automatic selection vs seasonal naive and SES.")
        {
            series, methods, origins, step, candidates, metric, validation, json,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var folder = SharedData.Folder(CarpartsData.FolderName, out var skip);
            if (folder is null)
            {
                output.WriteLine(skip);
                return 0;
            }
            var options = SelectionOptions.AbsoluteError with { Origins = parse.GetValue(origins), OriginStep = parse.GetValue(step) };
            var planning = new SelectionOptions { Origins = options.Origins, OriginStep = options.OriginStep, Metric = Enum.Parse<SelectionMetric>(parse.GetValue(metric) ?? "Rmsse", ignoreCase: true) };
            var names = parse.GetValue(candidates) ?? "";
            if (names.Length > 0) planning = planning with { Candidates = [.. names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ForecastMethods.ByName)], IntermittentCandidates = null };
            return Run(output, folder, parse.GetValue(series), parse.GetValue(methods) ?? "all", options, planning, parse.GetValue(validation), parse.GetValue(json));
        });
        return command;
    }

    private static int Run(TextWriter output, string folder, int seriesLimit, string methodList, SelectionOptions options, SelectionOptions planningOptions, bool validation, bool json)
    {
        var all = CarpartsData.Load(folder, out var incomplete);
        if (seriesLimit > 0 && seriesLimit < all.Count) all = all.GetRange(0, seriesLimit);
        var methods = SelectMethods(methodList);
        var auto = new AutoForecastMethod(options);
        var chosen = new Dictionary<string, int>();
        var rows = methods.Select(m => new MethodScore(m.Name)).ToList();
        var autoRow = new MethodScore("Auto-MASE");
        var planningAuto = new AutoForecastMethod(planningOptions);
        var planningRow = new MethodScore("Auto-mean");
        var zeroRow = new MethodScore("Zero (ref)");
        var zeroScale = 0;
        var stopwatch = Stopwatch.StartNew();
        var forecast = new double[HoldoutMonths];
        foreach (var s in all)
        {
            var demand = validation ? s.Demand.AsSpan(0, s.Demand.Length - HoldoutMonths) : s.Demand.AsSpan();
            var train = demand[..^HoldoutMonths];
            var test = demand[^HoldoutMonths..];
            if (ForecastAccuracy.MaseScale(train) <= 0) zeroScale++;
            for (var i = 0; i < methods.Count; i++)
            {
                methods[i].FitForecast(train, SeasonMonths, forecast, new double[train.Length]);
                rows[i].Add(train, test, forecast);
            }
            var planning = planningAuto.Select(train, SeasonMonths);
            planning.Chosen.FitForecast(train, SeasonMonths, forecast, new double[train.Length]);
            planningRow.Add(train, test, forecast);
            forecast.AsSpan().Clear();
            zeroRow.Add(train, test, forecast);
            var selection = auto.Select(train, SeasonMonths);
            chosen[selection.Chosen.Name] = chosen.GetValueOrDefault(selection.Chosen.Name) + 1;
            selection.Chosen.FitForecast(train, SeasonMonths, forecast, new double[train.Length]);
            autoRow.Add(train, test, forecast);
        }
        var seconds = stopwatch.Elapsed.TotalSeconds;

        var snaive = rows.Single(r => r.Name == "SNaive");
        var ses = rows.Single(r => r.Name == "SES");
        var bestBaseline = snaive.Mase <= ses.Mase ? snaive : ses;
        var improvement = 1 - autoRow.Mase / bestBaseline.Mase;
        output.WriteLine($"carparts: {all.Count} complete series ({incomplete} with missing months left out), {(validation ? "validation split: test = months 28-39" : "holdout = last 12 months")}");
        output.WriteLine($"MASE scale = in-sample naive-1 MAE; RMSSE scale = naive-1 MSE from first demand (M5). {zeroScale} series with zero MASE scale are excluded from the means.");
        output.WriteLine($"selection: {options.Origins} origins, step {options.OriginStep}, horizon {options.Horizon ?? SeasonMonths}, training months only.");
        output.WriteLine("Auto-MASE: absolute-error selection among median point forecasts of Mean, SES, SBA, TSB, ADIDA, IMAPA.");
        var sparse = planningOptions.IntermittentCandidates is { } ic ? $"; intermittent series (ADI > {planningOptions.IntermittentAdi}) among {string.Join(", ", ic.Select(m => m.Name))}" : "";
        output.WriteLine($"Auto-mean: {planningOptions.Metric} selection among mean forecasts of {string.Join(", ", planningOptions.Candidates.Select(m => m.Name))}{sparse} (what replenishment uses).");
        output.WriteLine("Zero (ref): the all-zero forecast, the absolute-error floor on intermittent data.");
        output.WriteLine();
        output.WriteLine($"{"method",-12}{"MASE",9}{"RMSSE",9}{"MASE/best baseline",20}");
        foreach (var row in rows.Append(zeroRow).Append(planningRow).Append(autoRow))
            output.WriteLine($"{row.Name,-12}{row.Mase,9:F4}{row.Rmsse,9:F4}{row.Mase / bestBaseline.Mase,20:F3}");
        output.WriteLine();
        output.WriteLine("Auto-MASE chose: " + string.Join(", ", chosen.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}")));
        output.WriteLine($"best baseline {bestBaseline.Name} MASE {bestBaseline.Mase:F4}; auto MASE {autoRow.Mase:F4}: {improvement:P1} better (target >= 10%: {(improvement >= 0.10 ? "met" : "NOT met")})");
        output.WriteLine($"time {seconds:F2} s for {methods.Count} methods + selection over {all.Count} series");
        if (json)
        {
            BenchJson.WriteHeadline(output, new
            {
                benchmark = "forecast",
                series = all.Count,
                validation,
                autoMase = autoRow.Mase,
                autoRmsse = autoRow.Rmsse,
                snaiveMase = snaive.Mase,
                sesMase = ses.Mase,
                bestBaseline = bestBaseline.Name,
                ratioVsBestBaseline = autoRow.Mase / bestBaseline.Mase,
                improvement,
                targetMet = improvement >= 0.10,
                seconds,
            });
        }
        return 0;
    }

    private static List<IForecastMethod> SelectMethods(string list)
    {
        var names = list.Equals("all", StringComparison.OrdinalIgnoreCase)
            ? ForecastMethods.All.Select(m => m.Name).ToList()
            : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var baseline in new[] { "SNaive", "SES" })
        {
            if (!names.Contains(baseline, StringComparer.OrdinalIgnoreCase)) names.Add(baseline);
        }
        return names.Select(ForecastMethods.ByName).Where(m => m.Name != AutoForecastMethod.AutoName).ToList();
    }

    private sealed class MethodScore(string name)
    {
        private double _maseSum, _rmsseSum;
        private int _maseCount, _rmsseCount;

        public string Name { get; } = name;
        public double Mase => _maseSum / _maseCount;
        public double Rmsse => _rmsseSum / _rmsseCount;

        public void Add(ReadOnlySpan<double> train, ReadOnlySpan<double> test, ReadOnlySpan<double> forecast)
        {
            var mase = ForecastAccuracy.Mase(train, test, forecast);
            if (!double.IsNaN(mase))
            {
                _maseSum += mase;
                _maseCount++;
            }
            var rmsse = ForecastAccuracy.Rmsse(train, test, forecast);
            if (!double.IsNaN(rmsse))
            {
                _rmsseSum += rmsse;
                _rmsseCount++;
            }
        }
    }
}
