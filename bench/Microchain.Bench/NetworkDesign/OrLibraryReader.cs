using System.Globalization;
using Microchain.Planning.NetworkDesign;

namespace Microchain.Bench.NetworkDesign;

/// <summary>
/// Reads OR-Library facility location files. cap files: "m n", then m lines "capacity fixedCost", then per customer
/// its demand and m costs, each the cost of serving ALL of that customer's demand from a warehouse. pmed files:
/// "n edges p" then "i j length" (1-based, undirected); a later duplicate edge overrides an earlier one.
/// </summary>
public static class OrLibraryReader
{
    /// <summary>A capacitated (multi-source) or, with <paramref name="capacitated"/> false, uncapacitated instance.</summary>
    public static FacilityProblem ReadCap(string path, bool capacitated)
    {
        var tokens = Tokens(path);
        var at = 0;
        var m = (int)tokens[at++];
        var n = (int)tokens[at++];
        var capacity = new double[m];
        var opening = new double[m];
        for (var i = 0; i < m; i++)
        {
            capacity[i] = tokens[at++];
            opening[i] = tokens[at++];
        }
        var demand = new double[n];
        var cost = new double[m * n];
        for (var j = 0; j < n; j++)
        {
            demand[j] = tokens[at++];
            for (var i = 0; i < m; i++) cost[(i * n) + j] = tokens[at++];
        }
        return new FacilityProblem(opening, demand, cost) { CapacityUnits = capacitated ? capacity : null };
    }

    /// <summary>A p-median instance: every vertex is a customer and a candidate site; distances are shortest paths.</summary>
    public static PMedianProblem ReadPMedian(string path)
    {
        var tokens = Tokens(path);
        var n = (int)tokens[0];
        var edges = (int)tokens[1];
        var p = (int)tokens[2];
        var dist = new double[n * n];
        Array.Fill(dist, double.PositiveInfinity);
        for (var v = 0; v < n; v++) dist[(v * n) + v] = 0;
        for (var e = 0; e < edges; e++)
        {
            var a = (int)tokens[3 + (3 * e)] - 1;
            var b = (int)tokens[4 + (3 * e)] - 1;
            var length = tokens[5 + (3 * e)];
            if (a == b) continue;
            dist[(a * n) + b] = length;
            dist[(b * n) + a] = length;
        }
        // Floyd–Warshall: the graphs have at most 900 vertices.
        for (var k = 0; k < n; k++)
        {
            var rowK = k * n;
            for (var i = 0; i < n; i++)
            {
                var dik = dist[(i * n) + k];
                if (double.IsPositiveInfinity(dik)) continue;
                var rowI = i * n;
                for (var j = 0; j < n; j++)
                {
                    var through = dik + dist[rowK + j];
                    if (through < dist[rowI + j]) dist[rowI + j] = through;
                }
            }
        }
        var weights = new double[n];
        Array.Fill(weights, 1.0);
        return new PMedianProblem(dist, weights, p);
    }

    /// <summary>Published optimal values: lines "name value ..." (header lines without a number are skipped).</summary>
    public static Dictionary<string, double> ReadValues(string path)
    {
        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) continue;
            if (double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) values[parts[0]] = value;
        }
        return values;
    }

    private static double[] Tokens(string path) =>
        [.. File.ReadAllText(path)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture))];
}
