using System.Text.Json;
using Microchain.Domain.Inventory;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;
using Microchain.Runtime.Nodes;

namespace Microchain.Runtime.Tests.Grains;

/// <summary>Reservations answered when queued: the ticket, what may follow it, and what happens when the append fails.</summary>
[Collection(GrainTestGroup.Name)]
public sealed class NodeGrainQueuedReserveTests(GrainClusterFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static DateTimeOffset InAnHour => DateTimeOffset.UtcNow.AddHours(1);
    private static EventData[] Placed => [new EventData("test.placed", """{"tag":"placed"}""")];

    private async Task<INodeGrain> StockedNode(int units)
    {
        var grain = fixture.Grains.GetGrain<INodeGrain>(GrainKey.Compose("t", "Q-" + Guid.NewGuid().ToString("N")));
        Assert.True((await grain.SetLevels([new StockLevelCommand("SKU-1", units * 2, units)], "test", Ct)).Succeeded);
        return grain;
    }

    private async Task<List<string>> ReservationsInJournal(INodeGrain grain) =>
        [.. (await fixture.Journal.ReadAsync("node/" + grain.GetPrimaryKeyString(), 1, Ct))
            .Where(e => e.Type == nameof(StockReserved))
            .Select(e => ((StockReserved)JsonSerializer.Deserialize<INodeStockEvent>(e.Data, DomainJson.Options)!).ReservationId)];

    [Fact]
    public async Task ReserveQueued_on_the_grains_own_writer_answers_with_a_ticket_that_a_follower_lands_behind()
    {
        var grain = await StockedNode(10);

        var outcome = await grain.ReserveQueued("MINE", [new StockLine("SKU-1", 3)], InAnHour, fixture.Journal.WriterId, Ct);

        Assert.True(outcome.Succeeded);
        var ticket = Assert.NotNull(outcome.Ticket);
        Assert.Equal(fixture.Journal.WriterId, ticket.Writer);
        var order = "order/t/" + Guid.NewGuid().ToString("N");
        Assert.Equal(1, await fixture.Journal.AppendAsync(order, 0, Placed, [], [ticket], Ct));
        Assert.Contains("MINE", await ReservationsInJournal(grain));
    }

    [Fact]
    public async Task ReserveQueued_for_another_writer_answers_once_durable_without_a_ticket()
    {
        var grain = await StockedNode(10);

        var outcome = await grain.ReserveQueued("MINE", [new StockLine("SKU-1", 3)], InAnHour, Guid.NewGuid(), Ct);

        Assert.True(outcome.Succeeded);
        Assert.Null(outcome.Ticket);
        Assert.Contains("MINE", await ReservationsInJournal(grain));
    }

    [Fact]
    public async Task ReserveQueued_whose_append_fails_lets_no_follower_through_and_the_node_forgets_it()
    {
        var grain = await StockedNode(10);
        _ = await grain.GetPosition("SKU-1", Ct);
        var streamId = "node/" + grain.GetPrimaryKeyString();
        var current = (await fixture.Journal.ReadAsync(streamId, 1, Ct)).Count;
        // Another activation reserves 8 units behind this one's back: its next append conflicts.
        var rogue = new StockReserved("ROGUE", [new StockLine("SKU-1", 8)], InAnHour, DateTimeOffset.UtcNow);
        await fixture.Journal.AppendAsync(streamId, current,
            [new EventData(nameof(StockReserved), JsonSerializer.Serialize<INodeStockEvent>(rogue, DomainJson.Options))], Ct);

        // Decided on the stale state (10 available), answered when queued, then refused by the journal.
        var outcome = await grain.ReserveQueued("MINE", [new StockLine("SKU-1", 2)], InAnHour, fixture.Journal.WriterId, Ct);
        Assert.True(outcome.Succeeded);
        var order = "order/t/" + Guid.NewGuid().ToString("N");
        await Assert.ThrowsAsync<JournalDependencyException>(() => fixture.Journal.AppendAsync(order, 0, Placed, [], [outcome.Ticket!.Value], Ct));

        // The node reloads: a reservation waiting for durability is decided again on the journal's state.
        var after = await grain.Reserve("AFTER", [new StockLine("SKU-1", 2)], InAnHour, Ct);
        Assert.True(after.Succeeded);
        Assert.Empty(await fixture.Journal.ReadAsync(order, 1, Ct));
        Assert.Equal(["ROGUE", "AFTER"], await ReservationsInJournal(grain));
        Assert.Equal(10, (await grain.GetPosition("SKU-1", Ct))!.Reserved);
    }
}
