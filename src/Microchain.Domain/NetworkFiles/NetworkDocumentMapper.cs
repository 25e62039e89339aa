using System.Text.Json;
using Microchain.Domain.Network;

namespace Microchain.Domain.NetworkFiles;

/// <summary>Domain → file records, for writing. Every field is written, so a file shows what the network really is.</summary>
internal static class NetworkDocumentMapper
{
    public static NetworkDocument ToDocument(NetworkModel m, JsonElement? rules) => new(
        NetworkFileLimits.FormatVersion,
        m.Name,
        [.. m.Nodes.Select(n => new NodeDto(
            n.Id, n.Name, n.Kind, new LocationDto(n.Location.Lat, n.Location.Lon),
            new StorageDto(n.Storage.AmbientLiters, n.Storage.ChilledLiters, n.Storage.FrozenLiters, n.Storage.Slots),
            n.PickCapacityPerHour, n.AssemblyCapacityPerHour, new HoursDto(n.Hours.Open, n.Hours.Close),
            new CostsDto(n.Costs.FixedCostCentsPerDay, n.Costs.PickCostCentsPerUnit, n.Costs.OpeningCostCents),
            n.Lifecycle, n.ServiceRadiusMinutes))],
        [.. m.Skus.Select(s => new SkuDto(
            s.Id, s.Name, s.VolumeMilliliters, s.WeightGrams, s.Zone, s.ValueCents, s.ShelfLifeDays, s.Active,
            s.Bom is null ? null : new BomDto([.. s.Bom.Lines.Select(l => new BomLineDto(l.ComponentId, l.Quantity))], s.Bom.AssemblySeconds)))],
        [.. m.Components.Select(c => new ComponentDto(c.Id, c.Name, c.VolumeMilliliters, c.Zone, c.CostCents))],
        [.. m.Segments.Select(s => new SegmentDto(
            s.Id, s.Name, new PromiseDto(s.Promise.Mode, s.Promise.MaxLeadTimeMinutes), s.DeliveryFeeCents, s.AverageBasketCents,
            s.OrdersPerCustomerPerWeek, s.VarietySkus, s.GrowthPerYear, s.ServiceLevel))],
        [.. m.Customers.Select(c => new CustomerDto(c.Id, c.SegmentId, new LocationDto(c.Location.Lat, c.Location.Lon), c.Blocked, c.LockerId))],
        [.. m.Suppliers.Select(s => new SupplierDto(
            s.Id, s.Name, s.Location is { } at ? new LocationDto(at.Lat, at.Lon) : null, s.Available))],
        [.. m.Contracts.Select(c => new ContractDto(
            c.Id, c.SupplierId, c.SkuId, c.NodeId, c.Start, c.End, c.LeadTimeDays, c.MinimumOrderUnits, c.PackSizeUnits,
            c.UnitCostCents, c.CapacityUnitsPerWeek == int.MaxValue ? null : c.CapacityUnitsPerWeek))],
        [.. m.Vehicles.Select(v => new VehicleDto(
            v.Id, v.NodeId, v.Kind, v.CapacityWeightGrams, v.CapacityVolumeMilliliters, v.CapacityTotes, v.ShiftStart, v.ShiftEnd,
            v.MaxRouteMinutes, v.FixedCostCents, v.CostCentsPerKm, v.CostCentsPerHour, [.. v.Skills]))],
        PolicySections.ToDto(m.OrderRules),
        PolicySections.ToDto(m.SourcingPolicy),
        DispatchSection.ToDto(m.Dispatch),
        ReplenishmentSection.ToDto(m.Replenishment),
        rules);
}
