using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microchain.Domain.Network;
using Microchain.Planning.Assortment;
using Microchain.Runtime.EventSourcing;
using Microchain.Server.Networks;
using Microchain.Simulation.DemoCity;

namespace Microchain.Cli.Commands;

/// <summary><c>microchain plan assortment</c>: which SKUs each small node stocks, from a demand history.</summary>
internal static class PlanAssortmentCommand
{
    public const int MaxDemoDays = 365;

    public static Command Build(TextWriter output)
    {
        var file = new Argument<FileInfo?>("NETWORK") { Description = "Network JSON (docs/network-format.md); omitted = the demo city (with simulated order history).", Arity = ArgumentArity.ZeroOrOne };
        var demand = new Option<FileInfo?>("--demand") { Description = "Demand history CSV: node,sku,day,units (day an integer or yyyy-MM-dd); node = the node whose area the demand is in." };
        var current = new Option<FileInfo?>("--current") { Description = "Current assortments CSV: node,sku[,stocked] (a previous --csv reads back); enables hysteresis." };
        var nodes = new Option<string[]>("--nodes") { Description = "Nodes to plan (default: every open fulfilment node but central DCs).", AllowMultipleArgumentsPerToken = true };
        var window = new Option<int>("--window-days") { Description = "Days of history (back from its last day) that make the daily rate.", DefaultValueFactory = _ => 28 };
        var cover = new Option<double>("--cover-days") { Description = "Days of demand a stocked SKU keeps on the shelf (its space).", DefaultValueFactory = _ => 3 };
        var horizon = new Option<int>("--horizon-days") { Description = "Days the plan stands for (value counted over them against the switching cost).", DefaultValueFactory = _ => 7 };
        var switchCost = new Option<long>("--switch-cost-cents") { Description = "One-off cost of adding or dropping a SKU: the switching threshold.", DefaultValueFactory = _ => 2_000 };
        var seed = new Option<int>("--seed") { Description = "Demo city and order history seed (no NETWORK).", DefaultValueFactory = _ => 42 };
        var scale = new Option<double>("--scale") { Description = "Demo city size (no NETWORK).", DefaultValueFactory = _ => 1.0 };
        var skus = new Option<int>("--skus") { Description = "Demo catalog size (no NETWORK).", DefaultValueFactory = _ => 2_000 };
        var days = new Option<int>("--demo-days") { Description = "Days of simulated order history (no NETWORK, no --demand).", DefaultValueFactory = _ => 14 };
        var json = new Option<FileInfo?>("--out") { Description = "Write the plan as JSON." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Write stocked and changed SKUs as CSV (node,sku,stocked,change,…,reason)." };
        var command = new Command("assortment", "Which SKUs each small node stocks under its capacity: demand captured locally against space and the cost of serving it elsewhere, with hysteresis.")
        {
            file, demand, current, nodes, window, cover, horizon, switchCost, seed, scale, skus, days, json, csv,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var progress = parse.InvocationConfiguration.Error;
            var settings = new AssortmentSettings(parse.GetValue(cover), parse.GetValue(horizon), parse.GetValue(switchCost));
            try
            {
                settings.Check();
            }
            catch (ArgumentException ex)
            {
                throw new CliException($"--cover-days, --horizon-days, --switch-cost-cents: {ex.Message}");
            }
            var windowDays = parse.GetValue(window);
            if (windowDays is < 1 or > AssortmentDemand.MaxWindowDays) throw new CliException($"--window-days must be within 1..{AssortmentDemand.MaxWindowDays}");
            var (network, history) = Inputs(parse, file, demand, seed, scale, skus, days, progress);
            var currentSets = parse.GetValue(current) is { } c ? AssortmentCsv.ReadCurrent(c) : new Dictionary<string, IReadOnlySet<string>>();
            var requests = NetworkAssortment.Requests(network, AssortmentDemand.DailyRates(history, windowDays), currentSets,
                parse.GetValue(nodes) is { Length: > 0 } ids ? ids : null);
            var plans = new List<NodeAssortmentPlan>(requests.Count);
            foreach (var request in requests)
            {
                cancellationToken.ThrowIfCancellationRequested();
                plans.Add(AssortmentPlanner.PlanNode(request, settings));
                progress.WriteLine($"  planned {plans.Count}/{requests.Count} nodes ({request.NodeId}: {request.Candidates.Count} candidate SKUs)");
            }
            var plan = new AssortmentPlan(plans);
            foreach (var p in plan.Nodes) output.WriteLine(Summary(p));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{plan.Nodes.Count} nodes; value {plan.ValueCentsPerDay / 100.0:N2}/day; {plan.Nodes.Sum(n => n.Added.Count)} adds, {plan.Nodes.Sum(n => n.Dropped.Count)} drops; largest gap {plan.MaxGap:P2}"));
            if (parse.GetValue(json) is { } j) DataDirectory.WriteAtomically(j.FullName, JsonSerializer.Serialize(plan, DomainJson.Options));
            if (parse.GetValue(csv) is { } t) DataDirectory.WriteAtomically(t.FullName, AssortmentCsv.Write(plan));
            return Task.FromResult(0);
        });
        return command;
    }

