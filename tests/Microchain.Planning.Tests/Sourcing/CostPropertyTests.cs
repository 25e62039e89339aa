using Microchain.Domain.Orders;
using Microchain.Planning.Sourcing;
using static Microchain.Planning.Tests.Sourcing.SourcingFixture;

namespace Microchain.Planning.Tests.Sourcing;

public sealed class CostPropertyTests
{
    [Fact]
    public void LoadPenalty_moreQueuedUnits_neverCostsLess()
    {
        var weights = new CostToServeWeights();
        Gen.Select(Gen.Int[1, 500], Gen.Int[0, 2000], Gen.Int[0, 100], Gen.Int[1, 50]).Sample((capacity, queued, more, units) =>
        {
            var node = Node("a", 1, "x:1", capacity: capacity, queued: queued);
            var busier = node with { QueuedUnits = queued + more };
            Assert.True(CostToServe.LoadPenalty(busier, units, weights) >= CostToServe.LoadPenalty(node, units, weights));
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void BalancePenalty_isAtMostWeightTimesUnitsTaken()
    {
        var weights = new CostToServeWeights();
        Gen.Select(Gen.Int[1, 200], Gen.Double[0.1, 10], Gen.Int[1, 200]).Sample((atp, days, take) =>
        {
            var node = Node("a", 1, $"x:{atp}", daysOfCover: new Dictionary<string, double> { ["x"] = days });
            var penalty = CostToServe.BalancePenalty(node, "x", take, weights);
            Assert.InRange(penalty, 0, take * weights.StockBalancePenaltyCentsPerUnit);
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void MinCost_randomCandidates_neverCostsMoreThanAnySingleNodeThatHoldsAll()
    {
        var strategy = new MinimumCostToServeStrategy();
        Gen.Int[1, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var nodes = Enumerable.Range(0, random.Next(1, 7)).Select(i => Node($"n{i}", random.Next(-20, 21) / 2.0,
                $"x:{random.Next(0, 6)},y:{random.Next(0, 6)}", random.Next(5, 50), random.Next(5, 100), random.Next(0, 50),
                new Dictionary<string, double> { ["x"] = random.Next(1, 5) })).ToArray();
            var request = Order($"x:{random.Next(1, 4)},y:{random.Next(1, 4)}");
            var context = Context(nodes);
            var decision = strategy.Decide(request, context);
            Assert.Equal(CostToServe.Price(decision.Allocations, request, context), decision.Cost);
            foreach (var node in nodes.Where(n => request.Lines.All(l => n.AtpOf(l.SkuId) >= l.Quantity)))
            {
                var alone = request.Lines.Select(l => new Allocation(node.NodeId, l.SkuId, l.Quantity)).ToArray();
                Assert.True(decision.Fulfilled);
                Assert.True(decision.Cost.TotalCents <= CostToServe.Price(alone, request, context).TotalCents);
            }
            foreach (var group in decision.Allocations.GroupBy(a => (a.NodeId, a.SkuId)))
                Assert.True(group.Sum(a => a.Quantity) <= nodes.Single(n => n.NodeId == group.Key.NodeId).AtpOf(group.Key.SkuId));
        }, iter: 200, threads: 1);
    }
}
