using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microchain.Planning.Assortment;
using Microchain.Simulation.DemoCity;

namespace Microchain.Bench.Assortment;

/// <summary>
/// <c>microchain bench assortment</c>: the assortment knapsack of every MFC of seeded demo cities (demand from a
/// simulated order history, capacities cut to a share so that volume and slots both bind), solved by the
/// planner's solver and by OR-Tools CP-SAT on the same model in the same run.
/// </summary>
public static class AssortmentBench
{
    public static Command Build()
    {
        var cities = new Option<int>("--cities") { Description = "Demo cities (seeds 1..N).", DefaultValueFactory = _ => 3 };
        var scale = new Option<double>("--scale") { Description = "Demo city scale.", DefaultValueFactory = _ => 0.5 };
        var skus = new Option<int>("--skus") { Description = "Catalog size.", DefaultValueFactory = _ => 2_000 };
        var days = new Option<int>("--days") { Description = "Days of simulated order history.", DefaultValueFactory = _ => 7 };
        var share = new Option<double>("--volume-share") { Description = "Share of each MFC's litres kept (so that volume binds).", DefaultValueFactory = _ => 0.08 };
        var slotShare = new Option<double>("--slot-share") { Description = "Share of each MFC's slots kept.", DefaultValueFactory = _ => 0.6 };
        var cpSeconds = new Option<double>("--cpsat-seconds") { Description = "CP-SAT time limit per node.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "End with one JSON line of headline figures." };
        var command = new Command("assortment", "Assortment knapsack per MFC: the planner's solver (bound, gap) vs OR-Tools CP-SAT.") { cities, scale, skus, days, share, slotShare, cpSeconds, json };
        command.SetAction(parse =>
        {
            var output = Console.Out;
            var settings = AssortmentSettings.Default;
            long ours = 0, peer = 0, oursOnPeerOptimal = 0, peerOptimalScore = 0;
            var peerNone = 0;
            int solved = 0, oursOptimal = 0, peerOptimal = 0, items = 0;
            double oursMs = 0, peerMs = 0, maxGap = 0;
            output.WriteLine("city  node      items  slots  ours          bound         cp-sat        cp-sat-bound  gap%    ratio    ours-ms  cpsat-ms");
            for (var seed = 1; seed <= parse.GetValue(cities); seed++)
            {
                var city = DemoCityGenerator.Generate(new DemoCityOptions { Seed = seed, Scale = parse.GetValue(scale), Skus = parse.GetValue(skus) });
                var rates = AssortmentDemand.DailyRates(History(city, seed, parse.GetValue(days)), parse.GetValue(days));
                foreach (var request in NetworkAssortment.Requests(city.Network, rates, new Dictionary<string, IReadOnlySet<string>>(), null))
                {
                    var p = Problem(request, settings, parse.GetValue(share), parse.GetValue(slotShare));
                    var clock = Stopwatch.StartNew();
                    var s = ZoneKnapsackSolver.Solve(p);
                    var ms = clock.Elapsed.TotalMilliseconds;
                    clock.Restart();
                    var (cp, cpBound, optimal, cpStatus) = CpSatKnapsack.Solve(p, parse.GetValue(cpSeconds));
                    var cpMs = clock.Elapsed.TotalMilliseconds;
                    var found = cpBound != long.MaxValue;
                    (solved, items, oursMs, peerMs) = (solved + 1, items + p.Count, oursMs + ms, peerMs + cpMs);
                    // Ratios are over the nodes where CP-SAT found a solution within its limit.
                    if (found) (ours, peer) = (ours + s.Score, peer + cp);
                    else peerNone++;
                    maxGap = Math.Max(maxGap, s.Gap);
                    if (s.Status == KnapsackStatus.Optimal) oursOptimal++;
                    if (optimal) (peerOptimal, peerOptimalScore, oursOnPeerOptimal) = (peerOptimal + 1, peerOptimalScore + cp, oursOnPeerOptimal + s.Score);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{seed,4}  {request.NodeId,-8}  {p.Count,5}  {p.Slots,5}  {s.Score,12}  {s.Bound,12}  {(found ? cp.ToString(CultureInfo.InvariantCulture) : cpStatus.ToLowerInvariant()),12}  {(found ? cpBound.ToString(CultureInfo.InvariantCulture) : "-"),12}  {100 * s.Gap,6:F3}  {(found ? ((double)s.Score / Math.Max(1, cp)).ToString("F5", CultureInfo.InvariantCulture) : "-"),7}  {ms,7:F0}  {cpMs,8:F0}"));
                }
            }
            var headline = new
            {
                benchmark = "assortment",
                nodes = solved,
                items,
                oursProvedOptimal = oursOptimal,
                cpSatOptimal = peerOptimal,
                cpSatNoSolution = peerNone,
                scoreRatioVsCpSat = peer > 0 ? Math.Round((double)ours / peer, 6) : (double?)null,
                scoreRatioOnCpSatOptimal = peerOptimal > 0 ? Math.Round((double)oursOnPeerOptimal / Math.Max(1, peerOptimalScore), 6) : (double?)null,
                maxGapPercent = Math.Round(100 * maxGap, 4),
                meanMs = Math.Round(oursMs / Math.Max(1, solved), 1),
                cpSatMeanMs = Math.Round(peerMs / Math.Max(1, solved), 1),
            };
            output.WriteLine(FormattableString.Invariant(
                $"{solved} nodes, {items} items: score ratio vs CP-SAT {headline.scoreRatioVsCpSat} where it found one ({peerNone} without; on its {peerOptimal} optimal nodes {headline.scoreRatioOnCpSatOptimal}); ours proved optimal {oursOptimal}, max gap {headline.maxGapPercent}%; mean {headline.meanMs} ms vs {headline.cpSatMeanMs} ms"));
            if (parse.GetValue(json)) BenchJson.WriteHeadline(output, headline);
            return 0;
        });
        return command;
    }

    /// <summary>The knapsack the planner solves for a first plan (no current assortment), on a share of the node's space.</summary>
    private static ZoneKnapsackProblem Problem(NodeAssortmentRequest request, AssortmentSettings settings, double share, double slotShare)
    {
        var sized = request.Candidates.Select(c => AssortmentPlanner.Size(c, settings)).ToArray();
        var space = request.Space;
        long Cut(long ml) => (long)(ml * share);
        return new ZoneKnapsackProblem(
            sized.Select(s => (long)Math.Round(s.ValuePerDay * settings.HorizonDays)).ToArray(),
            sized.Select(s => s.Milliliters).ToArray(),
            request.Candidates.Select(c => (int)c.Zone).ToArray(),
            [Cut(space.AmbientMilliliters), Cut(space.ChilledMilliliters), Cut(space.FrozenMilliliters)],
            (int)(space.Slots * slotShare));
    }

    private static List<DemandRecord> History(DemoCity city, int seed, int days)
    {
        var generator = new DemoOrderGenerator(city, seed, null);
        var perDay = (int)Math.Round(generator.ExpectedOrdersPerDay);
        var start = new DateTimeOffset(city.Options.StartDate.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var records = new List<DemandRecord>();
        for (var day = 0; day < days; day++)
            foreach (var order in generator.Next(perDay, start.AddDays(day)))
            {
                var area = NetworkAssortment.AreaOf(city.Network, order.DeliverTo) ?? "";
                foreach (var line in order.Lines) records.Add(new DemandRecord(area, line.SkuId, day, line.Quantity));
            }
        return records;
    }
}