    private static string Summary(NodeAssortmentPlan p)
    {
        var zones = string.Join(", ", p.Zones.Where(z => z.CapacityMilliliters > 0).Select(z => string.Create(CultureInfo.InvariantCulture, $"{z.Zone} {(double)z.UsedMilliliters / z.CapacityMilliliters:P0}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"{p.NodeId}: {p.Skus.Count} SKUs (+{p.Added.Count} -{p.Dropped.Count}, {p.HeldBySwitchingCost.Count} held by switching cost); slots {p.SlotsUsed}/{p.Slots}; {zones}; value {p.ValueCentsPerDay / 100.0:N2}/day; {p.Status}, gap {p.Gap:P2}");
    }

    private static (NetworkModel Network, IReadOnlyList<DemandRecord> History) Inputs(ParseResult parse, Argument<FileInfo?> file, Option<FileInfo?> demand,
        Option<int> seed, Option<double> scale, Option<int> skus, Option<int> days, TextWriter progress)
    {
        var history = parse.GetValue(demand) is { } d ? AssortmentCsv.ReadDemand(d) : null;
        if (parse.GetValue(file) is { } path)
        {
            if (!path.Exists) throw new CliException($"{path.FullName} does not exist");
            if (history is null) throw new CliException("--demand is needed with a NETWORK file (a demand history CSV: node,sku,day,units)");
            return (Hosting.NetworkFiles.Load(path.FullName), history);
        }
        var options = new DemoCityOptions { Seed = parse.GetValue(seed), Scale = parse.GetValue(scale), Skus = parse.GetValue(skus) };
        if (options.Errors() is { Count: > 0 } errors) throw new CliException(errors[0]);
        progress.WriteLine($"  generating the demo city (seed {options.Seed}, scale {options.Scale})");
        var city = DemoCityGenerator.Generate(options);
        if (history is not null) return (city.Network, history);
        var span = parse.GetValue(days);
        if (span is < 1 or > MaxDemoDays) throw new CliException($"--demo-days must be within 1..{MaxDemoDays}");
        return (city.Network, DemoHistory(city, options.Seed, span, progress));
    }

    /// <summary>Simulated order history of the demo city (<see cref="DemoOrderHistory"/>), each order counted for the node nearest its delivery point.</summary>
    private static List<DemandRecord> DemoHistory(DemoCity city, int seed, int days, TextWriter progress)
    {
        var areas = new Dictionary<(double, double), string>();
        var records = new List<DemandRecord>();
        foreach (var (day, order) in DemoOrderHistory.Draw(city, seed, city.Options.StartDate, days,
                     (day, orders) => progress.WriteLine($"  simulated day {day + 1}/{days}: {orders:N0} orders")))
        {
            var key = (order.DeliverTo.Lat, order.DeliverTo.Lon);
            if (!areas.TryGetValue(key, out var area)) areas[key] = area = NetworkAssortment.AreaOf(city.Network, order.DeliverTo) ?? "";
            foreach (var line in order.Lines) records.Add(new DemandRecord(area, line.SkuId, day, line.Quantity));
        }
        return records;
    }
}
