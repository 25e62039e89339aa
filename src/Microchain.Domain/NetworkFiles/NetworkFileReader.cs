using System.Text.Json;
using Microchain.Domain.Catalog;
using Microchain.Domain.Customers;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;
using L = Microchain.Domain.NetworkFiles.NetworkFileLimits;

namespace Microchain.Domain.NetworkFiles;

/// <summary>
/// Reads the JSON tree into <see cref="NetworkDocument"/> records: shapes, types, required fields, unknown properties,
/// limits and duplicate ids. An entity with any such error is kept as null (so later checks skip it) but its id is
/// still declared, so references to it do not cascade into more errors.
/// </summary>
internal sealed class NetworkFileReader(ErrorSink errors)
{
    public sealed class Entities<T>(string path) where T : class
    {
        public string Path { get; } = path;
        public List<T?> Items { get; } = [];
        /// <summary>Every id written in the file for this collection, readable or not.</summary>
        public HashSet<string> DeclaredIds { get; } = new(StringComparer.Ordinal);
        public string ItemPath(int index) => JsonPath.Index(Path, index);
    }

    public int FormatVersion { get; private set; } = L.FormatVersion;
    public string Name { get; private set; } = "";
    public Entities<NodeDto> Nodes { get; } = new("$.nodes");
    public Entities<SkuDto> Skus { get; } = new("$.skus");
    public Entities<ComponentDto> Components { get; } = new("$.components");
    public Entities<SegmentDto> Segments { get; } = new("$.segments");
    public Entities<CustomerDto> Customers { get; } = new("$.customers");
    public Entities<SupplierDto> Suppliers { get; } = new("$.suppliers");
    public Entities<ContractDto> Contracts { get; } = new("$.contracts");
    public Entities<VehicleDto> Vehicles { get; } = new("$.vehicles");
    public JsonElement? Rules { get; private set; }
    /// <summary>The <c>orderRules</c> section when present and readable.</summary>
    public OrderRulesDto? OrderRules { get; private set; }
    /// <summary>The <c>sourcing</c> section when present and readable.</summary>
    public SourcingDto? Sourcing { get; private set; }
    /// <summary>The <c>dispatch</c> section when present and readable.</summary>
    public DispatchDto? Dispatch { get; private set; }
    /// <summary>The <c>replenishment</c> section when present and readable.</summary>
    public ReplenishmentDto? Replenishment { get; private set; }
    /// <summary>Node kinds by id, for the check that a customer's locker is a locker.</summary>
    public Dictionary<string, NodeKind> NodeKinds { get; } = new(StringComparer.Ordinal);

    public void Read(JsonElement root)
    {
        if (JsonFields.Open(root, JsonPath.Root, errors) is not { } f) return;
        FormatVersion = f.Int("formatVersion", L.FormatVersion);
        if (FormatVersion != L.FormatVersion)
            errors.Add(f.At("formatVersion"), $"format version {FormatVersion} is not supported; this version reads {L.FormatVersion}");
        Name = NonBlank(f, "name");
        ReadAll(f, "nodes", L.MaxNodes, Nodes, ReadNode);
        ReadAll(f, "skus", L.MaxSkus, Skus, ReadSku);
        ReadAll(f, "components", L.MaxComponents, Components, ReadComponent);
        ReadAll(f, "segments", L.MaxSegments, Segments, ReadSegment);
        ReadAll(f, "customers", L.MaxCustomers, Customers, ReadCustomer);
        ReadAll(f, "suppliers", L.MaxSuppliers, Suppliers, ReadSupplier);
        ReadAll(f, "contracts", L.MaxContracts, Contracts, ReadContract);
        ReadAll(f, "vehicles", L.MaxVehicles, Vehicles, ReadVehicle);
        OrderRules = PolicySections.ReadOrderRules(f, errors);
        Sourcing = PolicySections.ReadSourcing(f, errors);
        Dispatch = DispatchSection.Read(f, errors);
        Replenishment = ReplenishmentSection.Read(f, errors);
        if (f.Raw("rules") is { } rules)
        {
            if (rules.ValueKind == JsonValueKind.Object) Rules = rules.Clone();
            else errors.Add(f.At("rules"), "must be an object");
        }
        f.Finish();
    }

