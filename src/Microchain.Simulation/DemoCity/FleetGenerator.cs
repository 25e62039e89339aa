using Microchain.Domain.Fleet;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;

namespace Microchain.Simulation.DemoCity;

/// <summary>
/// Couriers per MFC sized to its orders: vans for planned slots and locker runs, cargo bikes for same-day and
/// express, walkers for express orders close by; trucks at the DC for replenishment. Two shifts each.
/// </summary>
internal static class FleetGenerator
{
    private sealed record Spec(VehicleKind Kind, string Code, int WeightGrams, int VolumeMl, int Totes, int MaxRouteMinutes,
        long FixedCents, long PerKmCents, long PerHourCents, (int Start, int End)[] Shifts);

    // Electric van (~700 kg, 4 m³ of totes), cargo bike (~150 kg box), walker with a trolley, 19 t multi-temperature truck.
    private static readonly Spec Van = new(VehicleKind.Van, "VAN", 700_000, 4_000_000, 48, 240, 4_500, 30, 2_400, [(8, 16), (14, 22)]);
    private static readonly Spec Bike = new(VehicleKind.CargoBike, "BIKE", 150_000, 600_000, 8, 120, 900, 1, 1_900, [(7, 15), (15, 23)]);
    private static readonly Spec Walker = new(VehicleKind.Walker, "WALK", 20_000, 60_000, 2, 60, 200, 0, 1_700, [(10, 16), (16, 22)]);
    private static readonly Spec Truck = new(VehicleKind.Truck, "TRUCK", 8_000_000, 40_000_000, 600, 480, 18_000, 90, 3_200, [(4, 14)]);

    public static List<Vehicle> Generate(Node dc, IReadOnlyList<Node> mfcs, DemandModel demand, IReadOnlyList<DemoSegmentProfile> segments, DemoRandom random)
    {
        var vehicles = new List<Vehicle>();
        for (var m = 0; m < mfcs.Count; m++)
        {
            double express = 0, slotted = 0, pickup = 0;
            for (var s = 0; s < segments.Count; s++)
            {
                var orders = demand.DailyOrders(m, s);
                switch (segments[s].Window)
                {
                    case DemoWindowKind.Immediate: express += orders; break;
                    case DemoWindowKind.PickupDay: pickup += orders; break;
                    default: slotted += orders; break;
                }
            }
            // Orders per vehicle per day: a van ~110 slotted drops or locker loads, a bike ~45, a walker ~30.
            Add(mfcs[m].Id, Van, Count((slotted * 0.7 + pickup) / 110, 12), random, vehicles);
            Add(mfcs[m].Id, Bike, Count((slotted * 0.3 + express * 0.6) / 45, 20), random, vehicles);
            Add(mfcs[m].Id, Walker, Count(express * 0.4 / 30, 10), random, vehicles);
        }
        Add(dc.Id, Truck, Math.Max(2, (mfcs.Count + 2) / 3), random, vehicles);
        return vehicles;
    }

    private static int Count(double needed, int max) => (int)Math.Clamp(Math.Ceiling(needed), 1, max);

    private static void Add(string nodeId, Spec spec, int count, DemoRandom random, List<Vehicle> into)
    {
        for (var i = 0; i < count; i++)
        {
            var (start, end) = spec.Shifts[i % spec.Shifts.Length];
            into.Add(new Vehicle
            {
                Id = $"{nodeId}-{spec.Code}-{i + 1:D2}",
                NodeId = nodeId,
                Kind = spec.Kind,
                CapacityWeightGrams = spec.WeightGrams,
                CapacityVolumeMilliliters = spec.VolumeMl,
                CapacityTotes = spec.Totes,
                ShiftStart = new TimeOnly(start, 0),
                ShiftEnd = new TimeOnly(end, 0),
                MaxRouteMinutes = spec.MaxRouteMinutes,
                FixedCostCents = spec.FixedCents,
                CostCentsPerKm = spec.PerKmCents,
                CostCentsPerHour = spec.PerHourCents,
                Skills = Skills(spec.Kind, random),
            });
        }
    }

    /// <summary>Vans and trucks are refrigerated (half the vans also freeze); half the bikes carry an insulated box.</summary>
    private static string[] Skills(VehicleKind kind, DemoRandom random) => kind switch
    {
        VehicleKind.Truck => ["chilled", "frozen"],
        VehicleKind.Van => random.Chance(0.5) ? ["chilled", "frozen"] : ["chilled"],
        VehicleKind.CargoBike => random.Chance(0.5) ? ["chilled"] : [],
        _ => [],
    };
}
