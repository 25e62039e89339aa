using Microchain.Domain.Catalog;
using Microchain.Domain.Customers;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;
using Microchain.Domain.Orders;
using Microchain.Domain.Validation;

namespace Microchain.Domain.Tests.Validation;

/// <summary>A small network: one MFC (chilled, no frozen) open 08–22, a closed dark store with frozen, two lockers.</summary>
internal static class ValidationNetwork
{
    public static readonly GeoPoint Mfc = new(52.0, 13.0);
    public static readonly GeoPoint Near = new(52.01, 13.0);   // ~1.4 km by road, ~3.5 min by van
    public static readonly GeoPoint Far = new(52.5, 13.0);     // ~72 km
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    public static readonly ITravelModel Travel = new HaversineTravelModel();

    public static NetworkModel Build(bool frozenNodeOpen = false) => new()
    {
        Name = "validation",
        Nodes =
        [
            Node("mfc-1", NodeKind.Mfc, Mfc, NodeLifecycle.Open, frozenLiters: 0),
            Node("ds-frozen", NodeKind.DarkStore, new GeoPoint(52.0, 13.01), frozenNodeOpen ? NodeLifecycle.Open : NodeLifecycle.Closing, frozenLiters: 500),
            Node("locker-1", NodeKind.Locker, new GeoPoint(52.005, 13.0), NodeLifecycle.Open, frozenLiters: 0),
            Node("locker-2", NodeKind.Locker, new GeoPoint(52.006, 13.0), NodeLifecycle.Closed, frozenLiters: 0),
        ],
        Skus =
        [
            Sku("rice", TemperatureZone.Ambient, 300),
            Sku("milk", TemperatureZone.Chilled, 150),
            Sku("peas", TemperatureZone.Frozen, 250),
            Sku("old", TemperatureZone.Ambient, 100) with { Active = false },
        ],
        Customers =
        [
            new Customer { Id = "c1", SegmentId = "s", Location = Near },
            new Customer { Id = "c-blocked", SegmentId = "s", Location = Near, Blocked = true },
        ],
    };

    public static OrderDraft Draft(params OrderLine[] lines) =>
        new("c1", lines, Near, null, new DeliveryWindow(Now.AddHours(2), Now.AddHours(3)));

    private static Node Node(string id, NodeKind kind, GeoPoint at, NodeLifecycle lifecycle, long frozenLiters) => new()
    {
        Id = id,
        Name = id,
        Kind = kind,
        Location = at,
        Storage = new StorageCapacity(1000, 200, frozenLiters, 500),
        PickCapacityPerHour = 100,
        Hours = new OperatingHours(new TimeOnly(8, 0), new TimeOnly(22, 0)),
        Lifecycle = lifecycle,
        ServiceRadiusMinutes = 20,
    };

    private static Sku Sku(string id, TemperatureZone zone, long valueCents) => new()
    {
        Id = id, Name = id, VolumeMilliliters = 1000, WeightGrams = 1000, Zone = zone, ValueCents = valueCents,
    };
}