    private void ReadAll<T>(JsonFields parent, string name, int max, Entities<T> into, Func<JsonFields, T> read) where T : class
    {
        var elements = parent.Array(name, max);
        for (var i = 0; i < elements.Count; i++)
        {
            var path = into.ItemPath(i);
            var before = errors.Count;
            T? item = null;
            if (JsonFields.Open(elements[i], path, errors) is { } f)
            {
                item = read(f);
                f.Finish();
            }
            into.Items.Add(errors.Count == before ? item : null);
            if (elements[i].ValueKind == JsonValueKind.Object && elements[i].TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                var text = id.GetString()!;
                if (!into.DeclaredIds.Add(text))
                    errors.Add(JsonPath.Property(path, "id"), $"duplicate id '{JsonPath.Describe(text)}'; ids must be unique within {name}");
            }
        }
    }

    private NodeDto ReadNode(JsonFields f)
    {
        var d = DomainDefaults.Node;
        var id = f.RequiredText("id");
        var before = errors.Count;
        var kind = f.RequiredEnum<NodeKind>("kind");
        if (errors.Count == before) NodeKinds.TryAdd(id, kind); // an unreadable kind must not make a locker look like a DC
        var node = new NodeDto(
            id, NonBlank(f, "name"), kind,
            Location(f.RequiredObject("location")), Storage(f.RequiredObject("storage")),
            f.Int("pickCapacityPerHour", d.PickCapacityPerHour), f.Int("assemblyCapacityPerHour", d.AssemblyCapacityPerHour),
            Hours(f.OptionalObject("hours")), Costs(f.OptionalObject("costs")),
            f.Enum("lifecycle", d.Lifecycle), f.Int("serviceRadiusMinutes", d.ServiceRadiusMinutes));
        return node;
    }

    private static StorageDto Storage(JsonFields? f)
    {
        if (f is null) return new StorageDto(0, 0, 0, 0);
        var storage = new StorageDto(f.Long("ambientLiters", 0), f.Long("chilledLiters", 0), f.Long("frozenLiters", 0), f.Int("slots", 0));
        f.Finish();
        return storage;
    }

    private static HoursDto Hours(JsonFields? f)
    {
        var all = DomainDefaults.Node.Hours;
        if (f is null) return new HoursDto(all.Open, all.Close);
        var hours = new HoursDto(f.RequiredTime("open"), f.RequiredTime("close"));
        f.Finish();
        return hours;
    }

    private static CostsDto Costs(JsonFields? f)
    {
        if (f is null) return new CostsDto(0, 0, 0);
        var costs = new CostsDto(f.Long("fixedCostCentsPerDay", 0), f.Long("pickCostCentsPerUnit", 0), f.Long("openingCostCents", 0));
        f.Finish();
        return costs;
    }

    private static LocationDto Location(JsonFields? f)
    {
        if (f is null) return new LocationDto(0, 0);
        var location = new LocationDto(f.RequiredDouble("lat"), f.RequiredDouble("lon"));
        f.Finish();
        return location;
    }

    private SkuDto ReadSku(JsonFields f)
    {
        var d = DomainDefaults.Sku;
        return new SkuDto(
            f.RequiredText("id"), NonBlank(f, "name"), f.RequiredInt("volumeMilliliters"), f.RequiredInt("weightGrams"),
            f.Enum("zone", d.Zone), f.Long("valueCents", d.ValueCents), f.OptionalInt("shelfLifeDays"), f.Bool("active", d.Active),
            Bom(f.OptionalObject("bom")));
    }

