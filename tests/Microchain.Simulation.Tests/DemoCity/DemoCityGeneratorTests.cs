using Microchain.Domain.Catalog;
using Microchain.Domain.Customers;
using Microchain.Domain.Network;
using Microchain.Simulation.DemoCity;
using Xunit;

namespace Microchain.Simulation.Tests.DemoCity;

public sealed class DemoCityGeneratorTests
{
    private static readonly Simulation.DemoCity.DemoCity City = DemoCities.Default;
    private static NetworkModel Network => City.Network;

    [Fact]
    public void Generate_defaults_countsMatchTheOptions()
    {
        Assert.Single(Network.Nodes, n => n.Kind == NodeKind.CentralDc);
        Assert.Equal(8, Network.Nodes.Count(n => n.Kind == NodeKind.Mfc));
        Assert.Equal(4, Network.Nodes.Count(n => n.Kind == NodeKind.Locker));
        Assert.Equal(13, Network.Nodes.Count);
        Assert.Equal(2_000, Network.Skus.Count);
        Assert.Equal(4, Network.Segments.Count);
        Assert.Equal(20_000, Network.Customers.Count);
        Assert.InRange(Network.Suppliers.Count, 3, 5);
        Assert.Equal(Network.Skus.Count, City.SkuPopularity.Count);
        Assert.Equal(Network.Skus.Count, City.SkuCategories.Count);
        Assert.Equal(Network.Customers.Count, City.CustomerHomeMfcIds.Count);
    }

    [Fact]
    public void Generate_scaledOptions_countsFollowTheScale()
    {
        var small = DemoCities.Small;

        Assert.Equal(2_000, small.Network.Customers.Count);
        Assert.Single(small.MfcIds);
        Assert.Single(small.LockerIds);
        Assert.Equal(300, small.Network.Skus.Count);
    }

    [Fact]
    public void Generate_sameSeed_identicalCity()
    {
        CityAssert.Same(City, DemoCityGenerator.Generate(new DemoCityOptions()));
    }

    [Fact]
    public void Generate_differentSeed_differentCity()
    {
        var other = DemoCityGenerator.Generate(DemoCities.SmallOptions with { Seed = 8 });
        var small = DemoCities.Small;

        Assert.NotEqual(small.Network.Customers.Select(c => c.Location), other.Network.Customers.Select(c => c.Location));
        Assert.NotEqual(small.Network.Skus.Select(s => s.Name), other.Network.Skus.Select(s => s.Name));
        Assert.NotEqual(small.SkuPopularity, other.SkuPopularity);
    }

    [Fact]
    public void Generate_moreCustomers_keepsTheSameCatalog()
    {
        var bigger = DemoCityGenerator.Generate(DemoCities.SmallOptions with { Customers = 25_000 });

        Assert.Equal(DemoCities.Small.Network.Skus.Select(s => s.Name), bigger.Network.Skus.Select(s => s.Name));
    }

    [Fact]
    public void Generate_defaults_partsValidIdsUniqueReferencesResolveWithinBoundsAndFit()
    {
        CityInvariants.AssertValid(City);
    }

    [Fact]
    public void Generate_ids_areWellFormedAndNamesUnique()
    {
        CityInvariants.AssertUnique(Network.Skus.Select(s => s.Name));
        Assert.Equal("SKU-00001", Network.Skus[0].Id);
        Assert.Equal("CUS-0000001", Network.Customers[0].Id);
        Assert.Equal(["express-30min", "same-day", "next-day-planned", "locker-pickup"], Network.Segments.Select(s => s.Id));
        Assert.Equal(City.CentralDcId, Network.Nodes.Single(n => n.Kind == NodeKind.CentralDc).Id);
    }

    [Fact]
    public void Generate_dc_standsInTheLogisticsZone()
    {
        Assert.Equal(City.Options.City.LogisticsZone, Network.FindNode(City.CentralDcId)!.Location);
        Assert.InRange(City.Options.City.Center.HaversineMetersTo(City.Options.City.LogisticsZone), 5_000, 25_000);
    }

