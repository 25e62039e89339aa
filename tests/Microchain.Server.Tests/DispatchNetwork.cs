using Microchain.Domain.Dispatch;
using Microchain.Domain.Fleet;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;
using Microchain.Simulation.DemoCity;

namespace Microchain.Server.Tests;

/// <summary>
/// The dispatch tenant's network: a one-MFC demo city with two vans of 3 totes each, and two lockers of our own —
/// one next to the MFC with room for 3 orders (failed deliveries go there) and one far off with 2 compartments (the
/// capacity test fills it).
/// </summary>
internal static class DispatchNetwork
{
    public const string NearLocker = "LKR-NEAR", SmallLocker = "LKR-SMALL";
    public const int VanTotes = 3;

    public static DemoCity City { get; } = DemoCityGenerator.Generate(new DemoCityOptions { Seed = 23, Scale = 0.05, Mfcs = 20, Lockers = 0, Skus = 30 });

    public static string Mfc => City.MfcIds[0];

    /// <summary>The fake clock's start: noon local time, a date after every real promise window of the tests' orders.</summary>
    public static DateTimeOffset Start => new DateTimeOffset(2030, 6, 3, 12, 0, 0, City.Network.OrderRules.LocalUtcOffset).ToUniversalTime();

    public static NetworkModel Network(bool failedToLocker = true)
    {
        var mfc = City.Network.FindNode(Mfc)!;
        var lockers = new[]
        {
            Locker(NearLocker, Offset(mfc.Location, 0.003, 0.001), 3),
            Locker(SmallLocker, Offset(mfc.Location, -0.02, 0.02), 2),
        };
        var vans = Enumerable.Range(1, 2).Select(i => new Vehicle
        {
            Id = $"{Mfc}-VAN-{i}", NodeId = Mfc, Kind = VehicleKind.Van, CapacityWeightGrams = 500_000, CapacityVolumeMilliliters = 4_000_000,
            CapacityTotes = VanTotes, ShiftStart = new TimeOnly(0, 0), ShiftEnd = new TimeOnly(23, 59), MaxRouteMinutes = 240,
            FixedCostCents = 4_500, CostCentsPerKm = 30, CostCentsPerHour = 2_400, Skills = ["chilled", "frozen"],
        }).ToArray();
        return City.Network with
        {
            Nodes = [.. City.Network.Nodes.Where(n => n.Kind != NodeKind.Locker), .. lockers],
            Vehicles = vans,
            Customers = [.. City.Network.Customers.Select(c => c with { LockerId = null })],
            Dispatch = new DispatchPolicy { DefaultSchedule = new DispatchSchedule { WaveIntervalMinutes = 30, FailedToLocker = failedToLocker } },
        };
    }

    private static Node Locker(string id, GeoPoint at, int compartments) => new()
    {
        Id = id, Name = id, Kind = NodeKind.Locker, Location = at, Storage = new StorageCapacity(compartments * 45L, 0, 0, compartments),
        ServiceRadiusMinutes = 0,
    };

    private static GeoPoint Offset(GeoPoint p, double dLat, double dLon) => new(p.Lat + dLat, p.Lon + dLon);
}
