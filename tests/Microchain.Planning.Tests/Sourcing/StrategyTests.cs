using Microchain.Domain.Orders;
using Microchain.Planning.Sourcing;
using static Microchain.Planning.Tests.Sourcing.SourcingFixture;

namespace Microchain.Planning.Tests.Sourcing;

public sealed class StrategyTests
{
    private static readonly ClosestNodeStrategy Closest = new();
    private static readonly FewestSplitsStrategy Fewest = new();
    private static readonly MinimumCostToServeStrategy MinCost = new();
    private static readonly ISourcingStrategy[] All = [Closest, Fewest, MinCost];

    [Fact]
    public void ClosestNode_nearestLacksStock_takesNearestThatHoldsAll()
    {
        var context = Context(Node("a", 1, "x:5"), Node("b", 3, "x:5,y:5"), Node("c", 6, "x:9,y:9"));
        var decision = Closest.Decide(Order("x:2,y:1"), context);
        Assert.True(decision.Fulfilled);
        Assert.Equal([new Allocation("b", "x", 2), new Allocation("b", "y", 1)], decision.Allocations);
        Assert.Equal(["a", "b", "c"], decision.Explanation.Candidates.Select(c => c.NodeId));
        Assert.Equal([false, true, true], decision.Explanation.Candidates.Select(c => c.CanFillAll));
        Assert.Equal(["b"], decision.Explanation.WinnerNodeIds);
    }

    [Fact]
    public void ClosestNode_noSingleNodeHoldsAll_splitsOverNearest()
    {
        var context = Context(Node("a", 1, "x:1"), Node("b", 2, "x:5"), Node("c", 3, "y:5"));
        var decision = Closest.Decide(Order("x:3,y:2"), context);
        Assert.True(decision.Fulfilled);
        Assert.Equal([new Allocation("a", "x", 1), new Allocation("b", "x", 2), new Allocation("c", "y", 2)], decision.Allocations);
        Assert.Equal(2 * 300, decision.Cost.SplitPenaltyCents);
    }

    [Fact]
    public void AllStrategies_notEnoughStockAnywhere_reportShortages()
    {
        var context = Context(Node("a", 1, "x:1"), Node("b", 2, "x:1"));
        foreach (var strategy in All)
        {
            var decision = strategy.Decide(Order("x:3,y:1"), context);
            Assert.False(decision.Fulfilled);
            Assert.Equal([new Shortage("x", 1), new Shortage("y", 1)], decision.Shortages);
            Assert.Equal(2, decision.Allocations.Sum(a => a.Quantity));
        }
    }

    [Fact]
    public void FewestSplits_oneFarNodeHoldsAll_beatsTwoNearNodes()
    {
        var context = Context(Node("a", 1, "x:5"), Node("b", 2, "y:5"), Node("c", 8, "x:5,y:5"));
        var decision = Fewest.Decide(Order("x:1,y:1"), context);
        Assert.Equal(["c"], decision.Allocations.Select(a => a.NodeId).Distinct());
    }

    [Fact]
    public void FewestSplits_equallyFewNodes_prefersShorterTotalDistance()
    {
        var context = Context(Node("a", 1, "x:5"), Node("b", 2, "y:5"), Node("c", 5, "y:5"), Node("d", 6, "x:5"));
        var decision = Fewest.Decide(Order("x:1,y:1"), context);
        Assert.Equal(["a", "b"], decision.Explanation.WinnerNodeIds);
        Assert.Equal(4, decision.Explanation.Plans.Count); // a+b, a+c, d+b, d+c
    }