    [Fact]
    public void Generate_customers_clusterInNeighbourhoods()
    {
        var hoods = City.Options.City.Neighbourhoods;
        var nearest = Network.Customers.Select(c => hoods.MinBy(h => h.Center.HaversineMetersTo(c.Location))).ToArray();
        var villeurbanne = nearest.Count(h => h.Name == "Villeurbanne") / (double)nearest.Length;
        var ecully = nearest.Count(h => h.Name == "Écully") / (double)nearest.Length;

        // Villeurbanne has ~13% of the population, Écully ~1.5%.
        Assert.InRange(villeurbanne, 0.09, 0.18);
        Assert.InRange(ecully, 0.005, 0.03);
        Assert.InRange(Network.Customers.Average(c => hoods.Min(h => h.Center.HaversineMetersTo(c.Location))), 300, 1_200);
    }

    [Fact]
    public void Generate_pickupCustomers_useTheirNearestLocker()
    {
        var lockers = Network.Nodes.Where(n => n.Kind == NodeKind.Locker).ToArray();
        var pickup = Network.Customers.Where(c => c.SegmentId == "locker-pickup").ToArray();

        Assert.InRange(pickup.Length / (double)Network.Customers.Count, 0.08, 0.25);
        // Nearest up to rounding: the generator measures on a flat local frame.
        Assert.All(pickup, c => Assert.InRange(
            Network.FindNode(c.LockerId!)!.Location.HaversineMetersTo(c.Location),
            0, 1.001 * lockers.Min(l => l.Location.HaversineMetersTo(c.Location)) + 1));
        Assert.All(Network.Customers.Where(c => c.SegmentId != "locker-pickup"), c => Assert.Null(c.LockerId));
    }

    [Fact]
    public void Generate_blockedCustomers_areAboutOnePercent()
    {
        Assert.InRange(Network.Customers.Count(c => c.Blocked), 100, 300);
    }

    [Fact]
    public void Generate_noLockers_noPickupCustomers()
    {
        var city = DemoCityGenerator.Generate(DemoCities.SmallOptions with { Lockers = 0 });

        Assert.Empty(city.LockerIds);
        Assert.DoesNotContain(city.Network.Customers, c => c.SegmentId == "locker-pickup" || c.LockerId is not null);
        Assert.Equal(4, city.Network.Segments.Count);
    }

    [Fact]
    public void Generate_segments_haveDistinctPromisesAndPrices()
    {
        var s = Network.Segments.ToDictionary(x => x.Id);

        Assert.Equal(ServicePromise.ThirtyMinutes, s["express-30min"].Promise);
        Assert.Equal(DeliveryMode.LockerPickup, s["locker-pickup"].Promise.Mode);
        Assert.True(s["express-30min"].DeliveryFeeCents > s["next-day-planned"].DeliveryFeeCents);
        Assert.True(s["express-30min"].AverageBasketCents < s["next-day-planned"].AverageBasketCents);
        Assert.True(s["express-30min"].VarietySkus < s["next-day-planned"].VarietySkus);
        Assert.Equal(2_000, s["next-day-planned"].VarietySkus);
        Assert.All(Network.Segments, x => Assert.InRange(x.AverageBasketCents, 1_000, 20_000));
    }

    [Fact]
    public void Generate_mfcs_standNearTheDensestNeighbourhoods()
    {
        var mfcs = Network.Nodes.Where(n => n.Kind == NodeKind.Mfc).ToArray();
        var densest = City.Options.City.Neighbourhoods.OrderByDescending(h => h.Population).Take(3);

        Assert.All(densest, h => Assert.InRange(mfcs.Min(m => m.Location.HaversineMetersTo(h.Center)), 0, 2_500));
        var homeDistance = Network.Customers.Select((c, i) => c.Location.HaversineMetersTo(Network.FindNode(City.CustomerHomeMfcIds[i])!.Location)).Average();
        Assert.InRange(homeDistance, 0, 3_000);
    }
}
