using Microchain.Domain.Catalog;
using Microchain.Planning.Picking;

namespace Microchain.Planning.Tests.Picking;

public sealed class WavePlannerTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private static PickOrder Order(string id, int windowMinutes, params (string Sku, int Quantity, TemperatureZone Zone)[] items) =>
        new(id, Day.AddMinutes(windowMinutes), items.Select(i => new PickItem(i.Sku, i.Quantity, i.Zone)).ToArray());

    [Fact]
    public void Plan_ordersByCutOff_fallIntoAlignedWavesWithZoneBatches()
    {
        var orders = new[]
        {
            Order("o-b", 600, ("milk", 2, TemperatureZone.Chilled), ("tea", 1, TemperatureZone.Ambient)), // cut-off 09:30
            Order("o-a", 615, ("peas", 3, TemperatureZone.Frozen)),                                        // cut-off 09:45
            Order("o-c", 630, ("tea", 4, TemperatureZone.Ambient)),                                        // cut-off 10:00
        };
        var waves = WavePlanner.Plan(orders, WaveOptions.Default);

        Assert.Equal([Day.AddMinutes(570), Day.AddMinutes(600)], waves.Select(w => w.CutOffFrom));
        Assert.Equal(Day.AddMinutes(600), waves[0].CutOffTo);
        Assert.Equal(2, waves[0].Orders);
        Assert.Equal([TemperatureZone.Ambient, TemperatureZone.Chilled, TemperatureZone.Frozen], waves[0].Batches.Select(b => b.Zone));
        Assert.Equal(new PickLine("o-b", "milk", 2, TemperatureZone.Chilled), Assert.Single(waves[0].Batches[1].Lines));
        Assert.Equal(new PickLine("o-c", "tea", 4, TemperatureZone.Ambient), Assert.Single(Assert.Single(waves[1].Batches).Lines));
    }

    [Fact]
    public void Plan_batchLimit_keepsAnOrdersLinesTogetherAndNeverExceedsTheLimit()
    {
        var orders = new[]
        {
            Order("o-1", 600, ("a", 1, TemperatureZone.Ambient), ("b", 1, TemperatureZone.Ambient)),
            Order("o-2", 601, ("c", 1, TemperatureZone.Ambient), ("d", 2, TemperatureZone.Ambient)),
            Order("o-3", 602, ("e", 1, TemperatureZone.Ambient), ("f", 1, TemperatureZone.Ambient), ("g", 1, TemperatureZone.Ambient),
                ("h", 1, TemperatureZone.Ambient)),
        };
        var batches = Assert.Single(WavePlanner.Plan(orders, WaveOptions.Default with { MaxLinesPerBatch = 3 })).Batches;

        Assert.Equal([["o-1", "o-1"], ["o-2", "o-2"], ["o-3", "o-3", "o-3"], ["o-3"]], batches.Select(b => b.Lines.Select(l => l.OrderId).ToArray()));
        Assert.Equal([1, 2, 3, 4], batches.Select(b => b.Number));
        Assert.Equal(3, batches[1].Units);
    }

    [Fact]
    public void Plan_everyUnitAppearsOnceInAWaveHoldingItsCutOff()
    {
        var item = Gen.Select(Gen.Int[0, 5], Gen.Int[1, 9], Gen.Enum<TemperatureZone>(), (s, q, z) => new PickItem("s" + s, q, z));
        var orders = Gen.Select(Gen.Int[0, 24 * 60], item.Array[1, 5], (m, items) => (m, items)).Array[0, 30];
        Gen.Select(orders, Gen.Int[1, 6], Gen.Int[1, 8]).Sample((input, waveSlots, batchLines) =>
        {
            var picks = input.Select((x, i) => new PickOrder($"o-{i}", Day.AddMinutes(x.m), x.items)).ToArray();
            var options = new WaveOptions(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(15 * waveSlots), batchLines);
            if (options.Problem() is not null) return;
            var waves = WavePlanner.Plan(picks, options);
            foreach (var wave in waves)
                foreach (var batch in wave.Batches)
                {
                    Assert.InRange(batch.Lines.Count, 1, batchLines);
                    Assert.All(batch.Lines, l => Assert.Equal(batch.Zone, l.Zone));
                    foreach (var line in batch.Lines)
                    {
                        var cutOff = picks.Single(p => p.OrderId == line.OrderId).WindowStart - options.PickLead;
                        Assert.True(cutOff >= wave.CutOffFrom && cutOff < wave.CutOffTo);
                    }
                }
            Assert.Equal(picks.Sum(p => p.Items.Sum(i => i.Quantity)), waves.Sum(w => w.Batches.Sum(b => b.Units)));
            Assert.Equal(waves.Select(w => w.CutOffFrom).Order(), waves.Select(w => w.CutOffFrom));
        }, iter: 200);
    }

    [Fact]
    public void Options_waveLengthNotDividingADay_isAProblem()
    {
        Assert.NotNull((WaveOptions.Default with { WaveLength = TimeSpan.FromMinutes(7) }).Problem());
        Assert.NotNull((WaveOptions.Default with { MaxLinesPerBatch = 0 }).Problem());
        Assert.Null(WaveOptions.Default.Problem());
        Assert.Throws<ArgumentException>(() => WavePlanner.Plan([], WaveOptions.Default with { PickLead = TimeSpan.FromMinutes(-1) }));
    }
}
