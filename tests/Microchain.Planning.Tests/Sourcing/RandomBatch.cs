using Microchain.Domain.Orders;
using Microchain.Planning.Sourcing;
using static Microchain.Planning.Tests.Sourcing.SourcingFixture;

namespace Microchain.Planning.Tests.Sourcing;

/// <summary>Small random batches (≤ 5 orders, ≤ 3 nodes, ≤ 3 SKUs) with a feasible whole-order input, and their brute-force optimum.</summary>
internal static class RandomBatch
{
    private static readonly string[] SkuIds = ["x", "y", "z"];

    public static (IReadOnlyList<BatchOrder> Orders, SourcingContext Context) Create(int seed)
    {
        var random = new Random(seed);
        var skus = SkuIds.Take(random.Next(1, 4)).ToArray();
        var nodeCount = random.Next(1, 4);
        var orderCount = random.Next(1, 6);
        var requests = Enumerable.Range(0, orderCount).Select(o =>
        {
            var lines = skus.Where(_ => random.Next(2) == 0).Select(s => new SourcingLine(s, random.Next(1, 4))).ToList();
            if (lines.Count == 0) lines.Add(new SourcingLine(skus[0], random.Next(1, 4)));
            return Order("", id: $"o{o}") with { Lines = lines, DeliverTo = North(random.Next(-20, 21) / 2.0) };
        }).ToArray();
        // Choose a whole-order input assignment first, then give each node at least what it holds plus some slack.
        var current = requests.Select(_ => random.Next(nodeCount)).ToArray();
        var nodes = Enumerable.Range(0, nodeCount).Select(n =>
        {
            var atp = skus.ToDictionary(s => s, s => requests.Where((_, o) => current[o] == n).SelectMany(r => r.Lines).Where(l => l.SkuId == s).Sum(l => l.Quantity) + random.Next(0, 4));
            return new NodeCandidate($"n{n}", North(random.Next(-20, 21) / 2.0), atp, random.Next(5, 40), random.Next(5, 60), random.Next(0, 30));
        }).ToArray();
        var orders = requests.Select((r, o) => new BatchOrder(r, r.Lines.Select(l => new Allocation($"n{current[o]}", l.SkuId, l.Quantity)).ToArray())).ToArray();
        return (orders, Context(nodes));
    }

    /// <summary>Cheapest whole-order assignment by enumeration of every node per order.</summary>
    public static long BruteForce(IReadOnlyList<BatchOrder> orders, SourcingContext context)
    {
        var nodes = context.Candidates;
        var best = long.MaxValue;
        var choice = new int[orders.Count];
        var total = (long)Math.Pow(nodes.Count, orders.Count);
        for (long code = 0; code < total; code++)
        {
            var rest = code;
            for (var o = 0; o < orders.Count; o++) (choice[o], rest) = ((int)(rest % nodes.Count), rest / nodes.Count);
            var used = new Dictionary<(int, string), int>();
            var feasible = true;
            long cost = 0;
            for (var o = 0; o < orders.Count && feasible; o++)
            {
                foreach (var line in orders[o].Request.Lines)
                {
                    var u = used[(choice[o], line.SkuId)] = used.GetValueOrDefault((choice[o], line.SkuId)) + line.Quantity;
                    if (u > nodes[choice[o]].AtpOf(line.SkuId)) feasible = false;
                }
                var whole = orders[o].Request.Lines.Select(l => new Allocation(nodes[choice[o]].NodeId, l.SkuId, l.Quantity)).ToArray();
                cost += CostToServe.Price(whole, orders[o].Request, context).TotalCents;
            }
            if (feasible) best = Math.Min(best, cost);
        }
        return best;
    }
}
