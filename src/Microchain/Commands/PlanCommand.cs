using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;
using Microchain.Domain.NetworkFiles;
using Microchain.Planning.NetworkDesign;
using Microchain.Planning.NetworkDesign.FromData;
using Microchain.Runtime.EventSourcing;

using Microchain.Server.Networks;

namespace Microchain.Cli.Commands;

/// <summary><c>microchain plan network</c>: where MFCs should be, and when to move them.</summary>
internal static class PlanCommand
{
    public static Command Build(TextWriter output)
    {
        var command = new Command("plan", "Plan the network (where MFCs should be) and routes (vehicle routing).");
        command.Subcommands.Add(Network(output));
        command.Subcommands.Add(Routes(output));
        command.Subcommands.Add(PlanAssortmentCommand.Build(output));
        command.Subcommands.Add(PlanReplenishmentCommand.Build(output));
        return command;
    }

    private static Command Routes(TextWriter output)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Routing request: VROOM's input (vehicles, jobs, matrices) with Microchain's extensions; see docs/routing.md." };
        var seconds = new Option<double?>("--seconds") { Description = "Search time (overrides options.time_limit)." };
        var format = new Option<string?>("--format") { Description = "microchain (default) or vroom output." };
        var outFile = new Option<FileInfo?>("--out") { Description = "Write the answer here instead of standard output." };
        var command = new Command("routes", "Plan vehicle routes for a routing request, printing progress while it searches.") { file, seconds, format, outFile };
        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw new CliException($"{path.FullName} does not exist");
            Server.Routing.RouteRequest request;
            try
            {
                request = JsonSerializer.Deserialize<Server.Routing.RouteRequest>(File.ReadAllText(path.FullName), RouteJson)
                    ?? throw new CliException($"{path.FullName}: empty request");
            }
            catch (JsonException ex)
            {
                throw new CliException($"{path.FullName}: {ex.Message}");
            }
            var options = request.Options ?? new Server.Routing.RouteOptions();
            request = request with { Options = options with { TimeLimit = parse.GetValue(seconds) ?? options.TimeLimit, Format = parse.GetValue(format) ?? options.Format } };
            var log = parse.GetValue(outFile) is null ? TextWriter.Null : output;
            long last = 0;
            var progress = new Hosting.SyncProgress<Planning.Routing.SearchProgress>(p =>
            {
                if (Environment.TickCount64 - last < 500) return;
                last = Environment.TickCount64;
                log.WriteLine(FormattableString.Invariant($"  searching: {p.Elapsed.TotalSeconds:F1} s, cost {p.BestCost:N0}, {p.RoutesUsed} routes, {p.Unassigned} unassigned, {p.Iteration:N0} iterations"));
            });
            var (model, solution, elapsed) = Server.Routing.RouteSolving.Solve(request, progress, cancellationToken);
            var json = JsonSerializer.Serialize(Server.Routing.RouteSolving.Answer(model, solution, elapsed), AnswerJson);
            if (parse.GetValue(outFile) is { } target)
            {
                DataDirectory.WriteAtomically(target.FullName, json);
                output.WriteLine($"{solution.Routes.Count} routes, {solution.Unassigned.Count} unassigned, cost {solution.Cost:N0}, distance {solution.Distance:N0}; written to {target.FullName}");
            }
            else
            {
                output.WriteLine(json);
            }
            return Task.FromResult(0);
        });
        return command;
    }

    private static readonly JsonSerializerOptions RouteJson = new()
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        MaxDepth = 64,
    };

    private static readonly JsonSerializerOptions AnswerJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static Command Network(TextWriter output)
    {
        var file = new Argument<FileInfo>("NETWORK") { Description = "Network JSON (docs/network-format.md); demand comes from its customers and segments." };
        var problem = new Option<DesignProblem>("--problem") { Description = "Model to solve.", DefaultValueFactory = _ => DesignProblem.CapacitatedSingleSource };
        var maxSites = new Option<int?>("--max-sites") { Description = "Most open sites (the p of p-median and coverage)." };
        var minSites = new Option<int>("--min-sites") { Description = "Fewest open sites." };
        var extra = new Option<int>("--extra-candidates") { Description = "New candidate sites at the busiest demand cells.", DefaultValueFactory = _ => 0 };
        var cell = new Option<double>("--cell-meters") { Description = "Demand grid cell size.", DefaultValueFactory = _ => 1000 };
        var cover = new Option<double>("--cover-minutes") { Description = "Coverage radius (maximal coverage).", DefaultValueFactory = _ => 15 };
        var budget = new Option<long?>("--budget-cents") { Description = "Most total opening cost over the horizon." };
        var forceOpen = new Option<string[]>("--force-open") { Description = "Sites that must stay open.", AllowMultipleArgumentsPerToken = true };
        var forceClosed = new Option<string[]>("--force-closed") { Description = "Sites that must not be used.", AllowMultipleArgumentsPerToken = true };
        var demandFile = new Option<FileInfo?>("--demand") { Description = "Order history as CSV (lat,lon,segment[,orders]) instead of the customers' expected demand." };
        var demandWeeks = new Option<double>("--demand-weeks") { Description = "Weeks the --demand history spans.", DefaultValueFactory = _ => 4 };
        var noPromise = new Option<bool>("--no-promise") { Description = "Let a site serve demand farther than its segment's promise allows." };
        var months = new Option<int>("--months") { Description = "Re-assess over this many months as segments grow (1 = one design).", DefaultValueFactory = _ => 1 };
        var seconds = new Option<double>("--seconds") { Description = "Time limit of the search.", DefaultValueFactory = _ => 30 };
        var json = new Option<FileInfo?>("--out") { Description = "Write the full result as JSON." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Write assignments (or the plan per period) as CSV." };
        var svg = new Option<FileInfo?>("--svg") { Description = "Write a map of sites and assignments as SVG." };
        var scenario = new Option<FileInfo?>("--scenario") { Description = "Write the designed network as a network file for the digital twin." };
        var command = new Command("network", "Where MFCs should be: facility location, p-median or coverage over the network's demand; --months re-assesses over time.")
        {
            file, problem, maxSites, minSites, extra, cell, cover, budget, forceOpen, forceClosed, demandFile, demandWeeks, noPromise, months, seconds, json, csv, svg, scenario,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw new CliException($"{path.FullName} does not exist");
            var network = Hosting.NetworkFiles.Load(path.FullName);
            var request = new DesignRequest
            {
                Problem = parse.GetValue(problem), MaxSites = parse.GetValue(maxSites), MinSites = parse.GetValue(minSites),
                ExtraCandidates = parse.GetValue(extra), CellMeters = parse.GetValue(cell), CoverMinutes = parse.GetValue(cover),
                BudgetCents = parse.GetValue(budget), ForceOpen = parse.GetValue(forceOpen) ?? [], ForceClosed = parse.GetValue(forceClosed) ?? [],
                EnforcePromise = !parse.GetValue(noPromise),
                TimeLimit = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(seconds), 0.1, 3600)),
            };
            var progress = new ThrottledProgress(output);
            var periods = parse.GetValue(months);
            if (periods is < 1 or > NetworkReplanner.MaxPeriods) throw new CliException($"--months must be within 1..{NetworkReplanner.MaxPeriods}");
            if (periods > 1)
            {
                var demand = Enumerable.Range(0, periods).Select(t => DemandSamples.FromCustomers(network, t / 12.0)).ToArray();
                var plan = NetworkReplanner.Plan(network, demand, request, new HaversineTravelModel(), progress, cancellationToken);
                foreach (var p in plan.Periods)
                    output.WriteLine($"month {p.Period + 1,2}: open {string.Join(' ', p.OpenSites)}{(p.Opened.Count > 0 ? $"  +{string.Join(" +", p.Opened)}" : "")}{(p.Closed.Count > 0 ? $"  -{string.Join(" -", p.Closed)}" : "")}  cost {p.TotalCents / 100.0:N0}");
                output.WriteLine($"{plan.Status}: total {plan.TotalCents / 100.0:N0} (operating {plan.OperatingCents / 100.0:N0}, delivery {plan.DeliveryCents / 100.0:N0}, relocation {plan.RelocationCents / 100.0:N0}), gap {plan.Gap:P2}");
                Write(parse.GetValue(json), JsonSerializer.Serialize(plan, DomainJson.Options));
                Write(parse.GetValue(csv), PlanCsv(plan));
                return Task.FromResult(0);
            }
            var samples = parse.GetValue(demandFile) is { } history
                ? DemandHistory.Read(history, parse.GetValue(demandWeeks))
                : DemandSamples.FromCustomers(network);
            var design = NetworkDesigner.Design(network, samples, request, new HaversineTravelModel(), progress, cancellationToken);
            if (design.Status == SolveStatus.Infeasible)
                throw new CliException("no design serves every demand point within the limits (promise, capacity, sites, budget); try --no-promise, --max-sites or --extra-candidates");
            var open = design.Sites.Where(s => s.Open).ToArray();
            output.WriteLine($"{design.Status}: {open.Length} of {design.Sites.Count} sites open ({string.Join(", ", open.Select(s => s.Id))}); " +
                $"{design.DemandPoints.Count} demand points; cost {design.Cost.TotalCents / 100.0:N0} (opening {design.Cost.OpeningCents / 100.0:N0}, delivery {design.Cost.DeliveryCents / 100.0:N0}); " +
                $"within promise {design.ShareWithinPromise:P1}; gap {design.Gap:P2}; {design.Elapsed.TotalSeconds:F1} s");
            Write(parse.GetValue(json), JsonSerializer.Serialize(design, DomainJson.Options));
            Write(parse.GetValue(csv), AssignmentsCsv(design));
            Write(parse.GetValue(svg), DesignSvg.Render(design, network.Name));
            if (parse.GetValue(scenario) is { } s) Write(s, NetworkFile.Write(DesignScenario.Apply(network, design)));
            return Task.FromResult(0);
        });
        return command;
    }

    private static void Write(FileInfo? target, string content)
    {
        if (target is not null) DataDirectory.WriteAtomically(target.FullName, content);
    }

    private static string AssignmentsCsv(DesignResult design)
    {
        var text = new StringBuilder("demand_point,segment,lat,lon,orders_per_week,site,share,travel_minutes\n");
        var points = design.DemandPoints.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var a in design.Assignments)
        {
            var p = points[a.DemandPointId];
            text.Append(CultureInfo.InvariantCulture, $"{p.Id},{p.SegmentId},{p.Location.Lat:F6},{p.Location.Lon:F6},{a.OrdersPerWeek:F3},{a.SiteId},{a.Share:F4},{a.TravelMinutes:F2}\n");
        }
        return text.ToString();
    }

    private static string PlanCsv(ReplanResult plan)
    {
        var text = new StringBuilder("period,open_sites,opened,closed,operating_cents,delivery_cents,relocation_cents\n");
        foreach (var p in plan.Periods)
            text.Append(CultureInfo.InvariantCulture, $"{p.Period + 1},{string.Join(' ', p.OpenSites)},{string.Join(' ', p.Opened)},{string.Join(' ', p.Closed)},{p.OperatingCents},{p.DeliveryCents},{p.RelocationCents}\n");
        return text.ToString();
    }

    /// <summary>Prints the incumbent and bound at most once a second while the search runs.</summary>
    private sealed class ThrottledProgress(TextWriter output) : IProgress<FacilitySolverProgress>
    {
        private long _last;

        public void Report(FacilitySolverProgress value)
        {
            var now = Environment.TickCount64;
            if (now - _last < 1000) return;
            _last = now;
            output.WriteLine(FormattableString.Invariant($"  searching: best {value.Objective:N0}, bound {value.LowerBound:N0}, nodes {value.Nodes}"));
        }
    }
}
