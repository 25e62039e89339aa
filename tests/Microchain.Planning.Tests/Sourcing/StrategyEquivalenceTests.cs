using System.Globalization;
using System.Text;
using Microchain.Planning.Sourcing;
using static Microchain.Planning.Tests.Sourcing.SourcingFixture;

namespace Microchain.Planning.Tests.Sourcing;

/// <summary>
/// The allocation-free strategies decide exactly as the pre-optimisation references do: same allocations,
/// shortages, cost, candidate evaluations, listed plans in order, plan count, winners and reason.
/// </summary>
public sealed class StrategyEquivalenceTests
{
    /// <summary>Random inputs for the minimum-cost property (a third for the others): a few seconds together on this machine.</summary>
    private const int Iterations = 3_000;

    [Fact]
    public void MinCost_randomOrders_decidesAsTheReference() =>
        SourcingInputs.Any.Sample(input => Assert.Equal(
            Describe(new ReferenceMinimumCostToServe(), input.Request, input.Context),
            Describe(new MinimumCostToServeStrategy(), input.Request, input.Context)), iter: Iterations, threads: 1);

    [Fact]
    public void ClosestNode_randomOrders_decidesAsTheReference() =>
        SourcingInputs.Any.Sample(input => Assert.Equal(
            Describe(new ReferenceClosestNode(), input.Request, input.Context),
            Describe(new ClosestNodeStrategy(), input.Request, input.Context)), iter: Iterations / 3, threads: 1);

    [Fact]
    public void FewestSplits_randomOrders_decidesAsTheReference() =>
        SourcingInputs.Any.Sample(input => Assert.Equal(
            Describe(new ReferenceFewestSplits(), input.Request, input.Context),
            Describe(new FewestSplitsStrategy(), input.Request, input.Context)), iter: Iterations / 3, threads: 1);

    [Fact]
    public void MinCost_everyNodeHoldsAll_countsEverySkippedCombination()
    {
        var nodes = Enumerable.Range(0, 18).Select(i => Node($"n{i:D2}", i, "x:100,y:100", pickCents: 20 + i % 3)).ToArray();
        var decision = new MinimumCostToServeStrategy().Decide(Order("x:2,y:1"), Context(nodes));
        // 18 single nodes + C(16, 2) pairs + C(16, 3) triples of the 16 nearest, none of which uses every node.
        Assert.Equal(18 + 120 + 560, decision.Explanation.PlansEvaluated);
        Assert.Equal(18, decision.Explanation.Plans.Count);
        Assert.All(decision.Explanation.Plans, p => Assert.Single(p.NodeIds));
        Assert.Equal(Describe(new ReferenceMinimumCostToServe(), Order("x:2,y:1"), Context(nodes)), Describe(new MinimumCostToServeStrategy(), Order("x:2,y:1"), Context(nodes)));
    }

    [Fact]
    public void MinCost_equalPlans_keepNearerNodeFirst()
    {
        // Two nodes at the same distance and pick cost: equal plans, listed in id order (the reference's stable sort).
        var context = Context(Node("b", 2, "x:5"), Node("a", 2, "x:5"), Node("c", 4, "x:5"));
        var decision = new MinimumCostToServeStrategy().Decide(Order("x:1"), context);
        Assert.Equal(["a", "b", "c"], decision.Explanation.Plans.Select(p => p.NodeIds[0]));
        Assert.Equal(Describe(new ReferenceMinimumCostToServe(), Order("x:1"), context), Describe(new MinimumCostToServeStrategy(), Order("x:1"), context));
    }

    [Fact]
    public void AllStrategies_moreCandidatesThanKept_decideAsTheReferences()
    {
        // 80 candidates: every tenth cannot pick, the rest beyond the 64 nearest are listed as such; stock is thin.
        var nodes = Enumerable.Range(0, 80).Select(i => Node($"n{i}", i % 23, $"x:{i % 3},y:{i % 2},z:{i % 5 / 4}", pickCents: 18 + i % 4,
            capacity: i % 10 == 9 ? 0 : 100)).ToArray();
        foreach (var (reference, strategy) in Pairs)
            Assert.Equal(Describe(reference, Order("x:3,y:2,z:1"), Context(nodes)), Describe(strategy, Order("x:3,y:2,z:1"), Context(nodes)));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    public void AllStrategies_candidateListedTwice_throwAsTheReferences(int count)
    {
        var nodes = Enumerable.Range(0, count).Select(i => Node($"n{i % (count - 1)}", i, "x:1")).ToArray();
        foreach (var (reference, strategy) in Pairs)
            Assert.Equal(Describe(reference, Order("x:1"), Context(nodes)), Describe(strategy, Order("x:1"), Context(nodes)));
        Assert.Throws<ArgumentException>(() => new MinimumCostToServeStrategy().Decide(Order("x:1"), Context(nodes)));
    }

    private static readonly (ISourcingStrategy Reference, ISourcingStrategy Strategy)[] Pairs =
    [
        (new ReferenceMinimumCostToServe(), new MinimumCostToServeStrategy()),
        (new ReferenceClosestNode(), new ClosestNodeStrategy()),
        (new ReferenceFewestSplits(), new FewestSplitsStrategy()),
    ];

    /// <summary>Everything a decision says, doubles round-tripped; or the exception it threw.</summary>
    private static string Describe(ISourcingStrategy strategy, SourcingRequest request, SourcingContext context)
    {
        SourcingDecision d;
        try
        {
            d = strategy.Decide(request, context);
        }
        catch (ArgumentException e)
        {
            return $"throws {e.GetType().Name}: {e.Message}";
        }
        var text = new StringBuilder();
        var x = d.Explanation;
        text.AppendLine(CultureInfo.InvariantCulture, $"{d.OrderId} {d.Strategy} fulfilled={d.Fulfilled} cost={d.Cost}");
        foreach (var a in d.Allocations) text.AppendLine(CultureInfo.InvariantCulture, $"take {a}");
        foreach (var s in d.Shortages) text.AppendLine(CultureInfo.InvariantCulture, $"short {s}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{x.Strategy} evaluated={x.PlansEvaluated} winners={string.Join(",", x.WinnerNodeIds)} reason={x.Reason}");
        foreach (var c in x.Candidates)
            text.AppendLine(CultureInfo.InvariantCulture, $"candidate {c.NodeId} {c.DistanceMeters:R} {c.FillableUnits} {c.CanFillAll} {c.SingleNodeCost} {c.Note}");
        foreach (var p in x.Plans)
            text.AppendLine(CultureInfo.InvariantCulture, $"plan {string.Join("+", p.NodeIds)} {p.Feasible} {p.Cost} {p.TotalDistanceMeters:R}");
        return text.ToString();
    }
}
