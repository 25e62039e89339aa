using System.Text;
using System.Text.Json;
using Microchain.Domain.Inventory;

namespace Microchain.Domain.Tests.Inventory;

/// <summary>Random interleavings of modular and plain reservations, picks, releases, expiries and capacity changes.</summary>
public sealed class ModularStockPropertyTests
{
    private abstract record Cmd;
    private sealed record Receive(string Sku, int Quantity) : Cmd;
    private sealed record Reserve(string Id, IReadOnlyList<StockLine> Lines, int ExpiresInMinutes) : Cmd
    {
        public override string ToString() => $"Reserve({Id}, [{string.Join(", ", Lines)}], +{ExpiresInMinutes}m)";
    }
    private sealed record Release(string Id) : Cmd;
    private sealed record Expire : Cmd;
    /// <summary>Picks each requested line at its quantity less a short count (0 = in full).</summary>
    private sealed record Pick(string Id, int Short) : Cmd;
    private sealed record Configure(int CapacityPerHour) : Cmd;
    private sealed record Advance(int Minutes) : Cmd;

    private static readonly string[] Skus = ["c1", "c2", "c3", "kit-a", "kit-b"];
    private static readonly Gen<string> Sku = Gen.Int[0, Skus.Length - 1].Select(i => Skus[i]);
    private static readonly Gen<string> Id = Gen.OneOf(Gen.Const("r1"), Gen.Const("r2"), Gen.Const("r3"), Gen.Const("r4"), Gen.Const("r5"));

    private static readonly Gen<Cmd> Command = Gen.Frequency(
        (3, Gen.Select(Sku, Gen.Int[1, 12], (s, q) => (Cmd)new Receive(s, q))),
        (8, Gen.Select(Id, Gen.Select(Sku, Gen.Int[1, 5], (s, q) => new StockLine(s, q)).Array[1, 3], Gen.Int[1, 60],
            (id, lines, exp) => (Cmd)new Reserve(id, lines, exp))),
        (2, Id.Select(id => (Cmd)new Release(id))),
        (1, Gen.Const((Cmd)new Expire())),
        (3, Gen.Select(Id, Gen.Frequency((3, Gen.Const(0)), (1, Gen.Int[1, 3])), (id, s) => (Cmd)new Pick(id, s))),
        (1, Gen.Int[0, 30].Select(c => (Cmd)new Configure(c))),
        (2, Gen.Int[1, 30].Select(m => (Cmd)new Advance(m))));

    [Fact]
    public void ModularStock_randomInterleavings_neverOversellComponentsOrCapacity()
    {
        Gen.Select(Gen.Int[0, 30], Command.Array[1, 60]).Sample((capacity, commands) =>
        {
            var stock = new NodeStock("mfc-1");
            var journal = new List<INodeStockEvent>(stock.ConfigureAssembly(ModularStockTests.Setup(capacity), ModularStockTests.T0));
            foreach (var sku in Skus) journal.AddRange(stock.SetCapacity(sku, 60, ModularStockTests.T0));
            var now = ModularStockTests.T0;
            foreach (var cmd in commands)
            {
                if (cmd is Advance a) { now = now.AddMinutes(a.Minutes); continue; }
                var before = Describe(stock);
                var atpBefore = Skus.ToDictionary(s => s, s => stock.AtpOf(s));
                var committedBefore = stock.CommittedAssemblyUnits;
                var known = stock.Reservations.ContainsKey((cmd as Reserve)?.Id ?? "");
                IReadOnlyList<INodeStockEvent> events;
                try
                {
                    events = Execute(stock, cmd, now);
                }
                catch (DomainException)
                {
                    Assert.Equal(before, Describe(stock)); // a refused command changes nothing
                    continue;
                }
                if (cmd is Reserve r && !known) CheckReservation(stock, r, atpBefore, committedBefore, events);
                journal.AddRange(events);
                AssertInvariants(stock);
                Assert.Equal(Describe(stock), Describe(NodeStock.Replay(stock.NodeId, journal)));
            }
            var restored = JsonSerializer.Deserialize<List<INodeStockEvent>>(JsonSerializer.Serialize<IReadOnlyList<INodeStockEvent>>(journal))!;
            Assert.Equal(Describe(stock), Describe(NodeStock.Replay(stock.NodeId, restored)));
            var snapshot = JsonSerializer.Deserialize<NodeStockSnapshot>(JsonSerializer.Serialize(stock.ToSnapshot()))!;
            Assert.Equal(Describe(stock), Describe(NodeStock.FromSnapshot(snapshot)));
        }, iter: 500);
    }

