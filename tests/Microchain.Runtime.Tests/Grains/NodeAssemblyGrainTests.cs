using System.Text.Json;
using Microchain.Domain.Catalog;
using Microchain.Domain.Inventory;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;
using Microchain.Runtime.Nodes;

namespace Microchain.Runtime.Tests.Grains;

[Collection(GrainTestGroup.Name)]
public sealed class NodeAssemblyGrainTests(GrainClusterFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static DateTimeOffset InAnHour => DateTimeOffset.UtcNow.AddHours(1);

    /// <summary>kit = 2 × c1 + 1 × c2, 60 s to assemble.</summary>
    private static readonly AssemblySetup Setup = new(100, 60, [new AssemblyRecipe("kit", [new BomLine("c1", 2), new BomLine("c2", 1)], 60)]);

    private async Task<(string Key, INodeGrain Stock, INodeAssemblyGrain Assembly)> Node(int c1, int c2)
    {
        var key = GrainKey.Compose("t", "A-" + Guid.NewGuid().ToString("N"));
        var stock = fixture.Grains.GetGrain<INodeGrain>(key);
        Assert.True((await stock.SetLevels([new StockLevelCommand("c1", 1_000, c1), new StockLevelCommand("c2", 1_000, c2)], "test", Ct)).Succeeded);
        var assembly = fixture.Grains.GetGrain<INodeAssemblyGrain>(key);
        Assert.True((await assembly.ConfigureAssembly(Setup, Ct)).Succeeded);
        return (key, stock, assembly);
    }

    private async Task<NodeStock> Replayed(string key)
    {
        var events = await fixture.Journal.ReadAsync("node/" + key, 1, Ct);
        return NodeStock.Replay("x", events.Select(e => JsonSerializer.Deserialize<INodeStockEvent>(e.Data, DomainJson.Options)!));
    }

    [Fact]
    public async Task GetAtp_modularSku_isTheComponentLimitedFigureAndAvailabilityAgrees()
    {
        var (_, stock, assembly) = await Node(c1: 9, c2: 7);
        var atp = await assembly.GetAtp(["kit", "c1"], null, Ct);
        Assert.Equal(new SkuAtp("kit", true, 4, 0, 4, 4, 98, "component:c1"), atp.Items[0]);
        Assert.Equal(new SkuAtp("c1", false, 9, 9, 0, 0, 0, null), atp.Items[1]);
        Assert.Equal(4, (await stock.GetAvailability(["kit"], Ct)).Atp["kit"]);
    }

    [Fact]
    public async Task Reserve_kitsAndComponentRacers_neverOversellTheComponent()
    {
        var (key, stock, _) = await Node(c1: 21, c2: 100);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, 60).Select(async i =>
        {
            await start.Task;
            var line = i % 2 == 0 ? new StockLine("kit", 1) : new StockLine("c1", 1);
            return (line.SkuId, Outcome: await stock.Reserve($"R-{i}", [line], InAnHour, Ct));
        }).ToArray();
        start.SetResult();
        var outcomes = await Task.WhenAll(racers);
        var kits = outcomes.Count(o => o.SkuId == "kit" && o.Outcome.Succeeded);
        var plain = outcomes.Count(o => o.SkuId == "c1" && o.Outcome.Succeeded);
        var c1 = (await stock.GetPosition("c1", Ct))!;
        Assert.Equal(2 * kits + plain, c1.Reserved);
        Assert.InRange(c1.Reserved, 20, 21); // all but at most one unit, which no kit can use
        Assert.Equal(kits, (await stock.GetPosition("c2", Ct))!.Reserved);
        var replayed = await Replayed(key);
        Assert.Equal(c1.Reserved, replayed.PositionOf("c1").Reserved);
        Assert.Equal(kits, replayed.CommittedAssemblyUnits);
    }

    [Fact]
    public async Task Pick_kit_consumesComponentsAndTheAssemblyIsInTheNodesStream()
    {
        var (key, stock, assembly) = await Node(c1: 10, c2: 10);
        Assert.True((await stock.Reserve("R-1", [new StockLine("kit", 3)], InAnHour, Ct)).Succeeded);
        Assert.Equal(3, (await assembly.GetAtp(["kit"], null, Ct)).CommittedAssemblyUnits);
        Assert.True((await stock.Pick("R-1", [new StockLine("kit", 2)], Ct)).Succeeded);

        var atp = await assembly.GetAtp(["kit"], null, Ct);
        Assert.Equal((0L, 2L), (atp.CommittedAssemblyUnits, atp.AssembledUnits["kit"]));
        Assert.Equal((6, 0), ((await stock.GetPosition("c1", Ct))!.OnHand, (await stock.GetPosition("c1", Ct))!.Reserved));
        var replayed = await Replayed(key);
        Assert.Equal(2, replayed.AssembledUnits["kit"]);
        Assert.Equal(atp.Items[0], replayed.AtpOf("kit"));
    }

    [Fact]
    public async Task ConfigureAssembly_badSetup_isRefusedAndChangesNothing()
    {
        var (_, _, assembly) = await Node(c1: 1, c2: 1);
        var outcome = await assembly.ConfigureAssembly(Setup with { HorizonMinutes = 0 }, Ct);
        Assert.Equal("assembly.horizon", outcome.ErrorCode);
        Assert.Equal(60, (await assembly.GetAtp(["kit"], null, Ct)).HorizonMinutes);
    }
}
