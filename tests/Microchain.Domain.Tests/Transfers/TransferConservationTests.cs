using System.Text.Json;
using Microchain.Domain.Inventory;
using Microchain.Domain.Transfers;

namespace Microchain.Domain.Tests.Transfers;

/// <summary>
/// Random transfers between two nodes, driven as the transfer grain drives them (decide, node step, record), with
/// retried steps and reservations mixed in. Units are conserved per SKU: on hand at the source + on hand at the
/// destination + in transit + written off never changes, and neither node ever holds less on hand than it reserved.
/// </summary>
public sealed class TransferConservationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Skus = ["a", "b", "c"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private abstract record Cmd;
    private sealed record Ship(string Id, StockLine[] Lines, bool Retry) : Cmd
    {
        public override string ToString() => $"Ship({Id}, [{string.Join(", ", Lines)}], retry {Retry})";
    }
    private sealed record Receive(string Id, string ReceiptId, int[] Units, bool Retry) : Cmd
    {
        public override string ToString() => $"Receive({Id}, {ReceiptId}, [{string.Join(", ", Units)}], retry {Retry})";
    }
    private sealed record Close(string Id, string Reason, bool Retry) : Cmd;
    private sealed record Reserve(string Sku, int Units) : Cmd;

    private static readonly Gen<string> TransferId = Gen.OneOf(Gen.Const("t1"), Gen.Const("t2"), Gen.Const("t3"));
    private static readonly Gen<string> Sku = Gen.OneOf(Gen.Const("a"), Gen.Const("b"), Gen.Const("c"));
    private static readonly Gen<bool> Retry = Gen.Frequency((3, Gen.Const(false)), (1, Gen.Const(true)));

    private static readonly Gen<Cmd> Command = Gen.Frequency(
        (3, Gen.Select(TransferId, Gen.Select(Sku, Gen.Int[-1, 30], (s, q) => new StockLine(s, q)).Array[1, 3], Retry,
            (id, lines, retry) => (Cmd)new Ship(id, lines, retry))),
        (5, Gen.Select(TransferId, Gen.OneOf(Gen.Const("r1"), Gen.Const("r2"), Gen.Const("r3"), Gen.Const("r4")), Gen.Int[-1, 12].Array[3], Retry,
            (id, r, units, retry) => (Cmd)new Receive(id, r, units, retry))),
        (2, Gen.Select(TransferId, Gen.OneOf(Gen.Const("lost"), Gen.Const("damaged"), Gen.Const("gremlins")), Retry, (id, reason, retry) => (Cmd)new Close(id, reason, retry))),
        (1, Gen.Select(Sku, Gen.Int[1, 20], (s, u) => (Cmd)new Reserve(s, u))));

    [Fact]
    public void Transfers_randomSteps_conserveUnitsAndNeverOversell()
    {
        Gen.Select(Gen.Int[0, 60].Array[3], Command.Array[1, 40]).Sample((initial, commands) =>
        {
            var world = new World(initial);
            foreach (var cmd in commands)
            {
                world.Run(cmd);
                world.AssertConserved();
            }
            world.AssertReplaysExactly();
        }, iter: 400);
    }

    private sealed class World
    {
        private readonly NodeStock _source = new("src");
        private readonly NodeStock _destination = new("dst");
        private readonly List<INodeStockEvent> _sourceJournal = [];
        private readonly List<INodeStockEvent> _destinationJournal = [];
        private readonly Dictionary<string, Transfer> _transfers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _total = new(StringComparer.Ordinal);
        private DateTimeOffset _now = T0;
        private int _reservations;

        public World(int[] initial)
        {
            for (var i = 0; i < Skus.Length; i++)
            {
                foreach (var stock in new[] { _source, _destination })
                    Journal(stock).AddRange(stock.SetCapacity(Skus[i], 200, _now));
                if (initial[i] > 0) _sourceJournal.AddRange(_source.Receive(Skus[i], initial[i], "opening", _now));
                _total[Skus[i]] = initial[i];
            }
        }

        private List<INodeStockEvent> Journal(NodeStock stock) => stock == _source ? _sourceJournal : _destinationJournal;

        public void Run(Cmd cmd)
        {
            _now = _now.AddMinutes(1);
            var times = cmd switch { Ship s when s.Retry => 2, Receive r when r.Retry => 2, Close c when c.Retry => 2, _ => 1 };
            for (var i = 0; i < times; i++)
            {
                try { Step(cmd); }
                catch (DomainException ex) { Assert.False(string.IsNullOrEmpty(ex.Code)); }
            }
        }

        /// <summary>One step the way the transfer grain takes it; a retry repeats the node step the grain could not record.</summary>
        private void Step(Cmd cmd)
        {
            switch (cmd)
            {
                case Reserve r:
                    _sourceJournal.AddRange(_source.TryReserve($"res{++_reservations}", [new StockLine(r.Sku, r.Units)], _now.AddHours(1), _now).Events);
                    break;
                case Ship s when _transfers.TryGetValue(s.Id, out var known):
                    // A retried ship repeats both node steps: each must be a no-op.
                    Assert.Empty(_source.ShipTransfer(s.Id, "dst", known.Lines, known.Reference, _now));
                    Assert.Empty(_destination.ExpectTransfer(s.Id, "src", known.Lines, _now));
                    break;
                case Ship s:
                    var shipped = Transfer.DecideShip(s.Id, "src", "dst", s.Lines, "ref", _now);
                    _sourceJournal.AddRange(_source.ShipTransfer(s.Id, "dst", shipped.Lines, shipped.Reference, _now));
                    var transfer = Transfer.Start(shipped);
                    _transfers[s.Id] = transfer;
                    _destinationJournal.AddRange(_destination.ExpectTransfer(s.Id, "src", shipped.Lines, _now));
                    transfer.Apply(transfer.DecideInTransit(_now));
                    break;
                case Receive r when _transfers.TryGetValue(r.Id, out var t):
                    var lines = t.Lines.Select((l, i) => new StockLine(l.SkuId, r.Units[i % r.Units.Length])).Where(l => l.Quantity != 0).ToArray();
                    if (t.Receipts.FirstOrDefault(x => x.ReceiptId == r.ReceiptId) is { } done)
                    {
                        Assert.Empty(_destination.ReceiveTransfer(r.Id, r.ReceiptId, done.Lines, _now));
                        break;
                    }
                    var events = t.DecideReceipt(r.ReceiptId, lines, _now);
                    _destinationJournal.AddRange(_destination.ReceiveTransfer(r.Id, r.ReceiptId, ((TransferReceiptRecorded)events[0]).Lines, _now));
                    foreach (var e in events) t.Apply(e);
                    break;
                case Close c when _transfers.TryGetValue(c.Id, out var t):
                    if (t.Status == TransferStatus.Closed)
                    {
                        Assert.Empty(_destination.CloseTransfer(c.Id, t.Discrepancies, _now));
                        break;
                    }
                    var closed = t.DecideClose(new Dictionary<string, string>(), c.Reason, _now);
                    _destinationJournal.AddRange(_destination.CloseTransfer(c.Id, closed.Discrepancies, _now));
                    t.Apply(closed);
                    break;
            }
        }

        public void AssertConserved()
        {
            foreach (var sku in Skus)
            {
                var src = _source.PositionOf(sku);
                var dst = _destination.PositionOf(sku);
                var writtenOff = _transfers.Values.Sum(t => t.Discrepancies.Where(d => d.SkuId == sku).Sum(d => d.Quantity));
                Assert.Equal(_total[sku], src.OnHand + dst.OnHand + dst.InTransit + writtenOff);
                Assert.Equal(_transfers.Values.Sum(t => t.OpenOf(sku)), dst.InTransit);
                Assert.True(src.OnHand >= src.Reserved && dst.OnHand >= dst.Reserved);
            }
            foreach (var t in _transfers.Values)
            {
                var inbound = _destination.InboundTransferOf(t.Id)!;
                foreach (var line in t.Lines)
                {
                    Assert.Equal(t.OpenOf(line.SkuId), inbound.OpenOf(line.SkuId));
                    Assert.Equal(line.Quantity, t.ReceivedOf(line.SkuId) + t.OpenOf(line.SkuId) + t.Discrepancies.Where(d => d.SkuId == line.SkuId).Sum(d => d.Quantity));
                }
                Assert.Equal(t.Status == TransferStatus.Closed, inbound.Closed);
            }
        }

        /// <summary>The journals replay to the same stock, through JSON and through a snapshot.</summary>
        public void AssertReplaysExactly()
        {
            foreach (var (stock, journal) in new[] { (_source, _sourceJournal), (_destination, _destinationJournal) })
            {
                var json = journal.Select(e => JsonSerializer.Deserialize<INodeStockEvent>(JsonSerializer.Serialize(e, Json), Json)!).ToArray();
                var replayed = NodeStock.Replay(stock.NodeId, json);
                var expected = JsonSerializer.Serialize(stock.ToSnapshot(), Json);
                Assert.Equal(expected, JsonSerializer.Serialize(replayed.ToSnapshot(), Json));
                var restored = NodeStock.FromSnapshot(JsonSerializer.Deserialize<NodeStockSnapshot>(expected, Json)!);
                Assert.Equal(expected, JsonSerializer.Serialize(restored.ToSnapshot(), Json));
            }
            foreach (var t in _transfers.Values)
            {
                var replayed = Transfer.Replay(t.History.Select(e => JsonSerializer.Deserialize<ITransferEvent>(JsonSerializer.Serialize(e, Json), Json)!).ToArray());
                Assert.Equal(t.Status, replayed.Status);
                Assert.Equal(t.Discrepancies, replayed.Discrepancies);
                Assert.All(t.Lines, l => Assert.Equal(t.ReceivedOf(l.SkuId), replayed.ReceivedOf(l.SkuId)));
            }
        }
    }
}
