using Microchain.Domain.Catalog;
using Microchain.Domain.Network;
using Microchain.Domain.NetworkFiles;

namespace Microchain.Domain.Tests.NetworkFiles;

/// <summary>Pins the defaults documented in docs/network-format.md to what the parser really does.</summary>
public sealed class NetworkFileDefaultsTests
{
    private const string Minimal = """
        {
          "name": "minimal",
          "nodes": [ { "id": "n", "name": "N", "kind": "mfc", "location": { "lat": 1, "lon": 2 }, "storage": {} } ],
          "skus": [ { "id": "s", "name": "S", "volumeMilliliters": 1, "weightGrams": 1 } ],
          "components": [ { "id": "p", "name": "P", "volumeMilliliters": 1 } ],
          "segments": [ { "id": "g", "name": "G", "promise": { "mode": "lockerPickup", "maxLeadTimeMinutes": 60 } } ],
          "customers": [ { "id": "c", "segmentId": "g", "location": { "lat": 1, "lon": 2 } } ],
          "suppliers": [ { "id": "f", "name": "F" } ],
          "contracts": [ { "id": "k", "supplierId": "f", "skuId": "s", "nodeId": "n", "start": "2026-01-01", "end": "2026-01-01" } ],
          "vehicles": [ { "id": "v", "nodeId": "n", "kind": "walker", "capacityWeightGrams": 1, "capacityVolumeMilliliters": 1, "capacityTotes": 1 } ]
        }
        """;

    [Fact]
    public void Parse_minimalEntities_takeTheDocumentedDefaults()
    {
        var result = NetworkFile.Parse(Minimal, "minimal.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var m = result.Network;

        var node = Assert.Single(m.Nodes);
        Assert.Equal(new StorageCapacity(0, 0, 0, 0), node.Storage);
        Assert.Equal((0, 0, 30, NodeLifecycle.Open), (node.PickCapacityPerHour, node.AssemblyCapacityPerHour, node.ServiceRadiusMinutes, node.Lifecycle));
        Assert.Equal(OperatingHours.AllDay, node.Hours);
        Assert.Equal(new NodeCosts(0, 0, 0), node.Costs);

        var sku = Assert.Single(m.Skus);
        Assert.Equal((TemperatureZone.Ambient, 0L, (int?)null, true, false), (sku.Zone, sku.ValueCents, sku.ShelfLifeDays, sku.Active, sku.IsModular));
        Assert.Equal((TemperatureZone.Ambient, 0L), (m.Components[0].Zone, m.Components[0].CostCents));

        var segment = Assert.Single(m.Segments);
        Assert.Equal((0L, 0L, 0.0, 0, 0.0, 0.95),
            (segment.DeliveryFeeCents, segment.AverageBasketCents, segment.OrdersPerCustomerPerWeek, segment.VarietySkus, segment.GrowthPerYear, segment.ServiceLevel));

        Assert.Equal((false, (string?)null), (m.Customers[0].Blocked, m.Customers[0].LockerId));
        Assert.Equal((true, (Microchain.Domain.Geo.GeoPoint?)null), (m.Suppliers[0].Available, m.Suppliers[0].Location));

        var contract = Assert.Single(m.Contracts);
        Assert.Equal((0, 1, 1, 0L, int.MaxValue),
            (contract.LeadTimeDays, contract.MinimumOrderUnits, contract.PackSizeUnits, contract.UnitCostCents, contract.CapacityUnitsPerWeek));

        var vehicle = Assert.Single(m.Vehicles);
        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(22, 0), 240, 0L, 0L, 0L),
            (vehicle.ShiftStart, vehicle.ShiftEnd, vehicle.MaxRouteMinutes, vehicle.FixedCostCents, vehicle.CostCentsPerKm, vehicle.CostCentsPerHour));
        Assert.Empty(vehicle.Skills);
    }

    [Fact]
    public void Parse_nullOptionalField_takesTheDefault()
    {
        var result = NetworkFile.Parse(Minimal.Replace("\"storage\": {}", "\"storage\": {}, \"lifecycle\": null"), "minimal.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(NodeLifecycle.Open, result.Network.Nodes[0].Lifecycle);
    }

    [Fact]
    public void Parse_nullRequiredField_isRequired()
    {
        var result = NetworkFile.Parse(Minimal.Replace("\"kind\": \"mfc\"", "\"kind\": null"), "minimal.json");
        var error = Assert.Single(result.Errors);
        Assert.Equal(("$.nodes[0].kind", "is required", 3), (error.Path, error.Message, error.Line));
    }
}
