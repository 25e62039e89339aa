using Microchain.Domain.Dispatch;
using Microchain.Domain.Catalog;
using Microchain.Domain.Customers;
using Microchain.Domain.Fleet;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;
using Microchain.Domain.Supply;
using Microchain.Domain.Validation;

namespace Microchain.Domain.Tests.NetworkFiles;

/// <summary>Valid random networks. Ids are "prefix + index + random suffix" so they are unique yet exercise escaping.</summary>
internal static class NetworkModelGen
{
    private static readonly Gen<string> Suffix = Gen.String[Gen.Char["abcXYZ09 -_.,é'\"\\/:[]"], 0, 10];
    private static readonly Gen<string> Name = Gen.String[Gen.Char["abc XYZ-éü’&"], 0, 30].Select(s => "N" + s);
    private static readonly Gen<GeoPoint> Point = Gen.Select(Gen.Double[-90, 90], Gen.Double[-180, 180], (lat, lon) => new GeoPoint(lat, lon));
    private static readonly Gen<TimeOnly> Time = Gen.Frequency(
        (3, Gen.Int[0, 24 * 60 - 1].Select(m => new TimeOnly(m / 60, m % 60))),
        (1, Gen.Int[0, 86_399].Select(s => TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(s)))));
    private static readonly Gen<long> Cents = Gen.Long[0, 10_000_000_000];

    private static readonly Gen<Node> Node = Gen.Select(
        Gen.Select(Suffix, Name, Gen.Enum<NodeKind>(), Point),
        Gen.Select(Gen.Long[0, 1_000_000_000], Gen.Long[0, 1_000_000], Gen.Long[0, 1_000_000], Gen.Int[0, 100_000], (a, c, f, s) => new StorageCapacity(a, c, f, s)),
        Gen.Select(Gen.Int[0, 5_000], Gen.Int[0, 200], Time, Time, Gen.Enum<NodeLifecycle>(), Gen.Int[0, 1_440]),
        Gen.Select(Cents, Cents, Cents, (fixedCost, pick, opening) => new NodeCosts(fixedCost, pick, opening)),
        (head, storage, more, costs) => new Node
        {
            Id = head.Item1, Name = head.Item2, Kind = head.Item3, Location = head.Item4, Storage = storage,
            PickCapacityPerHour = more.Item1, AssemblyCapacityPerHour = more.Item2, Hours = new OperatingHours(more.Item3, more.Item4),
            Lifecycle = more.Item5, ServiceRadiusMinutes = more.Item6, Costs = costs,
        });

    private static readonly Gen<Component> Component = Gen.Select(Suffix, Name, Gen.Int[1, 100_000], Gen.Enum<TemperatureZone>(), Cents,
        (id, name, volume, zone, cost) => new Component { Id = id, Name = name, VolumeMilliliters = volume, Zone = zone, CostCents = cost });

    /// <summary>A SKU and, when modular, how many components its bill of materials uses (resolved against the generated components).</summary>
    private static readonly Gen<(Sku Sku, int BomLines, int AssemblySeconds)> Sku = Gen.Select(
        Gen.Select(Suffix, Name, Gen.Int[1, 500_000], Gen.Int[1, 1_000_000], Gen.Enum<TemperatureZone>(), Cents),
        Gen.Int[1, 3650].Nullable(), Gen.Bool, Gen.Frequency((3, Gen.Const(0)), (1, Gen.Int[1, 3])), Gen.Int[0, 3_600],
        (head, shelfLife, active, bomLines, seconds) => (new Sku
        {
            Id = head.Item1, Name = head.Item2, VolumeMilliliters = head.Item3, WeightGrams = head.Item4, Zone = head.Item5,
            ValueCents = head.Item6, ShelfLifeDays = shelfLife, Active = active,
        }, bomLines, seconds));

    private static readonly Gen<Segment> Segment = Gen.Select(
        Gen.Select(Suffix, Name, Gen.Enum<DeliveryMode>(), Gen.Int[1, 10_080]),
        Gen.Select(Cents, Cents, Gen.Double[0, 50], Gen.Int[0, 100_000], Gen.Double[-0.5, 3], Gen.Double[0.5, 0.999]),
        (head, more) => new Segment
        {
            Id = head.Item1, Name = head.Item2, Promise = new ServicePromise(head.Item3, head.Item4), DeliveryFeeCents = more.Item1,
            AverageBasketCents = more.Item2, OrdersPerCustomerPerWeek = more.Item3, VarietySkus = more.Item4, GrowthPerYear = more.Item5, ServiceLevel = more.Item6,
        });

    private static readonly Gen<(Customer Customer, int Segment, bool UsesLocker)> Customer = Gen.Select(Suffix, Point, Gen.Bool, Gen.Int[0, 100], Gen.Bool,
        (id, at, blocked, segment, locker) => (new Customer { Id = id, SegmentId = "", Location = at, Blocked = blocked }, segment, locker));

    private static readonly Gen<Supplier> Supplier = Gen.Select(Suffix, Name, Point.Nullable(), Gen.Bool,
        (id, name, at, available) => new Supplier { Id = id, Name = name, Location = at, Available = available });

    private static readonly Gen<(SupplierContract Contract, int Supplier, int Sku, int Node)> Contract = Gen.Select(
        Gen.Select(Suffix, Gen.Int[700_000, 760_000], Gen.Int[0, 800], Gen.Int[0, 60], Gen.Int[1, 1_000], Gen.Int[1, 48]),
        Gen.Select(Cents, Gen.Frequency((1, Gen.Const(int.MaxValue)), (2, Gen.Int[1, 1_000_000]))),
        Gen.Select(Gen.Int[0, 100], Gen.Int[0, 100], Gen.Int[0, 100]),
        (head, money, refs) => (new SupplierContract
        {
            Id = head.Item1, SupplierId = "", SkuId = "", NodeId = "",
            Start = DateOnly.FromDayNumber(head.Item2), End = DateOnly.FromDayNumber(head.Item2 + head.Item3),
            LeadTimeDays = head.Item4, MinimumOrderUnits = head.Item5, PackSizeUnits = head.Item6,
            UnitCostCents = money.Item1, CapacityUnitsPerWeek = money.Item2,
        }, refs.Item1, refs.Item2, refs.Item3));

    private static readonly Gen<(Vehicle Vehicle, int Node)> Vehicle = Gen.Select(
        Gen.Select(Suffix, Gen.Enum<VehicleKind>(), Gen.Int[1, 2_000_000], Gen.Int[1, 20_000_000], Gen.Int[1, 200], Time, Time),
        Gen.Select(Gen.Int[1, 1_440], Cents, Cents, Cents, Gen.String[Gen.Char["abcdefz"], 1, 8].Array[0, 3], Gen.Int[0, 100]),
        (head, more) => (new Vehicle
        {
            Id = head.Item1, NodeId = "", Kind = head.Item2, CapacityWeightGrams = head.Item3, CapacityVolumeMilliliters = head.Item4,
            CapacityTotes = head.Item5, ShiftStart = head.Item6, ShiftEnd = head.Item7, MaxRouteMinutes = more.Item1,
            FixedCostCents = more.Item2, CostCentsPerKm = more.Item3, CostCentsPerHour = more.Item4, Skills = more.Item5,
        }, more.Item6));

    public static Gen<NetworkModel> Network { get; } = Gen.Select(
        Gen.Select(Name, Node.Array[1, 5], Component.Array[1, 3], Sku.Array[1, 5], Segment.Array[1, 3]),
        Gen.Select(Customer.Array[0, 6], Supplier.Array[1, 3], Contract.Array[0, 4], Vehicle.Array[0, 4]),
        (a, b) => Assemble(a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, b.Item1, b.Item2, b.Item3, b.Item4));

    private static readonly Gen<OrderRules> Rules = Gen.Select(
        Gen.Select(Gen.Int[1, Limits.MaxLinesPerOrder], Gen.Int[1, Limits.MaxQuantityPerLine], Gen.Long[0, 1_000_000], Gen.Long[0, 1_000_000], Gen.Bool, Gen.Bool),
        Gen.Select(Gen.Int[0, 10_080], Gen.Int[1, 366], Gen.Int[1, 1_440], Gen.Bool, Gen.Int[-14 * 60, 14 * 60]),
        (a, b) => new OrderRules
        {
            MaxLines = a.Item1, MaxQuantityPerLine = a.Item2, MinOrderValueCents = a.Item3, MaxOrderValueCents = a.Item3 + a.Item4,
            FrozenWithAmbientAllowed = a.Item5, ZoneStorageRequired = a.Item6, MinLeadMinutes = b.Item1, MaxAdvanceDays = b.Item2,
            MaxWindowMinutes = b.Item3, WindowRequired = b.Item4, LocalUtcOffset = TimeSpan.FromMinutes(b.Item5),
        });

    private static readonly Gen<SourcingWeights> Weights = Gen.Select(
        Gen.Select(Cents, Cents, Cents, Cents, Cents), Gen.Double[0, 365], Gen.Int[1, 3],
        (c, days, nodes) => new SourcingWeights
        {
            LastMileCentsPerKm = c.Item1, LastMileCentsPerStop = c.Item2, SplitPenaltyCents = c.Item3, LoadPenaltyCentsPerUnit = c.Item4,
            StockBalancePenaltyCentsPerUnit = c.Item5, TargetDaysOfCover = days, MaxNodesPerOrder = nodes,
        });

    private static Gen<NetworkModel> WithRulesAndSourcing { get; } = Gen.Select(Network, Rules, Gen.Int[0, 2].Select(i => SourcingPolicy.Strategies[i]), Weights, Weights.Array[0, 3],
        (network, rules, strategy, weights, bySegment) => network with
        {
            OrderRules = rules,
            SourcingPolicy = new SourcingPolicy
            {
                Strategy = strategy, Weights = weights,
                WeightsBySegment = network.Segments.Zip(bySegment).ToDictionary(p => p.First.Id, p => p.Second, StringComparer.Ordinal),
            },
        });

    private static readonly Gen<DispatchSchedule> Schedule = Gen.Select(Gen.Int[1, 1440], Gen.Int[0, 1439].Array[0, 4], Gen.Bool,
        (interval, minutes, toLocker) => new DispatchSchedule
        {
            WaveIntervalMinutes = interval, FailedToLocker = toLocker,
            CutOffs = [.. minutes.Distinct().Order().Select(m => new TimeOnly(m / 60, m % 60))],
        });

    /// <summary>A network with random order rules, a sourcing policy that overrides the weights of some segments, and dispatch schedules for some nodes.</summary>
    public static Gen<NetworkModel> NetworkWithPolicies { get; } = Gen.Select(WithRulesAndSourcing, Schedule, Schedule.Array[0, 3], Gen.Int[1, 336], Gen.Int[0, 240],
        (network, schedule, byNode, holdHours, etaMinutes) => network with
        {
            Dispatch = new DispatchPolicy
            {
                DefaultSchedule = schedule, LockerHoldHours = holdHours, EtaWindowMinutes = etaMinutes,
                ByNode = network.Nodes.Zip(byNode).ToDictionary(p => p.First.Id, p => p.Second, StringComparer.Ordinal),
            },
        });

    private static NetworkModel Assemble(string name, Node[] nodes, Component[] components, (Sku Sku, int BomLines, int Seconds)[] skus,
        Segment[] segments, (Customer Customer, int Segment, bool UsesLocker)[] customers, Supplier[] suppliers,
        (SupplierContract Contract, int Supplier, int Sku, int Node)[] contracts, (Vehicle Vehicle, int Node)[] vehicles)
    {
        Node[] n = [.. nodes.Select((x, i) => x with { Id = $"n{i}{x.Id}" })];
        Component[] c = [.. components.Select((x, i) => x with { Id = $"p{i}{x.Id}" })];
        Segment[] g = [.. segments.Select((x, i) => x with { Id = $"g{i}{x.Id}" })];
        Supplier[] s = [.. suppliers.Select((x, i) => x with { Id = $"s{i}{x.Id}" })];
        Sku[] k = [.. skus.Select((x, i) => x.Sku with
        {
            Id = $"k{i}{x.Sku.Id}",
            Bom = x.BomLines == 0 ? null
                : new BillOfMaterials([.. c.Take(x.BomLines).Select((p, j) => new BomLine(p.Id, j + 1))], x.Seconds),
        })];
        var locker = n.FirstOrDefault(x => x.Kind == NodeKind.Locker)?.Id;
        return new NetworkModel
        {
            Name = name, Nodes = n, Components = c, Segments = g, Suppliers = s, Skus = k,
            Customers = [.. customers.Select((x, i) => x.Customer with
            {
                Id = $"c{i}{x.Customer.Id}", SegmentId = g[x.Segment % g.Length].Id, LockerId = x.UsesLocker ? locker : null,
            })],
            Contracts = [.. contracts.Select((x, i) => x.Contract with
            {
                Id = $"k{i}{x.Contract.Id}", SupplierId = s[x.Supplier % s.Length].Id, SkuId = k[x.Sku % k.Length].Id, NodeId = n[x.Node % n.Length].Id,
            })],
            Vehicles = [.. vehicles.Select((x, i) => x.Vehicle with { Id = $"v{i}{x.Vehicle.Id}", NodeId = n[x.Node % n.Length].Id })],
        };
    }
}
