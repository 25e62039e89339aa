using Microchain.Domain.Network;

namespace Microchain.Simulation.DemoCity;

/// <summary>
/// MFC nodes sized to the demand they serve: 3,000–10,000 sq ft, storage liters per zone from floor area,
/// slots, pick capacity for the evening peak, and costs (rent, base staff, automation lease, pick labor).
/// </summary>
internal static class MfcBuilder
{
    public const int MinSquareFeet = 3_000, MaxSquareFeet = 10_000;
    /// <summary>~35% of the floor is storage, ~1.8 m of usable height, ~60% fill: about 35 L per sq ft.</summary>
    public const double LitersPerSquareFoot = 35;
    public const double AmbientShare = 0.62, ChilledShare = 0.26, FrozenShare = 0.12;
    public const int OpeningHour = 7, ClosingHour = 23;
    /// <summary>The evening peak hour runs at about twice the day's average rate.</summary>
    private const double PeakFactor = 2.0;

    public static Node[] Build(IReadOnlyList<(double X, double Y)> sites, DemandModel demand, CityDensity density, CityProfile city, DemoRandom random)
    {
        var nodes = new Node[sites.Count];
        var perHood = new int[city.Neighbourhoods.Count];
        var hoods = sites.Select(density.NearestNeighbourhood).ToArray();
        var sameHood = hoods.GroupBy(h => h).ToDictionary(g => g.Key, g => g.Count());
        for (var m = 0; m < sites.Count; m++)
        {
            var dailyOrders = demand.DailyOrders(m);
            var squareFeet = (int)Math.Clamp(Math.Round((MinSquareFeet + dailyOrders * 3 * random.NextDouble(0.9, 1.1)) / 100) * 100, MinSquareFeet, MaxSquareFeet);
            var liters = squareFeet * LitersPerSquareFoot;
            var size = (squareFeet - MinSquareFeet) / (double)(MaxSquareFeet - MinSquareFeet);
            var dailyUnits = 0.0;
            // Units per order: expected lines × mean quantity, weighted by the segment mix this MFC serves.
            for (var s = 0; s < demand.SegmentCount; s++) dailyUnits += demand.DailyOrders(m, s) * demand.UnitsPerOrder(s);
            var pickPerHour = (int)Math.Clamp(Math.Round(dailyUnits / (ClosingHour - OpeningHour) * PeakFactor / 50) * 50, 300, 3_000);
            var hood = hoods[m];
            perHood[hood]++;
            nodes[m] = new Node
            {
                Id = $"MFC-{m + 1:D2}",
                Name = sameHood[hood] == 1 ? $"MFC {city.Neighbourhoods[hood].Name}" : $"MFC {city.Neighbourhoods[hood].Name} {perHood[hood]}",
                Kind = NodeKind.Mfc,
                Location = density.ToGeo(sites[m]),
                Storage = new StorageCapacity(
                    (long)(liters * AmbientShare), (long)(liters * ChilledShare), (long)(liters * FrozenShare),
                    (int)Math.Round((1_500 + size * 2_500) / 10) * 10),
                PickCapacityPerHour = pickPerHour,
                AssemblyCapacityPerHour = 40 + squareFeet / 250,
                Hours = new OperatingHours(new TimeOnly(OpeningHour, 0), new TimeOnly(ClosingHour, 0)),
                // Rent ~15 €/sq ft/year, 4 base staff at ~25 €/h loaded for 8 h, automation lease ~22 €/sq ft/year.
                Costs = new NodeCosts(
                    FixedCostCentsPerDay: (long)Math.Round(squareFeet * 4.1 + 80_000 + squareFeet * 6.0),
                    PickCostCentsPerUnit: random.NextInt(18, 30),
                    OpeningCostCents: squareFeet * 5_000L),
                ServiceRadiusMinutes = 20,
            };
        }
        return nodes;
    }
}
