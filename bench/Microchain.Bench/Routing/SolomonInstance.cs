using Microchain.Planning.Routing;

namespace Microchain.Bench.Routing;

/// <summary>Objective conventions for Solomon instances.</summary>
public enum SolomonConvention
{
    /// <summary>DIMACS 2021: coordinates ×10, distances truncated to integers, minimise distance only.</summary>
    DistanceOnly,
    /// <summary>Fewest vehicles, then real-valued Euclidean distance (kept as integers in thousandths).</summary>
    Hierarchical,
}

/// <summary>A Solomon VRPTW instance as read from its text file (depot is customer 0).</summary>
public sealed record SolomonInstance(string Name, int VehicleCount, long Capacity, IReadOnlyList<SolomonCustomer> Customers)
{
    /// <summary>Scale of the hierarchical convention: distances are kept in thousandths.</summary>
    public const long HierarchicalScale = 1000;

    /// <summary>Fixed cost per vehicle under the hierarchical convention: dominates any distance.</summary>
    public const decimal HierarchicalVehicleCost = 100_000_000m;

    /// <summary>Reads the standard Solomon text format.</summary>
    public static SolomonInstance Parse(string path)
    {
        var lines = File.ReadAllLines(path);
        var name = lines[0].Trim();
        var vehicleLine = Array.FindIndex(lines, l => l.TrimStart().StartsWith("NUMBER", StringComparison.Ordinal));
        var fleet = Numbers(lines[vehicleLine + 1]);
        var customers = new List<SolomonCustomer>();
        var header = Array.FindIndex(lines, l => l.TrimStart().StartsWith("CUST NO", StringComparison.Ordinal));
        for (var i = header + 1; i < lines.Length; i++)
        {
            var n = Numbers(lines[i]);
            if (n.Length < 7) continue;
            customers.Add(new SolomonCustomer((int)n[0], n[1], n[2], n[3], n[4], n[5], n[6]));
        }
        return new SolomonInstance(name, (int)fleet[0], fleet[1], customers);
    }

    private static long[] Numbers(string line) =>
        [.. line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(long.Parse)];

    /// <summary>The instance as a routing problem with the instance's fleet, under one convention.</summary>
    public RoutingProblem ToProblem(SolomonConvention convention)
    {
        var n = Customers.Count;
        var distance = new long[n * n];
        var timeScale = convention == SolomonConvention.DistanceOnly ? 10 : HierarchicalScale;
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                var dx = (double)(Customers[a].X - Customers[b].X);
                var dy = (double)(Customers[a].Y - Customers[b].Y);
                distance[(a * n) + b] = convention == SolomonConvention.DistanceOnly
                    ? (long)Math.Floor(Math.Sqrt((100 * dx * dx) + (100 * dy * dy)))
                    : (long)Math.Round(Math.Sqrt((dx * dx) + (dy * dy)) * HierarchicalScale);
            }
        }
        var depot = Customers[0];
        var vehicles = Enumerable.Range(0, VehicleCount).Select(v => new Vehicle
        {
            Id = $"v{v + 1}",
            StartLocation = 0,
            EndLocation = 0,
            Capacity = [Capacity],
            ShiftStart = depot.Ready * timeScale,
            ShiftEnd = depot.Due * timeScale,
            FixedCost = convention == SolomonConvention.Hierarchical ? HierarchicalVehicleCost : 0m,
        }).ToList();
        var jobs = Customers.Skip(1).Select(c => new Job
        {
            Id = c.Number.ToString(),
            Location = c.Number,
            Demand = [c.Demand],
            ServiceDuration = c.Service * timeScale,
            TimeWindows = [new TimeWindow(c.Ready * timeScale, c.Due * timeScale)],
        }).ToList();
        return new RoutingProblem(vehicles, jobs, n, distance, (long[])distance.Clone());
    }
}

/// <summary>One line of a Solomon file.</summary>
public readonly record struct SolomonCustomer(int Number, long X, long Y, long Demand, long Ready, long Due, long Service);