    private static IReadOnlyList<INodeStockEvent> Execute(NodeStock stock, Cmd cmd, DateTimeOffset now) => cmd switch
    {
        Receive r => stock.Receive(r.Sku, r.Quantity, "po", now),
        Reserve r => stock.TryReserve(r.Id, r.Lines, now.AddMinutes(r.ExpiresInMinutes), now).Events,
        Release r => stock.Release(r.Id, "cancelled", now),
        Expire => stock.ExpireDue(now),
        Pick p => stock.Pick(p.Id, Picked(stock, p), now),
        Configure c => stock.ConfigureAssembly(ModularStockTests.Setup(c.CapacityPerHour), now),
        _ => throw new ArgumentOutOfRangeException(nameof(cmd)),
    };

    /// <summary>The lines as requested (modular SKUs, not their components), each picked short by <see cref="Pick.Short"/>.</summary>
    private static List<StockLine> Picked(NodeStock stock, Pick p)
    {
        if (!stock.Reservations.TryGetValue(p.Id, out var reservation)) return [new StockLine("c1", 1)];
        var requested = reservation.Lines.ToDictionary(l => l.SkuId, l => l.Quantity);
        foreach (var h in reservation.Assemblies)
        {
            requested[h.SkuId] = requested.GetValueOrDefault(h.SkuId) - h.Finished + h.Quantity;
            foreach (var c in h.Components) requested[c.ComponentId] = requested.GetValueOrDefault(c.ComponentId) - h.Assembled * c.Quantity;
        }
        return [.. requested.Where(l => l.Value - p.Short > 0).Select(l => new StockLine(l.Key, l.Value - p.Short))];
    }

    /// <summary>A new reservation succeeds exactly when every line fits: a single modular line iff it is within its ATP.</summary>
    private static void CheckReservation(NodeStock stock, Reserve r, Dictionary<string, SkuAtp> atpBefore, long committedBefore, IReadOnlyList<INodeStockEvent> events)
    {
        var merged = r.Lines.GroupBy(l => l.SkuId).Select(g => (Sku: g.Key, Units: g.Sum(l => l.Quantity))).ToArray();
        if (merged.Length == 1) Assert.Equal(merged[0].Units <= atpBefore[merged[0].Sku].Atp, events.Count == 1);
        if (events.Count == 0)
        {
            Assert.False(stock.Reservations.ContainsKey(r.Id));
            return;
        }
        var held = stock.Reservations[r.Id];
        var committed = committedBefore;
        foreach (var h in held.Assemblies)
        {
            committed += h.Assembled;
            Assert.Equal(h.Quantity, h.Finished + h.Assembled);
            // Assembly is taken only within capacity (a capacity lowered later may leave older holds above it).
            if (h.Assembled > 0) Assert.InRange(committed, 0, stock.Assembly!.UnitsWithin(stock.Assembly.RecipeOf(h.SkuId)!, stock.Assembly.HorizonMinutes));
        }
        Assert.Equal(committed, stock.CommittedAssemblyUnits);
    }

    private static void AssertInvariants(NodeStock stock)
    {
        foreach (var (sku, p) in stock.Positions)
        {
            Assert.InRange(p.Reserved, 0, p.OnHand);
            Assert.InRange(p.OnHand, 0, p.Capacity);
            // Never oversold: every reserved unit (finished, component or plain) belongs to exactly one open reservation.
            Assert.Equal(stock.Reservations.Values.SelectMany(r => r.Lines).Where(l => l.SkuId == sku).Sum(l => l.Quantity), p.Reserved);
        }
        foreach (var r in stock.Reservations.Values)
        {
            // What the holds claim is within the lines: finished units and components of the assembled ones.
            var claimed = new Dictionary<string, int>();
            foreach (var h in r.Assemblies)
            {
                claimed[h.SkuId] = claimed.GetValueOrDefault(h.SkuId) + h.Finished;
                foreach (var c in h.Components) claimed[c.ComponentId] = claimed.GetValueOrDefault(c.ComponentId) + h.Assembled * c.Quantity;
            }
            foreach (var (sku, units) in claimed) Assert.InRange(units, 0, r.Lines.Where(l => l.SkuId == sku).Sum(l => l.Quantity));
        }
        foreach (var sku in Skus) Assert.InRange(stock.AtpOf(sku).Atp, 0, Limits.MaxStockUnits);
    }

    internal static string Describe(NodeStock stock)
    {
        var text = new StringBuilder();
        foreach (var (sku, p) in stock.Positions.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            text.Append($"{sku}:{p.OnHand}/{p.Reserved}/{p.Capacity};");
        foreach (var r in stock.Reservations.Values.OrderBy(r => r.Id, StringComparer.Ordinal))
            text.Append($"{r.Id}@{r.ExpiresAt:O}[{string.Join(",", r.Lines)}]{{{string.Join(",", r.Assemblies.Select(h => $"{h.SkuId}:{h.Quantity}={h.Finished}+{h.Assembled}"))}}};");
        foreach (var (sku, units) in stock.AssembledUnits.OrderBy(kv => kv.Key, StringComparer.Ordinal)) text.Append($"built {sku}:{units};");
        text.Append($"setup {stock.Assembly?.CapacityPerHour}/{stock.Assembly?.HorizonMinutes}");
        return text.ToString();
    }
}