    private BomDto? Bom(JsonFields? f)
    {
        if (f is null) return null;
        var lines = f.Array("lines", L.MaxBomLines, required: true);
        var read = new List<BomLineDto>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            if (JsonFields.Open(lines[i], JsonPath.Index(f.At("lines"), i), errors) is not { } line) continue;
            read.Add(new BomLineDto(line.RequiredText("componentId"), line.RequiredInt("quantity")));
            line.Finish();
        }
        var bom = new BomDto(read, f.Int("assemblySeconds", 0));
        f.Finish();
        return bom;
    }

    private ComponentDto ReadComponent(JsonFields f) =>
        new(f.RequiredText("id"), NonBlank(f, "name"), f.RequiredInt("volumeMilliliters"),
            f.Enum("zone", DomainDefaults.Component.Zone), f.Long("costCents", DomainDefaults.Component.CostCents));

    private SegmentDto ReadSegment(JsonFields f)
    {
        var d = DomainDefaults.Segment;
        return new SegmentDto(
            f.RequiredText("id"), NonBlank(f, "name"), Promise(f.RequiredObject("promise")),
            f.Long("deliveryFeeCents", d.DeliveryFeeCents), f.Long("averageBasketCents", d.AverageBasketCents),
            f.Double("ordersPerCustomerPerWeek", d.OrdersPerCustomerPerWeek), f.Int("varietySkus", d.VarietySkus),
            f.Double("growthPerYear", d.GrowthPerYear), f.Double("serviceLevel", d.ServiceLevel));
    }

    private static PromiseDto Promise(JsonFields? f)
    {
        if (f is null) return new PromiseDto(default, 0);
        var promise = new PromiseDto(f.RequiredEnum<DeliveryMode>("mode"), f.RequiredInt("maxLeadTimeMinutes"));
        f.Finish();
        return promise;
    }

    private CustomerDto ReadCustomer(JsonFields f) =>
        new(f.RequiredText("id"), f.RequiredText("segmentId"), Location(f.RequiredObject("location")),
            f.Bool("blocked", DomainDefaults.Customer.Blocked), f.OptionalText("lockerId"));

    private SupplierDto ReadSupplier(JsonFields f) =>
        new(f.RequiredText("id"), NonBlank(f, "name"), f.OptionalObject("location") is { } at ? Location(at) : null,
            f.Bool("available", DomainDefaults.Supplier.Available));

    private ContractDto ReadContract(JsonFields f)
    {
        var d = DomainDefaults.Contract;
        return new ContractDto(
            f.RequiredText("id"), f.RequiredText("supplierId"), f.RequiredText("skuId"), f.RequiredText("nodeId"),
            f.RequiredDate("start"), f.RequiredDate("end"), f.Int("leadTimeDays", d.LeadTimeDays),
            f.Int("minimumOrderUnits", d.MinimumOrderUnits), f.Int("packSizeUnits", d.PackSizeUnits),
            f.Long("unitCostCents", d.UnitCostCents), f.OptionalInt("capacityUnitsPerWeek"));
    }

    private VehicleDto ReadVehicle(JsonFields f)
    {
        var d = DomainDefaults.Vehicle;
        return new VehicleDto(
            f.RequiredText("id"), f.RequiredText("nodeId"), f.RequiredEnum<VehicleKind>("kind"),
            f.RequiredInt("capacityWeightGrams"), f.RequiredInt("capacityVolumeMilliliters"), f.RequiredInt("capacityTotes"),
            f.Time("shiftStart", d.ShiftStart), f.Time("shiftEnd", d.ShiftEnd), f.Int("maxRouteMinutes", d.MaxRouteMinutes),
            f.Long("fixedCostCents", d.FixedCostCents), f.Long("costCentsPerKm", d.CostCentsPerKm), f.Long("costCentsPerHour", d.CostCentsPerHour),
            Skills(f));
    }

    private List<string> Skills(JsonFields f)
    {
        var skills = new List<string>();
        var elements = f.Array("skills", L.MaxSkillsPerVehicle);
        for (var i = 0; i < elements.Count; i++)
        {
            var path = JsonPath.Index(f.At("skills"), i);
            if (elements[i].ValueKind == JsonValueKind.String && elements[i].GetString() is { Length: > 0 and <= Limits.MaxIdLength } skill)
                skills.Add(skill);
            else errors.Add(path, $"must be a non-empty string of at most {Limits.MaxIdLength} characters");
        }
        return skills;
    }

    private string NonBlank(JsonFields f, string name)
    {
        var before = errors.Count;
        var text = f.RequiredText(name);
        if (errors.Count == before && string.IsNullOrWhiteSpace(text)) errors.Add(f.At(name), "must not be blank");
        return text;
    }
}
