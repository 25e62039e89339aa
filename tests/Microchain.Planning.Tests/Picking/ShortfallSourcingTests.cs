using Microchain.Domain.Geo;
using Microchain.Domain.Orders;
using Microchain.Planning.Picking;
using Microchain.Planning.Sourcing;

namespace Microchain.Planning.Tests.Picking;

public sealed class ShortfallSourcingTests
{
    private static readonly GeoPoint Customer = new(45.76, 4.83);

    private static NodeCandidate Node(string id, double lat, int capacity = 100, params (string Sku, int Atp)[] atp) =>
        new(id, new GeoPoint(lat, 4.83), atp.ToDictionary(a => a.Sku, a => a.Atp), 10, capacity);

    [Fact]
    public void Plan_prefersTheNodeCoveringMoreSkusThenTheNearest()
    {
        var shortfall = new[] { new OrderLine("milk", 2), new OrderLine("tea", 1) };
        var candidates = new[]
        {
            Node("near", 45.77, 100, ("milk", 5)),
            Node("both", 45.90, 100, ("milk", 2), ("tea", 1)),
            Node("nearer-both", 45.80, 100, ("milk", 9), ("tea", 9)),
        };
        var plan = ShortfallSourcing.Plan(shortfall, candidates, Customer, new HashSet<string>());
        Assert.Equal([new Allocation("nearer-both", "milk", 2), new Allocation("nearer-both", "tea", 1)], plan);
    }

    [Fact]
    public void Plan_skipsExcludedNodesThoseThatCannotPickAndSkusNobodyCovers()
    {
        var shortfall = new[] { new OrderLine("milk", 3), new OrderLine("tea", 1) };
        var candidates = new[]
        {
            Node("picked-here", 45.76, 100, ("milk", 9), ("tea", 9)),
            Node("closed", 45.77, 0, ("milk", 9)),
            Node("partial", 45.78, 100, ("milk", 2)),
            Node("far", 46.50, 100, ("milk", 3)),
        };
        var plan = ShortfallSourcing.Plan(shortfall, candidates, Customer, new HashSet<string> { "picked-here" });
        Assert.Equal([new Allocation("far", "milk", 3)], plan);
    }
}
