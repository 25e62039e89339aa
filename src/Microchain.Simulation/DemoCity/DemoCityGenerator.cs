using Microchain.Domain.Catalog;
using Microchain.Domain.Network;

namespace Microchain.Simulation.DemoCity;

/// <summary>
/// Generates a seeded demo city: a catalog, four segments, customers clustered in real neighbourhoods, lockers,
/// MFCs where demand is, a central DC in the logistics zone, suppliers and contracts, a fleet, and stocked shelves.
/// Pure: the same options give the same city; nothing reads the clock or shared randomness.
/// </summary>
public static class DemoCityGenerator
{
    public const string CentralDcId = "DC-01";

    // Each part draws from its own stream of the seed (see DemoRandom).
    private const ulong CatalogStream = 1, LockerStream = 2, CustomerStream = 3, SiteStream = 4, MfcStream = 5,
        SupplyStream = 6, DcStockStream = 7, MfcStockStream = 8, FleetStream = 9;

    public static DemoCity Generate(DemoCityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        var seed = options.Seed;
        var city = options.City;
        var density = new CityDensity(city, new LocalFrame(city.Center));

        var catalog = CatalogGenerator.Generate(options.Skus, new DemoRandom(seed, CatalogStream));
        var segments = DemoSegments.Build(catalog);
        var (lockers, lockerSites) = LockerPlacement.Place(options.ScaledLockers, city, density, new DemoRandom(seed, LockerStream));
        var lockerIds = lockers.Select(l => l.Id).ToArray();
        var (customers, homes, customerSegment) = CustomerGenerator.Generate(
            options.ScaledCustomers, density, segments, lockerIds, lockerSites, new DemoRandom(seed, CustomerStream));

        var orderWeights = customerSegment.Select(s => segments[s].Segment.OrdersPerCustomerPerWeek).ToArray();
        var sites = MfcPlacement.Place(options.ScaledMfcs, homes, orderWeights, density, new DemoRandom(seed, SiteStream));
        var homeMfc = new int[homes.Length];
        for (var c = 0; c < homes.Length; c++) homeMfc[c] = LocalFrame.Nearest(homes[c], sites);
        var demand = new DemandModel(catalog, segments, customerSegment, homeMfc, sites.Length);
        var mfcs = MfcBuilder.Build(sites, demand, density, city, new DemoRandom(seed, MfcStream));

        var cityDaily = Enumerable.Range(0, catalog.Skus.Count).Select(demand.CityDailyUnits).ToArray();
        var (bought, kits) = DcItems(catalog, cityDaily);
        var supply = SupplyGenerator.Generate(CentralDcId, bought, options.StartDate, density, new DemoRandom(seed, SupplyStream));
        var (dcStock, dcStorage) = StockPlanner.PlanDc(CentralDcId, bought, kits, supply.PrimaryLeadTimeDays, new DemoRandom(seed, DcStockStream));
        var dc = CentralDc(city, dcStorage, cityDaily.Sum());

        var stock = new List<StockLevel>(dcStock);
        var stockRandom = new DemoRandom(seed, MfcStockStream);
        for (var m = 0; m < mfcs.Length; m++) stock.AddRange(StockPlanner.PlanMfc(mfcs[m], m, catalog, demand, stockRandom));
        var vehicles = FleetGenerator.Generate(dc, mfcs, demand, segments, new DemoRandom(seed, FleetStream));

        return new DemoCity
        {
            Options = options,
            Network = new NetworkModel
            {
                Name = $"{city.Name} demo city (seed {seed})",
                Nodes = [dc, .. mfcs, .. lockers],
                Skus = catalog.Skus,
                Components = catalog.Components,
                Segments = segments.Select(s => s.Segment).ToArray(),
                Customers = customers,
                Suppliers = supply.Suppliers,
                Contracts = supply.Contracts,
                Vehicles = vehicles,
            },
            CentralDcId = CentralDcId,
            MfcIds = mfcs.Select(n => n.Id).ToArray(),
            LockerIds = lockerIds,
            SegmentProfiles = segments,
            SkuCategories = catalog.Categories,
            SkuPopularity = catalog.Popularity,
            SkuExpectedDailyUnits = cityDaily,
            CustomerHomeMfcIds = homeMfc.Select(m => mfcs[m].Id).ToArray(),
            Stock = stock,
        };
    }

    /// <summary>What the DC buys (every SKU except kits, and every component) and the kits it assembles from them.</summary>
    private static (List<SupplyGenerator.Item> Bought, List<SupplyGenerator.Item> Kits) DcItems(Catalog catalog, double[] cityDaily)
    {
        var items = new List<SupplyGenerator.Item>(catalog.Skus.Count + catalog.Components.Count);
        var kits = new List<SupplyGenerator.Item>();
        var componentDaily = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < catalog.Skus.Count; i++)
        {
            var sku = catalog.Skus[i];
            if (sku.Bom is { } bom)
            {
                foreach (var line in bom.Lines) componentDaily[line.ComponentId] = componentDaily.GetValueOrDefault(line.ComponentId) + cityDaily[i] * line.Quantity;
                kits.Add(new(sku.Id, SkuCategory.Kit, sku.Zone, sku.VolumeMilliliters, sku.ValueCents, false, cityDaily[i]));
                continue;
            }
            items.Add(new(sku.Id, catalog.Categories[i], sku.Zone, sku.VolumeMilliliters, sku.ValueCents, false, cityDaily[i]));
        }
        foreach (var c in catalog.Components)
        {
            // Components come from the supplier of the matching fresh, frozen or dry range.
            var category = c.Zone switch { TemperatureZone.Chilled => SkuCategory.Dairy, TemperatureZone.Frozen => SkuCategory.Frozen, _ => SkuCategory.Pantry };
            items.Add(new(c.Id, category, c.Zone, c.VolumeMilliliters, c.CostCents, true, componentDaily.GetValueOrDefault(c.Id)));
        }
        return (items, kits);
    }

    private static Node CentralDc(CityProfile city, StorageCapacity storage, double cityDailyUnits) => new()
    {
        Id = CentralDcId,
        Name = $"{city.Name} central DC",
        Kind = NodeKind.CentralDc,
        Location = city.LogisticsZone,
        Storage = storage,
        // Replenishment picks run overnight and early morning: the day's units in ~8 hours, with a floor.
        PickCapacityPerHour = (int)Math.Max(2_000, Math.Ceiling(cityDailyUnits / 8 / 100) * 100),
        AssemblyCapacityPerHour = 200,
        Hours = new OperatingHours(new TimeOnly(4, 0), new TimeOnly(22, 0)),
        // A ~20,000 m² regional DC: rent, staff base and equipment; cheaper picks than an MFC (pallet and case picking).
        Costs = new NodeCosts(FixedCostCentsPerDay: 1_500_000, PickCostCentsPerUnit: 8),
        ServiceRadiusMinutes = 120,
    };
}
