using System.Text;
using System.Text.Json;
using Microchain.Domain.Inventory;

namespace Microchain.Domain.Tests.Inventory;

public sealed class NodeStockPropertyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private abstract record Cmd;
    private sealed record SetCapacity(string Sku, int Capacity) : Cmd;
    private sealed record Receive(string Sku, int Quantity) : Cmd;
    private sealed record Adjust(string Sku, int Delta, string Reason) : Cmd;
    private sealed record Count(string Sku, int Counted) : Cmd;
    private sealed record Reserve(string Id, IReadOnlyList<StockLine> Lines, int ExpiresInMinutes) : Cmd
    {
        public override string ToString() => $"Reserve({Id}, [{string.Join(", ", Lines)}], +{ExpiresInMinutes}m)";
    }
    private sealed record Release(string Id) : Cmd;
    private sealed record Expire : Cmd;
    /// <summary>Picks reservation lines at their quantity plus an offset (negative: short pick; positive: over-pick).</summary>
    private sealed record Pick(string Id, IReadOnlyList<int> Offsets, bool ForeignSku) : Cmd
    {
        public override string ToString() => $"Pick({Id}, [{string.Join(", ", Offsets)}], foreign {ForeignSku})";
    }
    private sealed record Advance(int Minutes) : Cmd;

    private static readonly Gen<string> SkuId = Gen.Frequency((12, Gen.OneOf(Gen.Const("a"), Gen.Const("b"), Gen.Const("c"))), (1, Gen.Const("")));
    private static readonly Gen<string> ReservationId = Gen.Frequency((12, Gen.OneOf(Gen.Const("r1"), Gen.Const("r2"), Gen.Const("r3"), Gen.Const("r4"))), (1, Gen.Const(" ")));

    private static readonly Gen<Cmd> Command = Gen.Frequency(
        (3, Gen.Select(SkuId, Gen.Int[-1, 40], (s, c) => (Cmd)new SetCapacity(s, c))),
        (4, Gen.Select(SkuId, Gen.Int[-1, 25], (s, q) => (Cmd)new Receive(s, q))),
        (2, Gen.Select(SkuId, Gen.Int[-8, 8], Gen.Frequency((9, Gen.Const("damage")), (1, Gen.Const(""))), (s, d, r) => (Cmd)new Adjust(s, d, r))),
        (1, Gen.Select(SkuId, Gen.Int[-1, 40], (s, c) => (Cmd)new Count(s, c))),
        (6, Gen.Select(ReservationId, Gen.Select(SkuId, Gen.Int[0, 8], (s, q) => new StockLine(s, q)).Array[0, 4], Gen.Int[-5, 90],
            (id, lines, exp) => (Cmd)new Reserve(id, lines, exp))),
        (2, ReservationId.Select(id => (Cmd)new Release(id))),
        (1, Gen.Const((Cmd)new Expire())),
        (3, Gen.Select(ReservationId, Gen.Frequency((6, Gen.Int[-3, 0]), (1, Gen.Const(1))).Array[4], Gen.Frequency((9, Gen.Const(false)), (1, Gen.Const(true))),
            (id, offsets, foreign) => (Cmd)new Pick(id, offsets, foreign))),
        (2, Gen.Int[1, 30].Select(m => (Cmd)new Advance(m))));

    [Fact]
    public void NodeStock_randomCommands_keepInvariantsAndReplayExactly()
    {
        Command.Array[1, 50].Sample(commands =>
        {
            var stock = new NodeStock("mfc-1");
            var journal = new List<INodeStockEvent>();
            var now = T0;
            foreach (var cmd in commands)
            {
                if (cmd is Advance a) { now = now.AddMinutes(a.Minutes); continue; }
                var before = Snapshot(stock);
                var positionsBefore = stock.Positions.ToDictionary();
                var reservationsBefore = stock.Reservations.ToDictionary();
                IReadOnlyList<INodeStockEvent> events;
                try
                {
                    events = Execute(stock, cmd, now);
                }
                catch (DomainException)
                {
                    Assert.Equal(before, Snapshot(stock)); // a failed command changes nothing
                    continue;
                }
                if (events.Count == 0) Assert.Equal(before, Snapshot(stock));
                CheckOutcome(cmd, positionsBefore, reservationsBefore, stock, now, events);
                journal.AddRange(events);
                AssertInvariants(stock);
                Assert.Equal(Snapshot(stock), Snapshot(NodeStock.Replay(stock.NodeId, journal)));
            }

            var json = JsonSerializer.Serialize<IReadOnlyList<INodeStockEvent>>(journal);
            var restored = JsonSerializer.Deserialize<List<INodeStockEvent>>(json)!;
            Assert.Equal(journal.Count, restored.Count);
            Assert.Equal(Snapshot(stock), Snapshot(NodeStock.Replay(stock.NodeId, restored)));
        }, iter: 400);
    }

    private static IReadOnlyList<INodeStockEvent> Execute(NodeStock stock, Cmd cmd, DateTimeOffset now) => cmd switch
    {
        SetCapacity c => stock.SetCapacity(c.Sku, c.Capacity, now),
        Receive r => stock.Receive(r.Sku, r.Quantity, "po-1", now),
        Adjust a => stock.Adjust(a.Sku, a.Delta, a.Reason, now),
        Count c => stock.Count(c.Sku, c.Counted, now),
        Reserve r => Reserved(stock.TryReserve(r.Id, r.Lines, now.AddMinutes(r.ExpiresInMinutes), now)),
        Release r => stock.Release(r.Id, "cancelled", now),
        Expire => stock.ExpireDue(now),
        Pick p => stock.Pick(p.Id, PickedLines(stock, p), now),
        _ => throw new ArgumentOutOfRangeException(nameof(cmd)),
    };

    private static IReadOnlyList<INodeStockEvent> Reserved(ReservationResult result)
    {
        Assert.Equal(result.Succeeded, result.Shortages.Count == 0);
        return result.Events;
    }

    private static List<StockLine> PickedLines(NodeStock stock, Pick p)
    {
        var picked = new List<StockLine>();
        if (stock.Reservations.TryGetValue(p.Id, out var reservation))
        {
            for (var i = 0; i < reservation.Lines.Count; i++)
            {
                var quantity = reservation.Lines[i].Quantity + p.Offsets[i % p.Offsets.Count];
                if (quantity > 0) picked.Add(new StockLine(reservation.Lines[i].SkuId, quantity));
            }
        }
        if (p.ForeignSku) picked.Add(new StockLine("zz", 1));
        return picked;
    }

    /// <summary>What each successful command must have done, checked against the state before it.</summary>
    private static void CheckOutcome(Cmd cmd, Dictionary<string, InventoryPosition> positions, Dictionary<string, Reservation> reservations,
        NodeStock after, DateTimeOffset now, IReadOnlyList<INodeStockEvent> events)
    {
        InventoryPosition Before(string sku) => positions.TryGetValue(sku, out var p) ? p : InventoryPosition.Empty(0);
        switch (cmd)
        {
            case Receive r:
                Assert.Equal(Before(r.Sku).OnHand + r.Quantity, after.PositionOf(r.Sku).OnHand);
                break;
            case Count c:
                Assert.Equal(c.Counted, after.PositionOf(c.Sku).OnHand);
                break;
            case Reserve r when reservations.ContainsKey(r.Id):
                Assert.Empty(events); // idempotent retry of the same lines
                break;
            case Reserve r:
                var wanted = r.Lines.GroupBy(l => l.SkuId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
                var fits = wanted.All(w => w.Value <= Before(w.Key).Available);
                Assert.Equal(fits, events.Count == 1); // all lines or none
                foreach (var (sku, quantity) in wanted)
                    Assert.Equal(Before(sku).Reserved + (fits ? quantity : 0), after.PositionOf(sku).Reserved);
                break;
            case Pick p:
                var reservation = reservations[p.Id];
                Assert.False(after.Reservations.ContainsKey(p.Id));
                var picked = ((StockPicked)events.Single()).Picked;
                foreach (var line in reservation.Lines)
                {
                    var units = picked.Where(l => l.SkuId == line.SkuId).Sum(l => l.Quantity);
                    Assert.InRange(units, 0, line.Quantity);
                    Assert.Equal(Before(line.SkuId).OnHand - units, after.PositionOf(line.SkuId).OnHand);
                }
                break;
            case Expire:
                Assert.DoesNotContain(after.Reservations.Values, r => r.ExpiresAt <= now);
                Assert.Equal(reservations.Values.Count(r => r.ExpiresAt <= now), events.Count);
                break;
        }
    }

    private static void AssertInvariants(NodeStock stock)
    {
        foreach (var (sku, p) in stock.Positions)
        {
            Assert.InRange(p.Reserved, 0, p.OnHand);
            Assert.InRange(p.OnHand, 0, p.Capacity);
            // Never oversold: every reserved unit belongs to exactly one open reservation.
            var held = stock.Reservations.Values.SelectMany(r => r.Lines).Where(l => l.SkuId == sku).Sum(l => l.Quantity);
            Assert.Equal(held, p.Reserved);
        }
        foreach (var line in stock.Reservations.Values.SelectMany(r => r.Lines))
            Assert.True(stock.Positions.ContainsKey(line.SkuId));
    }

    private static string Snapshot(NodeStock stock)
    {
        var text = new StringBuilder();
        foreach (var (sku, p) in stock.Positions.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            text.Append($"{sku}:{p.OnHand}/{p.Reserved}/{p.InTransit}/{p.Capacity}/{p.SafetyStock};");
        foreach (var r in stock.Reservations.Values.OrderBy(r => r.Id, StringComparer.Ordinal))
            text.Append($"{r.Id}@{r.ExpiresAt:O}[{string.Join(",", r.Lines)}];");
        return text.ToString();
    }
}
