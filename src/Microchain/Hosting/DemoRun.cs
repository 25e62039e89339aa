using System.Globalization;
using System.Text.Json;
using Microchain.Domain.Network;
using Microchain.Server.Networks;
using Microchain.Simulation.DemoCity;

namespace Microchain.Cli.Hosting;

/// <summary>What a demo data directory remembers between runs: the city's options and how many runs it has had.</summary>
internal static class DemoRun
{
    private sealed record SavedCity(int Seed, double Scale, int Skus);

    private static string CityFile(DataDirectory data) => Path.Combine(data.Root, "demo-city.json");
    private static string RunsFile(DataDirectory data) => Path.Combine(data.Root, "demo-runs.txt");

    public static void SaveCityOptions(DataDirectory data, DemoCityOptions options) =>
        DataDirectory.WriteAtomically(CityFile(data), JsonSerializer.Serialize(new SavedCity(options.Seed, options.Scale, options.Skus)));

    /// <summary>The options the city in the directory was generated with, or null for a directory that predates this file.</summary>
    public static DemoCityOptions? CityOptions(DataDirectory data)
    {
        if (!File.Exists(CityFile(data))) return null;
        var saved = JsonSerializer.Deserialize<SavedCity>(File.ReadAllText(CityFile(data)))
            ?? throw new CliException($"{CityFile(data)} is empty");
        return new DemoCityOptions { Seed = saved.Seed, Scale = saved.Scale, Skus = saved.Skus };
    }

    /// <summary>The number of this run (1, 2, ...): order keys carry it, so runs never share a key.</summary>
    public static long Next(DataDirectory data)
    {
        var path = RunsFile(data);
        var last = File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        DataDirectory.WriteAtomically(path, (last + 1).ToString(CultureInfo.InvariantCulture) + "\n");
        return last + 1;
    }

    /// <summary>The demo city again (generation is deterministic), or null when it is not the network being served.</summary>
    public static DemoCity? Regenerate(DemoCityOptions options, NetworkModel served)
    {
        if (options.Errors().Count > 0) return null;
        var city = DemoCityGenerator.Generate(options);
        var same = city.Network.Customers.Count == served.Customers.Count && city.Network.Skus.Count == served.Skus.Count
            && city.Network.Customers.Select(c => c.Id).SequenceEqual(served.Customers.Select(c => c.Id), StringComparer.Ordinal);
        return same ? city : null;
    }
}
