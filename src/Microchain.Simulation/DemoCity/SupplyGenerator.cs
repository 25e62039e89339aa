using Microchain.Domain.Catalog;
using Microchain.Domain.Supply;

namespace Microchain.Simulation.DemoCity;

/// <summary>
/// 3–5 regional suppliers, each the primary source of some categories, and short-term contracts into the DC for
/// every stocked item (SKUs and kit components); about a quarter of items also have a dearer backup contract.
/// </summary>
internal static class SupplyGenerator
{
    public const double BackupShare = 0.25;

    /// <param name="Fallback">Who takes the categories over when the city has fewer suppliers (always one of the first three).</param>
    private sealed record SupplierSpec(string Name, SkuCategory[] Categories, int Fallback);

    private static readonly SupplierSpec[] Specs =
    [
        new("Rhône-Alpes Fresh Produce", [SkuCategory.Produce, SkuCategory.Bakery], 0),
        new("Alpes Dairy Co-operative", [SkuCategory.Dairy], 1),
        new("Saône Dry Goods Wholesale", [SkuCategory.Pantry, SkuCategory.Drinks], 2),
        new("Surgelés du Dauphiné", [SkuCategory.Frozen], 1),
        new("Maison & Hygiène Distribution", [SkuCategory.Household, SkuCategory.PersonalCare], 2),
    ];

    public sealed record Result(Supplier[] Suppliers, SupplierContract[] Contracts, Dictionary<string, int> PrimaryLeadTimeDays);

    /// <summary>One item to buy: a SKU or a component, with what it costs the shop to sell and its expected daily use at the DC.</summary>
    public readonly record struct Item(string Id, SkuCategory Category, TemperatureZone Zone, int VolumeMl, long ValueCents, bool IsComponent, double DailyUnits);

    public static Result Generate(string dcId, IReadOnlyList<Item> items, DateOnly startDate, CityDensity density, DemoRandom random)
    {
        var count = random.NextInt(3, Specs.Length);
        var suppliers = new Supplier[count];
        for (var s = 0; s < count; s++)
        {
            // Regional suppliers 15–60 km out, in any direction.
            var angle = random.NextDouble() * 2 * Math.PI;
            var distance = random.NextDouble(15_000, 60_000);
            suppliers[s] = new Supplier
            {
                Id = $"SUP-{s + 1}",
                Name = Specs[s].Name,
                Location = density.Frame.ToGeo(distance * Math.Cos(angle), distance * Math.Sin(angle)),
            };
        }
        var primaryOf = new Dictionary<SkuCategory, int>();
        for (var s = 0; s < Specs.Length; s++)
        {
            foreach (var c in Specs[s].Categories) primaryOf[c] = s < count ? s : Specs[s].Fallback;
        }

        var contracts = new List<SupplierContract>(items.Count + items.Count / 3);
        var leadTimes = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        foreach (var item in items)
        {
            var primary = primaryOf[item.Category];
            var lead = LeadTimeDays(item, random);
            leadTimes[item.Id] = lead;
            contracts.Add(Contract(contracts.Count, suppliers[primary].Id, item, lead, 1.0, dcId, startDate, random));
            if (count > 1 && random.Chance(BackupShare))
            {
                var backup = (primary + 1 + random.NextInt(count - 1)) % count;
                contracts.Add(Contract(contracts.Count, suppliers[backup].Id, item, Math.Min(5, lead + 1), random.NextDouble(1.05, 1.12), dcId, startDate, random));
            }
        }
        return new Result(suppliers, contracts.ToArray(), leadTimes);
    }

    private static int LeadTimeDays(Item item, DemoRandom random) => item.Category switch
    {
        SkuCategory.Produce or SkuCategory.Bakery => 1,
        SkuCategory.Dairy => random.NextInt(1, 2),
        SkuCategory.Frozen => random.NextInt(2, 4),
        _ when item.Zone == TemperatureZone.Chilled => random.NextInt(1, 2),
        _ => random.NextInt(2, 5),
    };

    private static SupplierContract Contract(int index, string supplierId, Item item, int leadTimeDays, double costFactor,
        string dcId, DateOnly startDate, DemoRandom random)
    {
        var pack = item.VolumeMl switch { < 300 => 24, < 1_500 => 12, _ => 6 };
        // A shop buys at ~55–72% of shelf price; a component's value is already its cost.
        var margin = item.IsComponent ? random.NextDouble(0.85, 0.95) : random.NextDouble(0.55, 0.72);
        var unitCost = (long)Math.Max(1, Math.Floor(item.ValueCents * margin * costFactor));
        var moq = pack * random.NextInt(1, 4);
        var weekly = Math.Max(moq * 4.0, Math.Ceiling(item.DailyUnits * 7 * random.NextDouble(3, 8)));
        return new SupplierContract
        {
            Id = $"CTR-{index + 1:D6}",
            SupplierId = supplierId,
            SkuId = item.Id,
            NodeId = dcId,
            Start = startDate.AddDays(-random.NextInt(0, 30)),
            End = startDate.AddDays(random.NextInt(60, 180)),
            LeadTimeDays = leadTimeDays,
            MinimumOrderUnits = moq,
            PackSizeUnits = pack,
            UnitCostCents = Math.Min(unitCost, Math.Max(1, item.ValueCents - 1)),
            CapacityUnitsPerWeek = (int)Math.Min(int.MaxValue / 2, weekly),
        };
    }
}
