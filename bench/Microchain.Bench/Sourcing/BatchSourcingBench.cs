using System.CommandLine;
using System.Diagnostics;
using Microchain.Planning.Sourcing;

namespace Microchain.Bench.Sourcing;

/// <summary>
/// <c>microchain bench batch-sourcing</c>: re-optimises seeded synthetic batches that were sourced order by order,
/// and compares the result with OR-Tools CP-SAT on the same whole-order model in the same run.
/// </summary>
public static class BatchSourcingBench
{
    public static Command Create()
    {
        var instances = new Option<int>("--instances") { Description = "Batches to solve.", DefaultValueFactory = _ => 10 };
        var orders = new Option<int>("--orders") { Description = "Orders per batch.", DefaultValueFactory = _ => 40 };
        var nodes = new Option<int>("--nodes") { Description = "Candidate nodes.", DefaultValueFactory = _ => 6 };
        var skus = new Option<int>("--skus") { Description = "SKUs in the catalog.", DefaultValueFactory = _ => 8 };
        var seed = new Option<int>("--seed") { Description = "Seed of the first batch.", DefaultValueFactory = _ => 1 };
        var budget = new Option<int>("--branch-nodes") { Description = "Branch-and-bound budget per batch.", DefaultValueFactory = _ => 5_000 };
        var cpSeconds = new Option<double>("--cpsat-seconds") { Description = "CP-SAT time limit per batch.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "End with one JSON line of headline figures." };
        var command = new Command("batch-sourcing", "Batch re-optimisation of order sourcing vs order-by-order input and CP-SAT.")
        {
            instances, orders, nodes, skus, seed, budget, cpSeconds, json,
        };
        command.SetAction(parse =>
        {
            var output = Console.Out;
            long before = 0, ours = 0, peer = 0, oursComparable = 0;
            int proved = 0, peerOptimal = 0, solved = 0, totalOrders = 0;
            double oursMs = 0, peerMs = 0;
            output.WriteLine("instance  orders  before     ours      cp-sat    saving%  proved  ours-ms  cpsat-ms");
            for (var i = 0; i < parse.GetValue(instances); i++)
            {
                var instance = BatchInstance.Create(parse.GetValue(seed) + i, parse.GetValue(orders), parse.GetValue(nodes), parse.GetValue(skus));
                var clock = Stopwatch.StartNew();
                var result = BatchReoptimizer.Reoptimize(instance.Orders, instance.Context, new BatchSettings(MaxBranchNodes: parse.GetValue(budget)));
                var ms = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                var (cp, optimal) = CpSatAssignment.Solve(instance, parse.GetValue(cpSeconds));
                var cpMs = clock.Elapsed.TotalMilliseconds;
                solved++;
                totalOrders += instance.Orders.Count;
                (before, ours, oursMs, peerMs) = (before + result.CostBeforeCents, ours + result.CostAfterCents, oursMs + ms, peerMs + cpMs);
                if (result.ProvedOptimal) proved++;
                if (optimal) (peerOptimal, peer, oursComparable) = (peerOptimal + 1, peer + cp, oursComparable + result.CostAfterCents);
                output.WriteLine(FormattableString.Invariant(
                    $"{i,8}  {instance.Orders.Count,6}  {result.CostBeforeCents,8}  {result.CostAfterCents,8}  {(cp == long.MaxValue ? "-" : cp.ToString(System.Globalization.CultureInfo.InvariantCulture)),8}  {100.0 * result.SavingCents / Math.Max(1, result.CostBeforeCents),7:F2}  {result.ProvedOptimal,6}  {ms,7:F0}  {cpMs,8:F0}"));
            }
            var headline = new
            {
                benchmark = "batch-sourcing",
                instances = solved,
                orders = totalOrders,
                savingPercent = Math.Round(100.0 * (before - ours) / Math.Max(1, before), 3),
                provedOptimal = proved,
                cpSatOptimal = peerOptimal,
                costRatioVsCpSat = peer > 0 ? Math.Round((double)oursComparable / peer, 5) : double.NaN,
                meanMs = Math.Round(oursMs / Math.Max(1, solved), 1),
                cpSatMeanMs = Math.Round(peerMs / Math.Max(1, solved), 1),
            };
            output.WriteLine(FormattableString.Invariant(
                $"saving vs order-by-order {headline.savingPercent}%; proved optimal {proved}/{solved}; cost ratio vs CP-SAT (on its {peerOptimal} optimal batches) {headline.costRatioVsCpSat}"));
            if (parse.GetValue(json)) BenchJson.WriteHeadline(output, headline);
            return 0;
        });
        return command;
    }
}
