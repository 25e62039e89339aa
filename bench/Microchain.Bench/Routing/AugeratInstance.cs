using System.Globalization;
using Microchain.Planning.Routing;

namespace Microchain.Bench.Routing;

/// <summary>A TSPLIB CVRP instance (Augerat A, B, P): EUC_2D with nint distances, one depot.</summary>
public sealed record AugeratInstance(string Name, long Capacity, int MinVehicles, double[] X, double[] Y, long[] Demand, int Depot)
{
    /// <summary>Reads a TSPLIB .vrp file.</summary>
    public static AugeratInstance Parse(string path)
    {
        var lines = File.ReadAllLines(path);
        string name = Path.GetFileNameWithoutExtension(path);
        long capacity = 0;
        var dimension = 0;
        var section = "";
        double[] x = [], y = [];
        long[] demand = [];
        var depot = 0;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line == "EOF") continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !char.IsDigit(line[0]))
            {
                var key = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                if (key == "DIMENSION")
                {
                    dimension = int.Parse(value);
                    x = new double[dimension];
                    y = new double[dimension];
                    demand = new long[dimension];
                }
                if (key == "CAPACITY") capacity = long.Parse(value);
                continue;
            }
            if (line.EndsWith("_SECTION", StringComparison.Ordinal))
            {
                section = line;
                continue;
            }
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            switch (section)
            {
                case "NODE_COORD_SECTION":
                    var i = int.Parse(parts[0]) - 1;
                    x[i] = double.Parse(parts[1], CultureInfo.InvariantCulture);
                    y[i] = double.Parse(parts[2], CultureInfo.InvariantCulture);
                    break;
                case "DEMAND_SECTION":
                    demand[int.Parse(parts[0]) - 1] = long.Parse(parts[1]);
                    break;
                case "DEPOT_SECTION":
                    var d = int.Parse(parts[0]);
                    if (d > 0) depot = d - 1;
                    break;
            }
        }
        var k = name.LastIndexOf("-k", StringComparison.Ordinal);
        var minVehicles = k > 0 ? int.Parse(name[(k + 2)..]) : dimension;
        return new AugeratInstance(name, capacity, minVehicles, x, y, demand, depot);
    }

    /// <summary>
    /// The instance as a routing problem with the truck count of its name as the fleet: the published optima
    /// assume it (B-n51-k7, for one, goes below its optimum of 1032 with an eighth truck).
    /// </summary>
    public RoutingProblem ToProblem()
    {
        var n = X.Length;
        var distance = new long[n * n];
        for (var a = 0; a < n; a++)
            for (var b = 0; b < n; b++)
                distance[(a * n) + b] = (long)Math.Floor(Math.Sqrt(Math.Pow(X[a] - X[b], 2) + Math.Pow(Y[a] - Y[b], 2)) + 0.5);
        var vehicles = Enumerable.Range(0, MinVehicles).Select(v => new Vehicle
        {
            Id = $"v{v + 1}",
            StartLocation = Depot,
            EndLocation = Depot,
            Capacity = [Capacity],
        }).ToList();
        var jobs = Enumerable.Range(0, n).Where(i => i != Depot).Select(i => new Job
        {
            Id = (i + 1).ToString(),
            Location = i,
            Demand = [Demand[i]],
        }).ToList();
        return new RoutingProblem(vehicles, jobs, n, distance, (long[])distance.Clone());
    }
}
