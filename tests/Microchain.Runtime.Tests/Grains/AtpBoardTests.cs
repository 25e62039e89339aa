using Microchain.Domain.Inventory;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Nodes;

namespace Microchain.Runtime.Tests.Grains;

[Collection(GrainTestGroup.Name)]
public sealed class AtpBoardTests(GrainClusterFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Board_shows_each_decision_of_the_node_grain_at_once_and_unknown_skus_as_none()
    {
        var node = "N-" + Guid.NewGuid().ToString("N")[..8];
        var key = GrainKey.Compose("t", node);
        var grain = fixture.Grains.GetGrain<INodeGrain>(key);
        Assert.True((await grain.SetLevels([new StockLevelCommand("SKU-1", 100, 10), new StockLevelCommand("SKU-2", 100, 4)], "test", Ct)).Succeeded);
        string[] skus = ["SKU-2", "SKU-1", "SKU-" + Guid.NewGuid().ToString("N")];
        Assert.Equal([4, 10, 0], Read());

        Assert.True((await grain.Reserve("r-1", [new StockLine("SKU-1", 3), new StockLine("SKU-2", 4)], DateTimeOffset.UtcNow.AddHours(1), Ct)).Succeeded);
        Assert.Equal([0, 7, 0], Read());
        Assert.Equal(7, fixture.Board.TryRead(key, node, skus, fixture.Board.SlotsOf(skus))!.ReservedUnits);

        Assert.True((await grain.Release("r-1", "test", Ct)).Succeeded);
        Assert.Equal([4, 10, 0], Read());

        int[] Read()
        {
            var read = fixture.Board.TryRead(key, node, skus, fixture.Board.SlotsOf(skus));
            Assert.NotNull(read);
            return [.. skus.Select(s => read.Atp[s])];
        }
    }

    [Fact]
    public void Board_does_not_answer_for_a_node_no_grain_published()
    {
        string[] skus = ["SKU-1"];
        Assert.Null(fixture.Board.TryRead(GrainKey.Compose("t", "never-activated"), "never-activated", skus, fixture.Board.SlotsOf(skus)));
    }
}
