using Microchain.Domain;
using Microchain.Domain.Catalog;
using Microchain.Domain.Network;

namespace Microchain.Simulation.DemoCity;

/// <summary>
/// Initial stock. An MFC holds its top 40–70% SKUs by popularity (more when larger) with capacity for a few days
/// of its expected demand, within its liters per zone and slots. A kit it offers is held as a day of pre-assembled
/// units plus components for a few days of assembly to order. The DC holds every SKU and component for two weeks
/// of city demand (kits: a few days, assembled there) and is sized to fit.
/// </summary>
internal static class StockPlanner
{
    public const int MinFacingUnits = 4;
    public const int DcCoverDays = 14;
    public const int DcMinUnits = 24;
    public const int DcKitCoverDays = 3;
    /// <summary>Pre-assembled kits held at an MFC: a day of demand, at least two.</summary>
    public const int MinAssembledKits = 2;

    public static List<StockLevel> PlanMfc(Node mfc, int m, Catalog catalog, DemandModel demand, DemoRandom random)
    {
        var skus = catalog.Skus;
        var componentIndex = catalog.Components.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var remainingMl = new long[3];
        foreach (var zone in Enum.GetValues<TemperatureZone>()) remainingMl[(int)zone] = mfc.Storage.LitersFor(zone) * 1_000;
        var slotsLeft = mfc.Storage.Slots;
        var size = (mfc.Storage.Slots - 1_500) / 2_500.0;
        var target = (int)Math.Round(skus.Count * Math.Clamp(0.4 + 0.3 * size + random.NextDouble(-0.03, 0.03), 0.4, 0.7));

        var stock = new List<StockLevel>(target + catalog.Components.Count);
        var componentUnits = new int[catalog.Components.Count];
        // Kits share components: needs add up unrounded, so many slow kits do not each round a unit up.
        var componentNeed = new double[catalog.Components.Count];
        var daily = new Dictionary<int, double>();
        var offered = 0;
        for (var r = 0; r < skus.Count && offered < target && slotsLeft > 0; r++)
        {
            var i = catalog.ByPopularity[r];
            var sku = skus[i];
            var units = demand.DailyUnits(m, i);
            if (sku.Bom is { } bom)
            {
                var assembled = (int)Math.Max(MinAssembledKits, Math.Ceiling(units));
                if (TryAddKit(sku, bom, assembled, units, CoverDays(sku.Zone, sku.ShelfLifeDays)))
                {
                    offered++;
                    stock.Add(Level(mfc.Id, sku.Id, assembled, units, random));
                }
                continue;
            }
            var zone = (int)sku.Zone;
            var capacity = Math.Max(MinFacingUnits, (long)Math.Ceiling(units * CoverDays(sku.Zone, sku.ShelfLifeDays)));
            capacity = Math.Min(Math.Min(capacity, remainingMl[zone] / sku.VolumeMilliliters), Limits.MaxStockUnits);
            if (capacity < MinFacingUnits) continue;
            remainingMl[zone] -= capacity * sku.VolumeMilliliters;
            slotsLeft--;
            offered++;
            stock.Add(Level(mfc.Id, sku.Id, (int)capacity, units, random));
        }
        for (var c = 0; c < componentUnits.Length; c++)
        {
            if (componentUnits[c] > 0) stock.Add(Level(mfc.Id, catalog.Components[c].Id, componentUnits[c], daily.GetValueOrDefault(c), random));
        }
        return stock;

        bool TryAddKit(Sku kit, BillOfMaterials bom, int assembled, double dailyKits, double coverDays)
        {
            var extraMl = new long[3];
            extraMl[(int)kit.Zone] = (long)assembled * kit.VolumeMilliliters;
            var extraSlots = 1;
            var next = new int[bom.Lines.Count];
            for (var l = 0; l < bom.Lines.Count; l++)
            {
                var c = componentIndex[bom.Lines[l].ComponentId];
                var component = catalog.Components[c];
                var need = componentNeed[c] + dailyKits * coverDays * bom.Lines[l].Quantity;
                next[l] = (int)Math.Min(Limits.MaxStockUnits, Math.Max(MinFacingUnits, Math.Ceiling(need)));
                extraMl[(int)component.Zone] += (long)(next[l] - componentUnits[c]) * component.VolumeMilliliters;
                if (componentUnits[c] == 0) extraSlots++;
            }
            if (extraSlots > slotsLeft || Enumerable.Range(0, 3).Any(z => extraMl[z] > remainingMl[z])) return false;
            for (var z = 0; z < 3; z++) remainingMl[z] -= extraMl[z];
            slotsLeft -= extraSlots;
            for (var l = 0; l < bom.Lines.Count; l++)
            {
                var c = componentIndex[bom.Lines[l].ComponentId];
                componentUnits[c] = next[l];
                componentNeed[c] += dailyKits * coverDays * bom.Lines[l].Quantity;
                daily[c] = daily.GetValueOrDefault(c) + dailyKits * bom.Lines[l].Quantity;
            }
            return true;
        }
    }

