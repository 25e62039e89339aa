using Microchain.Domain.Customers;
using Microchain.Domain.Geo;
using Microchain.Domain.Orders;
using Microchain.Planning.Sourcing;

namespace Microchain.Bench.Sourcing;

/// <summary>
/// A seeded synthetic batch: nodes and customers in a ~12 km square, scarce stock, and the input assignment that
/// order-by-order sourcing (cheapest single node with stock left, in arrival order) would have made.
/// </summary>
internal sealed record BatchInstance(IReadOnlyList<BatchOrder> Orders, SourcingContext Context)
{
    public static BatchInstance Create(int seed, int orderCount, int nodeCount, int skuCount)
    {
        var random = new Random(seed);
        GeoPoint Somewhere() => new(52.45 + random.NextDouble() * 0.11, 13.30 + random.NextDouble() * 0.18);
        var skus = Enumerable.Range(0, skuCount).Select(s => $"sku{s:D2}").ToArray();
        var requests = Enumerable.Range(0, orderCount).Select(o =>
        {
            var lines = skus.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).Order(StringComparer.Ordinal)
                .Select(s => new SourcingLine(s, random.Next(1, 4))).ToArray();
            return new SourcingRequest($"o{o:D4}", lines, Somewhere(), "standard", ServicePromise.SameDay);
        }).ToArray();
        // Stock is scarce: each node holds about a third of the batch's demand per SKU, so good nodes are contested.
        var demand = skus.ToDictionary(s => s, s => requests.SelectMany(r => r.Lines).Where(l => l.SkuId == s).Sum(l => l.Quantity));
        var nodes = Enumerable.Range(0, nodeCount).Select(n => new NodeCandidate(
            $"n{n:D2}", Somewhere(), skus.ToDictionary(s => s, s => random.Next(0, demand[s] * 2 / 3 + 2)),
            random.Next(10, 40), random.Next(100, 400), random.Next(0, 200))).ToArray();
        var context = new SourcingContext(nodes, new HaversineTravelModel());
        var left = nodes.ToDictionary(n => n.NodeId, n => skus.ToDictionary(s => s, n.AtpOf));
        var orders = new List<BatchOrder>();
        foreach (var request in requests)
        {
            var best = nodes.Where(n => request.Lines.All(l => left[n.NodeId][l.SkuId] >= l.Quantity))
                .Select(n => (Node: n, Allocations: request.Lines.Select(l => new Allocation(n.NodeId, l.SkuId, l.Quantity)).ToArray()))
                .Select(c => (c.Node, c.Allocations, Cost: CostToServe.Price(c.Allocations, request, context).TotalCents))
                .OrderBy(c => c.Cost).ThenBy(c => c.Node.NodeId, StringComparer.Ordinal).FirstOrDefault();
            if (best.Node is null) continue; // unfillable whole: not part of a batch of allocated orders
            foreach (var l in request.Lines) left[best.Node.NodeId][l.SkuId] -= l.Quantity;
            orders.Add(new BatchOrder(request, best.Allocations));
        }
        return new BatchInstance(orders, context);
    }
}