    [Fact]
    public void FewestSplits_manyCandidates_fallsBackToGreedyCover()
    {
        var nodes = Enumerable.Range(0, FewestSplitsStrategy.ExactCandidateLimit + 1)
            .Select(i => Node($"n{i:D2}", i + 1, i == 7 ? "x:9,y:9" : "x:1")).ToArray();
        var decision = Fewest.Decide(Order("x:2,y:2"), Context(nodes));
        Assert.Equal(["n07"], decision.Explanation.WinnerNodeIds);
        Assert.Contains("greedy", decision.Explanation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MinCost_cheapPickFurtherAway_beatsExpensiveNearNode()
    {
        var context = Context(Node("near", 1, "x:50", pickCents: 100), Node("far", 3, "x:50", pickCents: 10));
        var decision = MinCost.Decide(Order("x:10"), context);
        Assert.Equal(["far"], decision.Explanation.WinnerNodeIds);
        Assert.Equal(100, decision.Cost.PickCents);
        Assert.Contains("runner-up near", decision.Explanation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MinCost_busyNode_losesToIdleNode()
    {
        var idle = Context(Node("a", 1, "x:50"), Node("b", 2, "x:50"));
        Assert.Equal(["a"], MinCost.Decide(Order("x:10"), idle).Explanation.WinnerNodeIds);
        var busy = Context(Node("a", 1, "x:50", capacity: 20, queued: 40), Node("b", 2, "x:50"));
        var decision = MinCost.Decide(Order("x:10"), busy);
        Assert.Equal(["b"], decision.Explanation.WinnerNodeIds);
        var a = decision.Explanation.Candidates.Single(c => c.NodeId == "a");
        Assert.True(a.SingleNodeCost!.Value.LoadPenaltyCents > decision.Cost.LoadPenaltyCents);
    }

    [Fact]
    public void MinCost_takingStockBelowCoverTarget_isPenalised()
    {
        // a has 12 units at 1 day of cover: the 2-day target protects all of them.
        var cover = new Dictionary<string, double> { ["x"] = 1 };
        var context = Context(Node("a", 1, "x:12", daysOfCover: cover), Node("b", 2, "x:50"));
        var decision = MinCost.Decide(Order("x:10"), context);
        Assert.Equal(["b"], decision.Explanation.WinnerNodeIds);
        Assert.Equal(100, decision.Explanation.Candidates.Single(c => c.NodeId == "a").SingleNodeCost!.Value.StockBalancePenaltyCents);
    }

    [Fact]
    public void MinCost_segmentOverride_changesTheWinner()
    {
        var context = Context(Node("near", 1, "x:50", pickCents: 30), Node("far", 10, "x:50", pickCents: 20)) with
        {
            Settings = new CostToServeSettings(new CostToServeWeights(LastMileCentsPerKm: 1),
                new Dictionary<string, CostToServeWeights> { ["express"] = new(LastMileCentsPerKm: 200) }),
        };
        Assert.Equal(["far"], MinCost.Decide(Order("x:10"), context).Explanation.WinnerNodeIds);
        Assert.Equal(["near"], MinCost.Decide(Order("x:10", "express"), context).Explanation.WinnerNodeIds);
    }

    [Fact]
    public void MinCost_splitCheaperThanFarSingleNode_splits()
    {
        var context = Context(Node("a", 1, "x:5"), Node("b", 1.5, "y:5"), Node("c", 40, "x:5,y:5"));
        var decision = MinCost.Decide(Order("x:1,y:1"), context);
        Assert.Equal(["a", "b"], decision.Explanation.WinnerNodeIds);
        Assert.Equal(300, decision.Cost.SplitPenaltyCents);
    }

    [Fact]
    public void MinCost_explanation_pricesEveryTermAndListsAllCandidates()
    {
        var context = Context(Node("a", 1, "x:5"), Node("b", 2, "x:5"), Node("c", 3, "x:5"), Node("idle", 4, "x:5", capacity: 0));
        var request = Order("x:3");
        var decision = MinCost.Decide(request, context);
        Assert.Equal(["a", "b", "c", "idle"], decision.Explanation.Candidates.Select(c => c.NodeId));
        Assert.Equal("no pick capacity", decision.Explanation.Candidates[3].Note);
        var winner = decision.Explanation.Plans[0];
        Assert.Equal(decision.Cost, winner.Cost);
        Assert.Equal(CostToServe.Price(decision.Allocations, request, context), decision.Cost);
        Assert.True(decision.Explanation.Plans.Zip(decision.Explanation.Plans.Skip(1)).All(p => p.First.Cost.TotalCents <= p.Second.Cost.TotalCents));
        // 3 singles + 3 pairs + 1 triple evaluated; a split where one node would give nothing is not priced.
        Assert.Equal(7, decision.Explanation.PlansEvaluated);
        Assert.Equal(3, decision.Explanation.Plans.Count);
    }

    [Fact]
    public void AllStrategies_candidateOrder_doesNotChangeTheDecision()
    {
        NodeCandidate[] nodes = [Node("b", 2, "x:5,y:5"), Node("a", 2, "x:5,y:5"), Node("c", 2, "x:5,y:5")];
        foreach (var strategy in All)
        {
            var one = strategy.Decide(Order("x:1,y:1"), Context(nodes));
            var other = strategy.Decide(Order("x:1,y:1"), Context([.. nodes.Reverse()]));
            Assert.Equal(one.Allocations, other.Allocations);
            Assert.Equal(["a"], one.Explanation.WinnerNodeIds); // equal distance: smallest id
        }
    }
}
