using Microchain.Domain.Network;

namespace Microchain.Simulation.DemoCity;

/// <summary>Pickup lockers go to the busiest neighbourhoods first (near their centers), then to dense spots drawn from the population.</summary>
internal static class LockerPlacement
{
    public static (Node[] Nodes, (double X, double Y)[] Positions) Place(int count, CityProfile city, CityDensity density, DemoRandom random)
    {
        var byPopulation = Enumerable.Range(0, city.Neighbourhoods.Count)
            .OrderByDescending(i => city.Neighbourhoods[i].Population).ThenBy(i => i).ToArray();
        var nodes = new Node[count];
        var positions = new (double X, double Y)[count];
        var perHood = new int[city.Neighbourhoods.Count];
        for (var i = 0; i < count; i++)
        {
            int hood;
            if (i < byPopulation.Length)
            {
                hood = byPopulation[i];
                positions[i] = density.Around(hood, 250, random);
            }
            else
            {
                positions[i] = density.Sample(random, out _);
                hood = density.NearestNeighbourhood(positions[i]);
            }
            perHood[hood]++;
            var compartments = random.NextInt(6, 12) * 10;
            var chilled = compartments / 5;
            nodes[i] = new Node
            {
                Id = $"LKR-{i + 1:D2}",
                Name = perHood[hood] == 1 ? $"Locker {city.Neighbourhoods[hood].Name}" : $"Locker {city.Neighbourhoods[hood].Name} {perHood[hood]}",
                Kind = NodeKind.Locker,
                Location = density.ToGeo(positions[i]),
                // A compartment holds one order (~45 L); a fifth are chilled.
                Storage = new StorageCapacity((compartments - chilled) * 45L, chilled * 45L, 0, compartments),
                PickCapacityPerHour = 0,
                Hours = OperatingHours.AllDay,
                Costs = new NodeCosts(random.NextInt(15, 25) * 100L, 0, 800_000),
                ServiceRadiusMinutes = 0,
            };
        }
        return (nodes, positions);
    }
}
