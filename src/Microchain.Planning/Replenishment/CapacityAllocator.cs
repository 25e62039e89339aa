using Microchain.Domain.Catalog;
using System.Globalization;

namespace Microchain.Planning.Replenishment;

/// <summary>
/// Fits requested quantities into node zone volume, zone slots and source stock. When nothing binds every
/// line gets its request. Otherwise lines are filled one step at a time (first step = MOQ rounded to packs,
/// then one pack), always serving the highest priority and, within it, the lowest projected days of cover:
/// a water-filling that protects urgent lines and scales down the least urgent, lowest-priority ones.
/// Capacity use counts on-hand plus on-order stock of every line (arrivals before any sales), so the
/// result never exceeds capacity; this is checked before returning, in release builds too.
/// </summary>
internal static class CapacityAllocator
{
    internal static int[] Allocate(ReplenishmentRequest request, IReadOnlyList<LineNeed> needs, out string?[] cutReasons)
    {
        var items = request.Items;
        cutReasons = new string?[needs.Count];
        if (request.Capacities.Count == 0 && request.SourceAvailableUnits.Count == 0)
            return [.. needs.Select(n => n.Units)];
        var zones = new Dictionary<(string Node, TemperatureZone Zone), ZoneState>();
        foreach (var cap in request.Capacities)
        {
            foreach (var z in cap.Zones) zones[(cap.NodeId, z.Zone)] = new ZoneState(z.VolumeLitres, z.Slots);
        }
        var constrained = request.Capacities.Select(c => c.NodeId).ToHashSet(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!zones.TryGetValue((item.NodeId, item.Zone), out var zone)) continue;
            var stock = item.OnHandUnits + item.OnOrderUnits;
            zone.UsedVolume += stock * item.UnitVolumeLitres;
            if (stock > 0) zone.UsedSlots++;
        }
        var source = new Dictionary<string, int>(request.SourceAvailableUnits, StringComparer.Ordinal);

        var granted = new int[needs.Count];
        var queue = new PriorityQueue<int, (int NegPriority, double Cover, int Index)>();
        for (var n = 0; n < needs.Count; n++)
        {
            var item = items[needs[n].Index];
            if (constrained.Contains(item.NodeId) && !zones.ContainsKey((item.NodeId, item.Zone)))
            {
                cutReasons[n] = $"node {item.NodeId} has no {item.Zone} zone";
                continue;
            }
            queue.Enqueue(n, Key(needs[n], item, 0));
        }
        while (queue.TryDequeue(out var n, out _))
        {
            var need = needs[n];
            var item = items[need.Index];
            var step = granted[n] == 0 ? ReplenishmentPlanner.RoundToPack(item.PackSizeUnits, item.PackSizeUnits, item.MinOrderUnits) : item.PackSizeUnits;
            step = Math.Min(step, need.Units - granted[n]);
            var blocker = Blocker(item, need, granted[n], step, zones, source);
            if (blocker is not null)
            {
                cutReasons[n] = blocker;
                continue;
            }
            granted[n] += step;
            if (zones.TryGetValue((item.NodeId, item.Zone), out var zone))
            {
                zone.UsedVolume += step * item.UnitVolumeLitres;
                zone.Added = true;
                if (need.PositionUnits == 0 && granted[n] == step)
                {
                    zone.UsedSlots++;
                    zone.SlotAdded = true;
                }
            }
            if (source.TryGetValue(item.Sku, out var left)) source[item.Sku] = left - step;
            if (granted[n] < need.Units) queue.Enqueue(n, Key(need, item, granted[n]));
        }
        foreach (var ((node, zoneName), zone) in zones)
        {
            // Release-build invariant: a zone that received anything is within volume and slots.
            if ((zone.Added && zone.UsedVolume > zone.CapacityVolume + 1e-6) || (zone.SlotAdded && zone.UsedSlots > zone.CapacitySlots))
                throw new InvalidOperationException($"capacity invariant broken at {node} {zoneName}");
        }
        return granted;
    }

    private static (int, double, int) Key(LineNeed need, ReplenishmentItem item, int granted) =>
        (-item.Priority, (need.PositionUnits + granted) / Math.Max(item.DemandMeanPerDay, 1e-9), need.Index);

    private static string? Blocker(ReplenishmentItem item, LineNeed need, int granted, int step, Dictionary<(string, TemperatureZone), ZoneState> zones, Dictionary<string, int> source)
    {
        var c = CultureInfo.InvariantCulture;
        if (source.TryGetValue(item.Sku, out var left) && left < step)
            return $"source has {Math.Max(0, left)} {item.Sku} left after more urgent lines";
        if (!zones.TryGetValue((item.NodeId, item.Zone), out var zone)) return null;
        if (zone.UsedVolume + step * item.UnitVolumeLitres > zone.CapacityVolume + 1e-9)
            return string.Create(c, $"{item.Zone} volume at {item.NodeId} is full ({zone.UsedVolume:F1}/{zone.CapacityVolume:F1} L; filled by priority, then lowest cover)");
        if (need.PositionUnits == 0 && granted == 0 && zone.UsedSlots >= zone.CapacitySlots)
            return $"no free {item.Zone} slot at {item.NodeId} ({zone.UsedSlots}/{zone.CapacitySlots})";
        return null;
    }

    private sealed class ZoneState(double capacityVolume, int capacitySlots)
    {
        public double CapacityVolume { get; } = capacityVolume;
        public int CapacitySlots { get; } = capacitySlots;
        public double UsedVolume { get; set; }
        public int UsedSlots { get; set; }
        public bool Added { get; set; }
        public bool SlotAdded { get; set; }
    }
}
