using Microchain.Domain.Geo;
using Microchain.Domain.Orders;
using Microchain.Planning.Sourcing;
using Microchain.Runtime.Nodes;
using Microchain.Server.Orders;

namespace Microchain.Server.Tests;

/// <summary>The glue of the batch endpoint, without a server.</summary>
public sealed class BatchReoptimizingTests
{
    [Theory]
    [InlineData(1, 5_000)]
    [InlineData(10, 500)]
    [InlineData(1_000, 5)]
    [InlineData(10_000, 1)]
    public void Settings_split_the_budget_over_the_orders(int orders, int branchNodes) =>
        Assert.Equal(branchNodes, BatchReoptimizing.Settings(orders).MaxBranchNodes);

    [Fact]
    public void WithHeldUnits_adds_the_batch_back_to_atp_and_takes_it_out_of_the_queue()
    {
        var request = new SourcingRequest("o1", [new SourcingLine("milk", 3)], new GeoPoint(45.75, 4.85), "g", default);
        var orders = new[] { new BatchOrder(request, [new Allocation("a", "milk", 2), new Allocation("b", "milk", 1)]) };
        var live = new[]
        {
            new NodeAvailability("a", new Dictionary<string, int> { ["milk"] = 5 }, 10),
            new NodeAvailability("b", new Dictionary<string, int>(), 0),
            new NodeAvailability("c", new Dictionary<string, int> { ["milk"] = 1 }, 4),
        };
        var held = BatchReoptimizing.WithHeldUnits(live, orders);
        Assert.Equal([7, 1, 1], held.Select(n => n.Atp["milk"]));
        Assert.Equal([8, 0, 4], held.Select(n => n.ReservedUnits));
        Assert.Equal(5, live[0].Atp["milk"]);
    }
}
