using Microchain.Domain.Catalog;
using Microchain.Domain.Customers;
using Microchain.Domain.Fleet;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;
using Microchain.Domain.Supply;

namespace Microchain.Domain.NetworkFiles;

/// <summary>
/// Turns the records that read cleanly into domain objects and checks them with the domain's own
/// <c>Validate()</c> (the first broken rule of each entity, pointed at its field) and the references between them.
/// </summary>
internal sealed class NetworkFileValidator(NetworkFileReader file, ErrorSink errors)
{
    public NetworkModel Build() => new()
    {
        Name = file.Name,
        Nodes = Map(file.Nodes, ToNode),
        Skus = Map(file.Skus, ToSku),
        Components = Map(file.Components, ToComponent),
        Segments = Map(file.Segments, ToSegment),
        Customers = Map(file.Customers, ToCustomer),
        Suppliers = Map(file.Suppliers, ToSupplier),
        Contracts = Map(file.Contracts, ToContract),
        Vehicles = Map(file.Vehicles, ToVehicle),
        OrderRules = PolicySections.ToOrderRules(file.OrderRules, errors),
        SourcingPolicy = PolicySections.ToSourcingPolicy(file.Sourcing, file.Segments.DeclaredIds, errors),
        Dispatch = DispatchSection.ToPolicy(file.Dispatch, file.Nodes.DeclaredIds, errors),
        Replenishment = ReplenishmentSection.ToSettings(file.Replenishment, errors),
    };

    private static List<TOut> Map<TIn, TOut>(NetworkFileReader.Entities<TIn> entities, Func<TIn, string, TOut?> map)
        where TIn : class where TOut : class
    {
        var result = new List<TOut>(entities.Items.Count);
        for (var i = 0; i < entities.Items.Count; i++)
            if (entities.Items[i] is { } dto && map(dto, entities.ItemPath(i)) is { } mapped) result.Add(mapped);
        return result;
    }

    /// <summary>Runs a domain check; a <see cref="DomainException"/> becomes an error at the field its code names.</summary>
    private bool Check(string path, Action validate, Func<string, string?> fieldOf)
    {
        try
        {
            validate();
            return true;
        }
        catch (DomainException ex)
        {
            var field = ex.Code is "id.empty" or "id.too_long" ? "id" : fieldOf(ex.Code);
            errors.Add(field is null ? path : $"{path}.{field}", ex.Message);
            return false;
        }
    }

    private GeoPoint? Point(LocationDto dto, string path)
    {
        GeoPoint point = default;
        return Check(path, () => point = new GeoPoint(dto.Lat, dto.Lon), code => code == "geo.latitude" ? "lat" : "lon") ? point : null;
    }

    private void Reference(string path, string id, HashSet<string> declared, string what)
    {
        if (!declared.Contains(id)) errors.Add(path, $"refers to unknown {what} '{JsonPath.Describe(id)}'");
    }

    private Node? ToNode(NodeDto d, string path)
    {
        var location = Point(d.Location, $"{path}.location");
        var node = new Node
        {
            Id = d.Id, Name = d.Name, Kind = d.Kind, Location = location ?? default,
            Storage = new StorageCapacity(d.Storage.AmbientLiters, d.Storage.ChilledLiters, d.Storage.FrozenLiters, d.Storage.Slots),
            PickCapacityPerHour = d.PickCapacityPerHour, AssemblyCapacityPerHour = d.AssemblyCapacityPerHour,
            Hours = new OperatingHours(d.Hours.Open, d.Hours.Close),
            Costs = new NodeCosts(d.Costs.FixedCostCentsPerDay, d.Costs.PickCostCentsPerUnit, d.Costs.OpeningCostCents),
            Lifecycle = d.Lifecycle, ServiceRadiusMinutes = d.ServiceRadiusMinutes,
        };
        var valid = Check(path, node.Validate, code => code switch
        {
            "node.name" => "name",
            "node.pick_capacity" => d.PickCapacityPerHour < 0 ? "pickCapacityPerHour" : "assemblyCapacityPerHour",
            "node.service_radius" => "serviceRadiusMinutes",
            "node.capacity" => FirstNegative(("storage.ambientLiters", d.Storage.AmbientLiters), ("storage.chilledLiters", d.Storage.ChilledLiters),
                ("storage.frozenLiters", d.Storage.FrozenLiters), ("storage.slots", d.Storage.Slots)),
            "node.costs" => FirstNegative(("costs.fixedCostCentsPerDay", d.Costs.FixedCostCentsPerDay),
                ("costs.pickCostCentsPerUnit", d.Costs.PickCostCentsPerUnit), ("costs.openingCostCents", d.Costs.OpeningCostCents)),
            _ => null,
        });
        return valid && location is not null ? node : null;
    }

