using System.Globalization;
using Microchain.Domain.Catalog;

namespace Microchain.Planning.Assortment;

/// <summary>
/// Chooses the SKUs a node stocks: each SKU is worth its daily demand times what stocking it saves (its margin
/// when the sale would otherwise be lost, else the extra cost of serving it from the nearest other node, at
/// most the margin), counted over the horizon; it takes demand × cover days of its zone's volume, in whole packs,
/// and a slot. Adding or dropping a SKU costs the switching cost, so a small move in demand does not flip it.
/// Pure and deterministic.
/// </summary>
public static class AssortmentPlanner
{
    private const int Zones = 3;

    public static AssortmentPlan Plan(IReadOnlyList<NodeAssortmentRequest> nodes, AssortmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return new AssortmentPlan(nodes.Select(n => PlanNode(n, settings)).ToArray());
    }

    public static NodeAssortmentPlan PlanNode(NodeAssortmentRequest request, AssortmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Check();
        if (request.Candidates.Count > AssortmentSettings.MaxCandidatesPerNode)
            throw new ArgumentException($"node {request.NodeId}: at most {AssortmentSettings.MaxCandidatesPerNode} candidate SKUs");
        var items = request.Candidates.OrderBy(c => c.SkuId, StringComparer.Ordinal).ToArray();
        for (var i = 1; i < items.Length; i++)
            if (items[i].SkuId == items[i - 1].SkuId) throw new ArgumentException($"node {request.NodeId}: SKU {items[i].SkuId} is listed twice");
        var sized = items.Select(c => Size(c, settings)).ToArray();
        var capacities = Enumerable.Range(0, Zones).Select(z => request.Space.For((TemperatureZone)z)).ToArray();
        var hysteresis = request.Current is not null && settings.SwitchCostCents > 0;
        var was = items.Select(c => request.Current?.Contains(c.SkuId) ?? false).ToArray();
        var zones = items.Select(c => (int)c.Zone).ToArray();
        var solution = Solve(sized, zones, was, capacities, request.Space.Slots, hysteresis ? settings.SwitchCostCents : 0, settings);
        var stocked = new bool[items.Length];
        foreach (var i in solution.Chosen) stocked[i] = true;
        var free = hysteresis ? Solve(sized, zones, was, capacities, request.Space.Slots, 0, settings) : solution;
        var freeStocked = new bool[items.Length];
        foreach (var i in free.Chosen) freeStocked[i] = true;

        var lines = new AssortmentLine[items.Length];
        var used = new long[Zones];
        double value = 0;
        for (var i = 0; i < items.Length; i++)
        {
            var (c, s) = (items[i], sized[i]);
            if (stocked[i]) used[(int)c.Zone] += s.Milliliters;
            value += stocked[i] ? c.DailyDemandUnits * Margin(c) : c.DailyDemandUnits * Math.Max(0, Margin(c) - (c.FallbackExtraCentsPerUnit ?? long.MaxValue / 4));
            var change = (was[i], stocked[i]) switch { (false, true) => "add", (true, false) => "drop", (true, true) => "keep", _ => "none" };
            var held = stocked[i] != freeStocked[i];
            lines[i] = new AssortmentLine(c.SkuId, stocked[i], change, c.Zone, c.DailyDemandUnits, s.Units, s.Milliliters, (long)Math.Round(s.ValuePerDay),
                Reason(c, s, stocked[i], was[i], held, capacities[(int)c.Zone], hysteresis, settings));
        }
        // SKUs stocked now that are no longer candidates (inactive, or gone from the catalog) are dropped.
        var known = items.Select(c => c.SkuId).ToHashSet(StringComparer.Ordinal);
        var gone = request.Current?.Where(id => !known.Contains(id)).Order(StringComparer.Ordinal).ToArray() ?? [];
        var allLines = lines.Concat(gone.Select(id => new AssortmentLine(id, false, "drop", TemperatureZone.Ambient, 0, 0, 0, 0, "drop: no longer a candidate (inactive or not in the catalog)"))).ToArray();
        var added = allLines.Where(l => l.Change == "add").Select(l => l.SkuId).ToArray();
        var dropped = allLines.Where(l => l.Change == "drop").Select(l => l.SkuId).ToArray();
        var switching = request.Current is null ? 0 : checked((added.Length + dropped.Length) * settings.SwitchCostCents);
        return new NodeAssortmentPlan(request.NodeId,
            allLines.Where(l => l.Stocked).Select(l => l.SkuId).ToArray(), added, dropped,
            items.Where((_, i) => stocked[i] != freeStocked[i]).Select(c => c.SkuId).ToArray(),
            allLines, (long)Math.Round(value), switching, solution.Score, solution.Bound, solution.Gap, solution.Status,
            solution.Chosen.Count, request.Space.Slots,
            Enumerable.Range(0, Zones).Select(z => new ZoneUse((TemperatureZone)z, used[z], capacities[z])).ToArray());
    }

