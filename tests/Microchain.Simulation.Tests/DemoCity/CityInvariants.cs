using Microchain.Domain.Catalog;
using Microchain.Domain.Inventory;
using Microchain.Domain.Network;
using Xunit;
using GeneratedCity = Microchain.Simulation.DemoCity.DemoCity;

namespace Microchain.Simulation.Tests.DemoCity;

/// <summary>What every generated city must satisfy, whatever its options.</summary>
internal static class CityInvariants
{
    public static void AssertValid(GeneratedCity city)
    {
        var network = city.Network;
        var options = city.Options;
        Assert.Single(network.Nodes, n => n.Kind == NodeKind.CentralDc);
        Assert.Equal(options.ScaledMfcs, network.Nodes.Count(n => n.Kind == NodeKind.Mfc));
        Assert.Equal(options.ScaledLockers, network.Nodes.Count(n => n.Kind == NodeKind.Locker));
        Assert.Equal(options.Skus, network.Skus.Count);
        Assert.Equal(options.ScaledCustomers, network.Customers.Count);
        Assert.Equal(4, network.Segments.Count);

        foreach (var node in network.Nodes) node.Validate();
        foreach (var sku in network.Skus) sku.Validate();
        foreach (var component in network.Components) component.Validate();
        foreach (var segment in network.Segments) segment.Validate();
        foreach (var customer in network.Customers) customer.Validate();
        foreach (var supplier in network.Suppliers) supplier.Validate();
        foreach (var contract in network.Contracts) contract.Validate();
        foreach (var vehicle in network.Vehicles) vehicle.Validate();
        foreach (var level in city.Stock) _ = new InventoryPosition(level.OnHand, 0, 0, level.Capacity, level.SafetyStock);

        AssertUnique(network.Nodes.Select(n => n.Id));
        AssertUnique(network.Skus.Select(s => s.Id).Concat(network.Components.Select(c => c.Id)));
        AssertUnique(network.Customers.Select(c => c.Id));
        AssertUnique(network.Contracts.Select(c => c.Id));
        AssertUnique(network.Vehicles.Select(v => v.Id));
        AssertUnique(city.Stock.Select(s => (s.NodeId, s.SkuId)));

        var nodes = network.Nodes.ToDictionary(n => n.Id);
        var items = network.Skus.Select(s => s.Id).Concat(network.Components.Select(c => c.Id)).ToHashSet();
        var segments = network.Segments.Select(s => s.Id).ToHashSet();
        var suppliers = network.Suppliers.Select(s => s.Id).ToHashSet();
        Assert.All(network.Customers, c => Assert.Contains(c.SegmentId, segments));
        Assert.All(network.Customers.Where(c => c.LockerId is not null), c => Assert.Equal(NodeKind.Locker, nodes[c.LockerId!].Kind));
        Assert.All(network.Vehicles, v => Assert.True(nodes[v.NodeId].Kind is NodeKind.Mfc or NodeKind.CentralDc));
        Assert.All(network.Contracts, c => Assert.True(suppliers.Contains(c.SupplierId) && items.Contains(c.SkuId) && nodes[c.NodeId].Kind == NodeKind.CentralDc));
        Assert.All(network.Skus.Where(s => s.IsModular).SelectMany(s => s.Bom!.Lines), l => Assert.Contains(l.ComponentId, items));
        Assert.All(city.Stock, s => Assert.True(items.Contains(s.SkuId) && nodes[s.NodeId].Kind is NodeKind.Mfc or NodeKind.CentralDc));
        Assert.All(city.CustomerHomeMfcIds, id => Assert.Equal(NodeKind.Mfc, nodes[id].Kind));

        var center = options.City.Center;
        var radiusMeters = options.City.RadiusKm * 1_000;
        Assert.All(network.Customers, c => Assert.InRange(center.HaversineMetersTo(c.Location), 0, radiusMeters));
        Assert.All(network.Nodes, n => Assert.InRange(center.HaversineMetersTo(n.Location), 0, radiusMeters));
        AssertFits(city);
    }

    /// <summary>At every node and zone, Σ capacity × unit volume ≤ the zone's liters; stocked items ≤ slots.</summary>
    public static void AssertFits(GeneratedCity city)
    {
        foreach (var node in city.Network.Nodes)
        {
            var used = UsedMilliliters(city, node);
            foreach (var zone in Enum.GetValues<TemperatureZone>())
                Assert.True(used[zone] <= node.Storage.LitersFor(zone) * 1_000, $"{node.Id} {zone}: {used[zone]} ml in {node.Storage.LitersFor(zone)} L");
            Assert.InRange(city.Stock.Count(s => s.NodeId == node.Id), 0, node.Storage.Slots);
        }
    }

    public static Dictionary<TemperatureZone, long> UsedMilliliters(GeneratedCity city, Node node)
    {
        var volume = city.Network.Skus.ToDictionary(s => s.Id, s => (s.VolumeMilliliters, s.Zone));
        foreach (var c in city.Network.Components) volume[c.Id] = (c.VolumeMilliliters, c.Zone);
        var used = Enum.GetValues<TemperatureZone>().ToDictionary(z => z, _ => 0L);
        foreach (var s in city.Stock.Where(s => s.NodeId == node.Id))
        {
            var (ml, zone) = volume[s.SkuId];
            used[zone] += (long)s.Capacity * ml;
        }
        return used;
    }

    public static void AssertUnique<T>(IEnumerable<T> values)
    {
        var all = values.ToArray();
        var duplicates = all.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key).Take(3).ToArray();
        Assert.True(duplicates.Length == 0, $"duplicates: {string.Join(", ", duplicates)}");
    }
}
