using System.CommandLine;
using System.Globalization;
using Microchain.Domain.Network;
using Microchain.Domain.NetworkFiles;
using Microchain.Planning.Replenishment;
using Microchain.Server.Networks;
using Microchain.Simulation.DemoCity;

namespace Microchain.Cli.Commands;

/// <summary>
/// <c>microchain plan replenishment</c>: forecasts every node × SKU of a network from a demand history, then proposes
/// transfers DC → nodes and purchases supplier → DC, each with its reason; <c>--disrupt</c> shows what switching
/// suppliers did, against the undisrupted plan of the same run.
/// </summary>
internal static class PlanReplenishmentCommand
{
    public static Command Build(TextWriter output)
    {
        var network = new Option<FileInfo?>("--network") { Description = "Network JSON (docs/network-format.md); default: the demo city (seed 42) with its stock and a drawn history." };
        var stock = new Option<FileInfo?>("--stock") { Description = "Stock CSV node,sku,on_hand,capacity; default: the network's own (the demo city's, or initial-stock.csv beside the network file)." };
        var history = new Option<FileInfo?>("--history") { Description = "Daily demand CSV date,node,sku,units[,segment], or a 'microchain forecast' JSON request with series ids NODE/SKU." };
        var date = new Option<string?>("--date") { Description = "Planning day yyyy-MM-dd; default the day after the history's last day." };
        var serviceLevel = new Option<double?>("--service-level") { Description = "One cycle-service level in (0, 1) for every node instead of the segments' levels." };
        var horizon = new Option<int>("--horizon-days") { Description = "Days forecast; the daily mean and sd are taken over them.", DefaultValueFactory = _ => 7 };
        var intraDay = new Option<bool>("--intra-day") { Description = "Plan an intra-day run: emergency transfers only, no purchases." };
        var disrupt = new Option<string[]>("--disrupt") { Description = "Mark a supplier unavailable (repeatable) and show what switching did to cost and service.", AllowMultipleArgumentsPerToken = false };
        var outFile = new Option<FileInfo?>("--out") { Description = "Write the proposals here (standard output otherwise)." };
        var format = new Option<string>("--format") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var command = new Command("replenishment", "Propose transfers DC → nodes and purchases supplier → DC from forecasts, with reasons, within storage capacity.")
        {
            network, stock, history, date, serviceLevel, horizon, intraDay, disrupt, outFile, format,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var level = parse.GetValue(serviceLevel);
            if (level is { } l && !(l is > 0 and < 1)) throw new CliException("--service-level must be in (0, 1)");
            var horizonDays = parse.GetValue(horizon);
            if (horizonDays is < 1 or > 366) throw new CliException("--horizon-days must be within 1..366");
            var (model, positions, loaded) = Inputs(parse.GetValue(network), parse.GetValue(stock), parse.GetValue(history));
            var disrupted = (parse.GetValue(disrupt) ?? []).ToHashSet(StringComparer.Ordinal);
            foreach (var s in disrupted)
                if (!model.Suppliers.Any(x => x.Id == s)) throw new CliException($"--disrupt: no supplier '{s}' in the network");
            var today = Day(parse.GetValue(date), loaded.LastDay);

            var summary = parse.GetValue(outFile) is null ? error : output;
            var gate = new Lock();
            var started = Environment.TickCount64;
            var last = 0L;
            var progress = new Hosting.SyncProgress<(int Done, int Total)>(p =>
            {
                lock (gate)
                {
                    // Only long runs talk: the first line after 2 s, then at most one a second.
                    var now = Environment.TickCount64;
                    if (now - started < 2000 || (now - last < 1000 && p.Done != p.Total)) return;
                    last = now;
                    error.WriteLine($"  forecast {p.Done:N0}/{p.Total:N0} node × SKU lines");
                }
            });
            var result = NetworkReplenishment.Plan(model, new NetworkReplenishmentRequest
            {
                Today = today,
                Run = parse.GetValue(intraDay) ? ReplenishmentRun.IntraDay : ReplenishmentRun.Nightly,
                Stock = positions,
                Demand = loaded.Lines,
                SegmentDemand = loaded.Segments,
                ServiceLevel = level,
                HorizonDays = horizonDays,
                DisruptedSuppliers = disrupted,
            }, progress, cancellationToken);

            var text = parse.GetValue(format) == "json" ? ReplenishmentOutput.Json(today, result) : ReplenishmentOutput.Csv(result);
            foreach (var note in result.Notes) summary.WriteLine($"note: {note}");
            summary.WriteLine(ReplenishmentOutput.Summary(today, result));
            if (result.Disruption is { } impact) summary.WriteLine(impact.Summary());
            if (parse.GetValue(outFile) is { } target)
            {
                DataDirectory.WriteAtomically(target.FullName, text);
                output.WriteLine($"written to {target.FullName}");
            }
            else output.Write(text);
            return Task.FromResult(0);
        });
        return command;
    }

    private static (NetworkModel Network, IReadOnlyList<StockPosition> Stock, ReplenishmentHistory.Loaded History) Inputs(FileInfo? networkFile, FileInfo? stockFile, FileInfo? historyFile)
    {
        NetworkModel model;
        IReadOnlyList<StockRow>? rows = null;
        ReplenishmentHistory.Loaded? loaded = null;
        if (networkFile is null)
        {
            var city = DemoCityGenerator.Generate(new DemoCityOptions());
            model = city.Network;
            rows = [.. city.Stock.Select(s => new StockRow(s.NodeId, s.SkuId, s.OnHand, s.Capacity, s.SafetyStock))];
            if (historyFile is null) loaded = DemoDemandHistory.Draw(city, model.Replenishment.HistoryDays, city.Options.StartDate.AddDays(-1), city.Options.Seed);
        }
        else
        {
            if (!networkFile.Exists) throw new CliException($"{networkFile.FullName} does not exist");
            model = Hosting.NetworkFiles.Load(networkFile.FullName);
            var beside = new DataDirectory(networkFile.DirectoryName ?? ".").InitialStockFile;
            if (stockFile is null && !File.Exists(beside)) throw new CliException($"no stock: pass --stock FILE (no {beside} beside the network file)");
            stockFile ??= new FileInfo(beside);
            if (historyFile is null) throw new CliException("no demand history: pass --history FILE (date,node,sku,units[,segment])");
        }
        if (stockFile is not null)
        {
            if (!stockFile.Exists) throw new CliException($"{stockFile.FullName} does not exist");
            try
            {
                rows = NetworkFileStore.LoadStock(stockFile.FullName, model);
            }
            catch (NetworkFileException ex)
            {
                throw new CliException($"{stockFile.FullName}: {ex.Message}");
            }
        }
        loaded ??= ReplenishmentHistory.Read(historyFile!, model.Replenishment.HistoryDays);
        return (model, [.. rows!.Select(r => new StockPosition(r.NodeId, r.SkuId, r.OnHand, 0, r.Capacity))], loaded);
    }

    private static DateOnly Day(string? text, DateOnly? lastHistoryDay)
    {
        if (text is not null)
        {
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day : throw new CliException($"--date must be yyyy-MM-dd, found '{text}'");
        }
        return lastHistoryDay?.AddDays(1) ?? throw new CliException("the history has no dates (JSON or empty): pass --date yyyy-MM-dd");
    }
}