    /// <summary>The space a SKU takes when stocked and what stocking it is worth per day.</summary>
    public readonly record struct Sizing(int Units, long Milliliters, double ValuePerDay);

    public static Sizing Size(AssortmentCandidate c, AssortmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(settings);
        if (!double.IsFinite(c.DailyDemandUnits) || c.DailyDemandUnits < 0) throw new ArgumentException($"SKU {c.SkuId}: daily demand must be finite and not negative");
        if (c.UnitVolumeMilliliters <= 0 || c.PackUnits <= 0) throw new ArgumentException($"SKU {c.SkuId}: unit volume and pack size must be positive");
        var cover = Math.Min(settings.CoverDays, c.ShelfLifeDays ?? double.MaxValue);
        var packs = Math.Max(1, (long)Math.Ceiling(c.DailyDemandUnits * cover / c.PackUnits - 1e-9));
        var units = (int)Math.Min(int.MaxValue, checked(packs * c.PackUnits));
        var saved = c.FallbackExtraCentsPerUnit is { } extra ? Math.Min(Margin(c), Math.Max(0, extra)) : Margin(c);
        return new Sizing(units, checked(units * (long)c.UnitVolumeMilliliters), c.DailyDemandUnits * saved);
    }

    private static long Margin(AssortmentCandidate c) => Math.Max(0, c.MarginCentsPerUnit);

    private static ZoneKnapsackSolution Solve(Sizing[] sized, int[] zones, bool[] was, long[] capacities, int slots, long switchCost, AssortmentSettings settings)
    {
        var scores = new long[sized.Length];
        for (var i = 0; i < sized.Length; i++)
            scores[i] = checked((long)Math.Round(sized[i].ValuePerDay * settings.HorizonDays) + (was[i] ? switchCost : -switchCost));
        return ZoneKnapsackSolver.Solve(new ZoneKnapsackProblem(scores, sized.Select(s => s.Milliliters).ToArray(), zones, capacities, slots), settings.Solver);
    }

    private static string Reason(AssortmentCandidate c, Sizing s, bool stocked, bool was, bool held, long capacity, bool hysteresis, AssortmentSettings settings)
    {
        var inv = CultureInfo.InvariantCulture;
        var worth = string.Create(inv, $"{c.DailyDemandUnits:0.##} units/day worth {s.ValuePerDay / 100:0.00}/day here");
        var otherwise = c.FallbackExtraCentsPerUnit is not { } extra ? "otherwise lost: no other node stocks it"
            : extra >= Margin(c) ? string.Create(inv, $"otherwise served from {c.FallbackNodeId} at {extra / 100.0:0.00} more per unit, all of its margin")
            : string.Create(inv, $"otherwise served from {c.FallbackNodeId} at {extra / 100.0:0.00} more per unit");
        var space = string.Create(inv, $"{s.Units} units, {s.Milliliters / 1000.0:0.#} L {c.Zone}");
        var switching = string.Create(inv, $"switching cost {settings.SwitchCostCents / 100.0:0.00} over {settings.HorizonDays} days");
        if (stocked)
            return (was ? "keep: " : "add: ") + $"{worth} ({otherwise}); takes {space}" + (held && was ? $"; kept by hysteresis: the gain from its space elsewhere is under the {switching}" : "");
        if (c.DailyDemandUnits <= 0) return (was ? "drop" : "skip") + ": no demand";
        if (s.Milliliters > capacity) return (was ? "drop" : "skip") + string.Create(inv, $": needs {space}, more than the node's {capacity / 1000.0:0.#} L");
        if (s.ValuePerDay <= 0) return (was ? "drop" : "skip") + $": stocking saves nothing ({otherwise})";
        if (held && !was) return $"not added: {worth}, but the gain over what it would displace is under the {switching}";
        if (hysteresis && !was && s.ValuePerDay * settings.HorizonDays <= settings.SwitchCostCents)
            return $"skip: {worth}, under the {switching}";
        return (was ? "drop" : "skip") + $": {worth}, but its {space} and slot earn more with other SKUs";
    }
}
