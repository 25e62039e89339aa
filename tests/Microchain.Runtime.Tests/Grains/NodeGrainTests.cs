using System.Text.Json;
using Microchain.Domain.Inventory;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;
using Microchain.Runtime.Nodes;

namespace Microchain.Runtime.Tests.Grains;

[Collection(GrainTestGroup.Name)]
public sealed class NodeGrainTests(GrainClusterFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static DateTimeOffset InAnHour => DateTimeOffset.UtcNow.AddHours(1);

    private async Task<INodeGrain> StockedNode(string sku, int units, int? capacity = null)
    {
        var grain = fixture.Grains.GetGrain<INodeGrain>(GrainKey.Compose("t", "N-" + Guid.NewGuid().ToString("N")));
        var outcome = await grain.SetLevels([new StockLevelCommand(sku, capacity ?? units * 2, units)], "test", Ct);
        Assert.True(outcome.Succeeded, outcome.Message);
        return grain;
    }

    [Fact]
    public async Task Reserve_200_racers_on_50_units_exactly_50_win()
    {
        var grain = await StockedNode("SKU-1", 50);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, 200).Select(async i =>
        {
            await start.Task;
            return await grain.Reserve($"R-{i}", [new StockLine("SKU-1", 1)], InAnHour, Ct);
        }).ToArray();
        start.SetResult();
        var outcomes = await Task.WhenAll(racers);
        Assert.Equal(50, outcomes.Count(o => o.Succeeded));
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal("stock.insufficient", o.ErrorCode));
        var position = await grain.GetPosition("SKU-1", Ct);
        Assert.Equal(50, position!.Reserved);
        Assert.Equal(0, position.Available);
    }

    [Fact]
    public async Task Reserve_after_another_writer_appended_decides_on_the_journal_not_on_memory()
    {
        var grain = await StockedNode("SKU-1", 10);
        _ = await grain.GetPosition("SKU-1", Ct); // activation has folded version N
        var streamId = "node/" + grain.GetPrimaryKeyString();
        var current = (await fixture.Journal.ReadAsync(streamId, 1, Ct)).Count;
        // A second activation (or process) reserves 8 units behind this activation's back.
        var rogue = new StockReserved("ROGUE", [new StockLine("SKU-1", 8)], InAnHour, DateTimeOffset.UtcNow);
        await fixture.Journal.AppendAsync(streamId, current,
            [new EventData(nameof(StockReserved), JsonSerializer.Serialize<INodeStockEvent>(rogue, DomainJson.Options))], Ct);

        var outcome = await grain.Reserve("MINE", [new StockLine("SKU-1", 5)], InAnHour, Ct);

        Assert.False(outcome.Succeeded);
        Assert.Equal(new Shortage("SKU-1", 5, 2), Assert.Single(outcome.Shortages));
        Assert.Equal(8, (await grain.GetPosition("SKU-1", Ct))!.Reserved);
    }

    [Fact]
    public async Task Refused_command_changes_nothing()
    {
        var grain = await StockedNode("SKU-1", 10);
        var before = await grain.GetPosition("SKU-1", Ct);
        var outcome = await grain.Receive("SKU-1", 1_000, "too much", Ct);
        Assert.False(outcome.Succeeded);
        Assert.Equal("stock.over_capacity", outcome.ErrorCode);
        Assert.Equal(before, await grain.GetPosition("SKU-1", Ct));
    }

    [Fact]
    public async Task Journal_replay_and_snapshot_reproduce_the_grain_state()
    {
        var grain = await StockedNode("SKU-1", 10, capacity: 10_000);
        for (var i = 0; i < 520; i++)
            Assert.True((await grain.Receive("SKU-1", 1, $"r{i}", Ct)).Succeeded);
        Assert.True((await grain.Reserve("R", [new StockLine("SKU-1", 3)], InAnHour, Ct)).Succeeded);
        var streamId = "node/" + grain.GetPrimaryKeyString();

        // The grain saves snapshots in the background: wait (bounded) for the one taken after 500 events.
        var snapshot = await fixture.Journal.LoadSnapshotAsync(streamId, Ct);
        for (var wait = 0; snapshot is null && wait < 200; wait++)
        {
            await Task.Delay(50, Ct);
            snapshot = await fixture.Journal.LoadSnapshotAsync(streamId, Ct);
        }
        Assert.NotNull(snapshot);
        var fromSnapshot = NodeStock.FromSnapshot(JsonSerializer.Deserialize<NodeStockSnapshot>(snapshot.Data, DomainJson.Options)!);
        foreach (var stored in await fixture.Journal.ReadAsync(streamId, snapshot.Version + 1, Ct))
            fromSnapshot.Apply(JsonSerializer.Deserialize<INodeStockEvent>(stored.Data, DomainJson.Options)!);
        var (_, nodeId) = GrainKey.Split(grain.GetPrimaryKeyString());
        var fromEvents = NodeStock.Replay(nodeId, (await fixture.Journal.ReadAsync(streamId, 1, Ct))
            .Select(e => JsonSerializer.Deserialize<INodeStockEvent>(e.Data, DomainJson.Options)!));

        var live = await grain.GetPosition("SKU-1", Ct);
        foreach (var stock in new[] { fromSnapshot, fromEvents })
        {
            var p = stock.PositionOf("SKU-1");
            Assert.Equal((live!.OnHand, live.Reserved, live.Capacity), (p.OnHand, p.Reserved, p.Capacity));
        }
        Assert.Equal(530, live!.OnHand);
        Assert.Equal(3, live.Reserved);
    }
}
