using System.Text.Json;
using Microchain.Domain.Catalog;
using Microchain.Domain.Customers;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;

namespace Microchain.Domain.NetworkFiles;

// The network file format (docs/network-format.md), one record per JSON object, in file order. Written with
// camelCase names; read by NetworkFileReader. These records, not the domain classes, define the format.

/// <summary>The whole file. <see cref="Rules"/> is kept as written for the per-tenant order validation rules.</summary>
public sealed record NetworkDocument(
    int FormatVersion,
    string Name,
    IReadOnlyList<NodeDto> Nodes,
    IReadOnlyList<SkuDto> Skus,
    IReadOnlyList<ComponentDto> Components,
    IReadOnlyList<SegmentDto> Segments,
    IReadOnlyList<CustomerDto> Customers,
    IReadOnlyList<SupplierDto> Suppliers,
    IReadOnlyList<ContractDto> Contracts,
    IReadOnlyList<VehicleDto> Vehicles,
    OrderRulesDto OrderRules,
    SourcingDto Sourcing,
    DispatchDto Dispatch,
    ReplenishmentDto Replenishment,
    JsonElement? Rules);

public sealed record LocationDto(double Lat, double Lon);

public sealed record NodeDto(
    string Id, string Name, NodeKind Kind, LocationDto Location, StorageDto Storage,
    int PickCapacityPerHour, int AssemblyCapacityPerHour, HoursDto Hours, CostsDto Costs,
    NodeLifecycle Lifecycle, int ServiceRadiusMinutes);

public sealed record StorageDto(long AmbientLiters, long ChilledLiters, long FrozenLiters, int Slots);

/// <summary>Local times of day, written <c>HH:mm</c>; open = close means open all day.</summary>
public sealed record HoursDto(TimeOnly Open, TimeOnly Close);

public sealed record CostsDto(long FixedCostCentsPerDay, long PickCostCentsPerUnit, long OpeningCostCents);

public sealed record SkuDto(
    string Id, string Name, int VolumeMilliliters, int WeightGrams, TemperatureZone Zone, long ValueCents,
    int? ShelfLifeDays, bool Active, BomDto? Bom);

public sealed record BomDto(IReadOnlyList<BomLineDto> Lines, int AssemblySeconds);

public sealed record BomLineDto(string ComponentId, int Quantity);

public sealed record ComponentDto(string Id, string Name, int VolumeMilliliters, TemperatureZone Zone, long CostCents);

public sealed record SegmentDto(
    string Id, string Name, PromiseDto Promise, long DeliveryFeeCents, long AverageBasketCents,
    double OrdersPerCustomerPerWeek, int VarietySkus, double GrowthPerYear, double ServiceLevel);

public sealed record PromiseDto(DeliveryMode Mode, int MaxLeadTimeMinutes);

public sealed record CustomerDto(string Id, string SegmentId, LocationDto Location, bool Blocked, string? LockerId);

public sealed record SupplierDto(string Id, string Name, LocationDto? Location, bool Available);

/// <summary>Dates are <c>yyyy-MM-dd</c>; a null capacity means unlimited.</summary>
public sealed record ContractDto(
    string Id, string SupplierId, string SkuId, string NodeId, DateOnly Start, DateOnly End,
    int LeadTimeDays, int MinimumOrderUnits, int PackSizeUnits, long UnitCostCents, int? CapacityUnitsPerWeek);

/// <summary>Shift times are local times of day, <c>HH:mm</c>.</summary>
public sealed record VehicleDto(
    string Id, string NodeId, VehicleKind Kind, int CapacityWeightGrams, int CapacityVolumeMilliliters, int CapacityTotes,
    TimeOnly ShiftStart, TimeOnly ShiftEnd, int MaxRouteMinutes, long FixedCostCents, long CostCentsPerKm, long CostCentsPerHour,
    IReadOnlyList<string> Skills);

/// <summary>The tenant's order rules; the UTC offset is written <c>"+HH:mm"</c> or <c>"-HH:mm"</c>.</summary>
public sealed record OrderRulesDto(
    int MaxLines, int MaxQuantityPerLine, long MinOrderValueCents, long MaxOrderValueCents, bool FrozenWithAmbientAllowed,
    bool ZoneStorageRequired, int MinLeadMinutes, int MaxAdvanceDays, int MaxWindowMinutes, bool WindowRequired, string LocalUtcOffset);

/// <summary>The sourcing policy: default strategy, default cost weights and overrides per segment (sorted by segment id when written).</summary>
public sealed record SourcingDto(string Strategy, WeightsDto Weights, IReadOnlyList<SegmentWeightsDto> SegmentWeights);

public sealed record WeightsDto(
    long LastMileCentsPerKm, long LastMileCentsPerStop, long SplitPenaltyCents, long LoadPenaltyCentsPerUnit,
    long StockBalancePenaltyCentsPerUnit, double TargetDaysOfCover, int MaxNodesPerOrder);

/// <summary>A segment's weights; fields left out take the policy's <c>weights</c>.</summary>
public sealed record SegmentWeightsDto(
    string SegmentId, long LastMileCentsPerKm, long LastMileCentsPerStop, long SplitPenaltyCents, long LoadPenaltyCentsPerUnit,
    long StockBalancePenaltyCentsPerUnit, double TargetDaysOfCover, int MaxNodesPerOrder)
{
    public WeightsDto ToWeights() => new(LastMileCentsPerKm, LastMileCentsPerStop, SplitPenaltyCents, LoadPenaltyCentsPerUnit,
        StockBalancePenaltyCentsPerUnit, TargetDaysOfCover, MaxNodesPerOrder);
}

/// <summary>Dispatch waves: the default schedule, locker hold and ETA window, and schedules per node (sorted by node id when written).</summary>
public sealed record DispatchDto(
    int WaveIntervalMinutes, IReadOnlyList<TimeOnly> CutOffs, bool FailedToLocker, int LockerHoldHours, int EtaWindowMinutes,
    IReadOnlyList<NodeScheduleDto> Nodes);

/// <summary>A node's schedule; fields left out take the section's defaults.</summary>
public sealed record NodeScheduleDto(string NodeId, int WaveIntervalMinutes, IReadOnlyList<TimeOnly> CutOffs, bool FailedToLocker);