    private Sku? ToSku(SkuDto d, string path)
    {
        var sku = new Sku
        {
            Id = d.Id, Name = d.Name, VolumeMilliliters = d.VolumeMilliliters, WeightGrams = d.WeightGrams, Zone = d.Zone,
            ValueCents = d.ValueCents, ShelfLifeDays = d.ShelfLifeDays, Active = d.Active,
            Bom = d.Bom is null ? null : new BillOfMaterials([.. d.Bom.Lines.Select(l => new BomLine(l.ComponentId, l.Quantity))], d.Bom.AssemblySeconds),
        };
        var valid = Check(path, sku.Validate, code => code switch
        {
            "sku.name" => "name",
            "sku.volume" => "volumeMilliliters",
            "sku.weight" => "weightGrams",
            "sku.value" => "valueCents",
            "sku.shelf_life" => "shelfLifeDays",
            "bom.empty" => "bom.lines",
            "bom.assembly_time" => "bom.assemblySeconds",
            "bom.quantity" => $"bom.lines[{IndexOf(d.Bom!.Lines, l => l.Quantity <= 0)}].quantity",
            "bom.duplicate" => $"bom.lines[{IndexOfRepeat(d.Bom!.Lines.Select(l => l.ComponentId))}].componentId",
            _ => null,
        });
        if (d.Bom is not null)
            for (var i = 0; i < d.Bom.Lines.Count; i++)
                Reference($"{path}.bom.lines[{i}].componentId", d.Bom.Lines[i].ComponentId, file.Components.DeclaredIds, "component");
        return valid ? sku : null;
    }

    private Component? ToComponent(ComponentDto d, string path)
    {
        var component = new Component { Id = d.Id, Name = d.Name, VolumeMilliliters = d.VolumeMilliliters, Zone = d.Zone, CostCents = d.CostCents };
        return Check(path, component.Validate, code => code == "component.volume" ? "volumeMilliliters" : "costCents") ? component : null;
    }

    private Segment? ToSegment(SegmentDto d, string path)
    {
        var segment = new Segment
        {
            Id = d.Id, Name = d.Name, Promise = new ServicePromise(d.Promise.Mode, d.Promise.MaxLeadTimeMinutes),
            DeliveryFeeCents = d.DeliveryFeeCents, AverageBasketCents = d.AverageBasketCents,
            OrdersPerCustomerPerWeek = d.OrdersPerCustomerPerWeek, VarietySkus = d.VarietySkus,
            GrowthPerYear = d.GrowthPerYear, ServiceLevel = d.ServiceLevel,
        };
        return Check(path, segment.Validate, code => code switch
        {
            "segment.promise" => "promise.maxLeadTimeMinutes",
            "segment.price" => FirstNegative(("deliveryFeeCents", d.DeliveryFeeCents), ("averageBasketCents", d.AverageBasketCents)),
            "segment.volume" => "ordersPerCustomerPerWeek",
            "segment.variety" => "varietySkus",
            "segment.service_level" => "serviceLevel",
            _ => null,
        }) ? segment : null;
    }

    private Customer? ToCustomer(CustomerDto d, string path)
    {
        var location = Point(d.Location, $"{path}.location");
        var customer = new Customer { Id = d.Id, SegmentId = d.SegmentId, Location = location ?? default, Blocked = d.Blocked, LockerId = d.LockerId };
        var valid = Check(path, customer.Validate, _ => null);
        Reference($"{path}.segmentId", d.SegmentId, file.Segments.DeclaredIds, "segment");
        if (d.LockerId is { } locker)
        {
            Reference($"{path}.lockerId", locker, file.Nodes.DeclaredIds, "node");
            if (file.NodeKinds.TryGetValue(locker, out var kind) && kind != NodeKind.Locker)
                errors.Add($"{path}.lockerId", $"node '{JsonPath.Describe(locker)}' is a {EnumNames<NodeKind>.All[(int)kind]}, not a locker");
        }
        return valid && location is not null ? customer : null;
    }