    /// <summary>DC stock for every bought item (SKUs and components) and every kit, and the storage that holds it.</summary>
    public static (List<StockLevel> Stock, StorageCapacity Storage) PlanDc(string dcId, IReadOnlyList<SupplyGenerator.Item> bought,
        IReadOnlyList<SupplyGenerator.Item> kits, IReadOnlyDictionary<string, int> leadTimeDays, DemoRandom random)
    {
        var stock = new List<StockLevel>(bought.Count + kits.Count);
        var usedMl = new long[3];
        foreach (var item in bought.Concat(kits))
        {
            // Kits are assembled at the DC from its components: a few days ahead, replenished by assembly, not suppliers.
            var (cover, lead) = leadTimeDays.TryGetValue(item.Id, out var days) ? (DcCoverDays, days) : (DcKitCoverDays, 0);
            var capacity = (int)Math.Min(Limits.MaxStockUnits, Math.Max(DcMinUnits, Math.Ceiling(item.DailyUnits * cover)));
            var safety = (int)Math.Min(capacity, Math.Ceiling(item.DailyUnits * (lead + 1)));
            var onHand = Math.Clamp((int)Math.Round(capacity * random.NextDouble(0.7, 0.95)), 1, capacity);
            stock.Add(new StockLevel(dcId, item.Id, onHand, capacity, safety));
            usedMl[(int)item.Zone] += (long)capacity * item.VolumeMl;
        }
        // Headroom of 25% over the plan, with a floor of a modest regional DC (~2,000 / 600 / 300 m³).
        long Liters(TemperatureZone zone, long floor) => Math.Max(floor, (usedMl[(int)zone] * 5 / 4 / 1_000 / 10_000 + 1) * 10_000);
        var storage = new StorageCapacity(
            Liters(TemperatureZone.Ambient, 2_000_000), Liters(TemperatureZone.Chilled, 600_000), Liters(TemperatureZone.Frozen, 300_000),
            Math.Max(5_000, stock.Count * 6 / 5));
        return (stock, storage);
    }

    /// <summary>Days of expected demand an MFC holds: less for chilled, more for frozen, never more than a third of shelf life.</summary>
    public static double CoverDays(TemperatureZone zone, int? shelfLifeDays)
    {
        double cover = zone switch { TemperatureZone.Chilled => 2, TemperatureZone.Frozen => 5, _ => 4 };
        return shelfLifeDays is { } life ? Math.Min(cover, Math.Max(1, life / 3.0)) : cover;
    }

    private static StockLevel Level(string nodeId, string itemId, int capacity, double dailyUnits, DemoRandom random)
    {
        var onHand = Math.Clamp((int)Math.Round(capacity * random.NextDouble(0.8, 1.0)), 1, capacity);
        // MFCs are replenished daily: half a day of demand covers a late or short delivery.
        var safety = (int)Math.Min(capacity / 2, Math.Ceiling(dailyUnits / 2));
        return new StockLevel(nodeId, itemId, onHand, capacity, safety);
    }
}
