using Microchain.Domain.Catalog;

namespace Microchain.Planning.Picking;

/// <summary>
/// Cuts a node's open picks into waves by cut-off (window start minus the pick lead) and, within a wave, into batches
/// per temperature zone of at most <see cref="WaveOptions.MaxLinesPerBatch"/> lines. Earliest cut-off first
/// everywhere; an order's lines of one zone stay in one batch unless they alone exceed the limit.
/// </summary>
public static class WavePlanner
{
    public static IReadOnlyList<PickWave> Plan(IReadOnlyList<PickOrder> orders, WaveOptions options)
    {
        if (options.Problem() is { } problem) throw new ArgumentException(problem, nameof(options));
        var waves = new List<PickWave>();
        var bySlot = orders
            .Select(o => (Order: o, CutOff: o.WindowStart - options.PickLead))
            .GroupBy(x => SlotStart(x.CutOff, options.WaveLength))
            .OrderBy(g => g.Key);
        foreach (var slot in bySlot)
        {
            var inWave = slot.OrderBy(x => x.CutOff).ThenBy(x => x.Order.OrderId, StringComparer.Ordinal).Select(x => x.Order).ToArray();
            var batches = new List<PickBatch>();
            foreach (var zone in Enum.GetValues<TemperatureZone>())
                Batch(inWave, zone, options.MaxLinesPerBatch, batches);
            waves.Add(new PickWave(slot.Key, slot.Key + options.WaveLength, inWave.Length, batches));
        }
        return waves;
    }

    /// <summary>Start of the wave slot holding <paramref name="cutOff"/>, slots aligned to UTC midnight.</summary>
    public static DateTimeOffset SlotStart(DateTimeOffset cutOff, TimeSpan waveLength)
    {
        var utc = cutOff.ToUniversalTime();
        var intoDay = utc.TimeOfDay.Ticks;
        return new DateTimeOffset(utc.Date, TimeSpan.Zero).AddTicks(intoDay - intoDay % waveLength.Ticks);
    }

    private static void Batch(IReadOnlyList<PickOrder> orders, TemperatureZone zone, int maxLines, List<PickBatch> batches)
    {
        var current = new List<PickLine>();
        foreach (var order in orders)
        {
            var lines = order.Items.Where(i => i.Zone == zone && i.Quantity > 0)
                .GroupBy(i => i.SkuId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new PickLine(order.OrderId, g.Key, g.Sum(i => i.Quantity), zone)).ToArray();
            if (lines.Length == 0) continue;
            // Keep an order's lines together: start a new tote rather than split them, unless they fill more than one.
            if (current.Count > 0 && current.Count + lines.Length > maxLines) Close(current, zone, batches);
            foreach (var line in lines)
            {
                if (current.Count == maxLines) Close(current, zone, batches);
                current.Add(line);
            }
        }
        if (current.Count > 0) Close(current, zone, batches);
    }

    private static void Close(List<PickLine> lines, TemperatureZone zone, List<PickBatch> batches)
    {
        batches.Add(new PickBatch(zone, batches.Count + 1, lines.Sum(l => l.Quantity), lines.ToArray()));
        lines.Clear();
    }
}