    private Supplier? ToSupplier(SupplierDto d, string path)
    {
        GeoPoint? location = d.Location is null ? null : Point(d.Location, $"{path}.location");
        var supplier = new Supplier { Id = d.Id, Name = d.Name, Location = location, Available = d.Available };
        return Check(path, supplier.Validate, _ => null) && (d.Location is null || location is not null) ? supplier : null;
    }

    private SupplierContract? ToContract(ContractDto d, string path)
    {
        var contract = new SupplierContract
        {
            Id = d.Id, SupplierId = d.SupplierId, SkuId = d.SkuId, NodeId = d.NodeId, Start = d.Start, End = d.End,
            LeadTimeDays = d.LeadTimeDays, MinimumOrderUnits = d.MinimumOrderUnits, PackSizeUnits = d.PackSizeUnits,
            UnitCostCents = d.UnitCostCents, CapacityUnitsPerWeek = d.CapacityUnitsPerWeek ?? int.MaxValue,
        };
        var valid = Check(path, contract.Validate, code => code switch
        {
            "contract.dates" => "end",
            "contract.lead_time" => "leadTimeDays",
            "contract.quantities" => d.MinimumOrderUnits < 1 ? "minimumOrderUnits" : "packSizeUnits",
            "contract.cost" => "unitCostCents",
            "contract.capacity" => "capacityUnitsPerWeek",
            _ => null,
        });
        Reference($"{path}.supplierId", d.SupplierId, file.Suppliers.DeclaredIds, "supplier");
        // A contract may supply a sellable SKU or a component that modular products are assembled from.
        if (!file.Components.DeclaredIds.Contains(d.SkuId)) Reference($"{path}.skuId", d.SkuId, file.Skus.DeclaredIds, "sku");
        Reference($"{path}.nodeId", d.NodeId, file.Nodes.DeclaredIds, "node");
        return valid ? contract : null;
    }

    private Vehicle? ToVehicle(VehicleDto d, string path)
    {
        var vehicle = new Vehicle
        {
            Id = d.Id, NodeId = d.NodeId, Kind = d.Kind, CapacityWeightGrams = d.CapacityWeightGrams,
            CapacityVolumeMilliliters = d.CapacityVolumeMilliliters, CapacityTotes = d.CapacityTotes,
            ShiftStart = d.ShiftStart, ShiftEnd = d.ShiftEnd, MaxRouteMinutes = d.MaxRouteMinutes,
            FixedCostCents = d.FixedCostCents, CostCentsPerKm = d.CostCentsPerKm, CostCentsPerHour = d.CostCentsPerHour, Skills = d.Skills,
        };
        var valid = Check(path, vehicle.Validate, code => code switch
        {
            "vehicle.capacity" => FirstNegative(("capacityWeightGrams", d.CapacityWeightGrams - 1L),
                ("capacityVolumeMilliliters", d.CapacityVolumeMilliliters - 1L), ("capacityTotes", d.CapacityTotes - 1L)),
            "vehicle.max_route" => "maxRouteMinutes",
            "vehicle.costs" => FirstNegative(("fixedCostCents", d.FixedCostCents), ("costCentsPerKm", d.CostCentsPerKm), ("costCentsPerHour", d.CostCentsPerHour)),
            _ => null,
        });
        Reference($"{path}.nodeId", d.NodeId, file.Nodes.DeclaredIds, "node");
        return valid ? vehicle : null;
    }

    private static string? FirstNegative(params (string Field, long Value)[] fields) =>
        fields.FirstOrDefault(f => f.Value < 0).Field;

    private static int IndexOf<T>(IReadOnlyList<T> items, Func<T, bool> match)
    {
        for (var i = 0; i < items.Count; i++)
            if (match(items[i])) return i;
        return 0;
    }

    private static int IndexOfRepeat(IEnumerable<string> ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var id in ids)
        {
            if (!seen.Add(id)) return i;
            i++;
        }
        return 0;
    }
}
