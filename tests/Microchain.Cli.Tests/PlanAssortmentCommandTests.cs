using System.Text.Json;
using Microchain.Domain.Network;
using Microchain.Domain.NetworkFiles;

namespace Microchain.Cli.Tests;

public sealed class PlanAssortmentCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("microchain-assortment-").FullName;

    private string Out(string name) => Path.Combine(_dir, name);

    /// <summary>
    /// The sample network with a third SKU (water, margin 30% of 4.00 without a contract) and its MFC cut to two
    /// slots, so that the assortment is a choice. Margins: milk 0.57, pasta 0.68, water 1.20 (salad is modular).
    /// </summary>
    private string NetworkFile2Slots()
    {
        var sample = NetworkFile.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "network.example.json")), "sample").Network!;
        var nodes = sample.Nodes.Select(n => n.Id == "mfc-part-dieu" ? n with { Storage = n.Storage with { Slots = 2 } } : n).ToArray();
        var water = new Domain.Catalog.Sku { Id = "water", Name = "Water 1.5 l", VolumeMilliliters = 1_600, WeightGrams = 1_550, ValueCents = 400 };
        var path = Out("network.json");
        File.WriteAllText(path, NetworkFile.Write(sample with { Nodes = nodes, Skus = [.. sample.Skus, water] }));
        return path;
    }

    private string Demand(string name, double milk, double pasta, double water)
    {
        var rows = Enumerable.Range(0, 7).SelectMany(day => new[]
        {
            FormattableString.Invariant($"mfc-part-dieu,milk-1l,2026-01-0{day + 1},{milk}"),
            FormattableString.Invariant($"mfc-part-dieu,pasta-500g,2026-01-0{day + 1},{pasta}"),
            FormattableString.Invariant($"mfc-part-dieu,water,2026-01-0{day + 1},{water}"),
        });
        var path = Out(name);
        File.WriteAllLines(path, ["node,sku,day,units", .. rows]);
        return path;
    }

    [Fact]
    public async Task PlanAssortment_twoSlots_stocksTheTwoWorthMostAndWritesCsvJsonAndProgress()
    {
        var result = await CliRun.Invoke("plan", "assortment", NetworkFile2Slots(), "--demand", Demand("d.csv", 20, 1, 30), "--csv", Out("plan.csv"), "--out", Out("plan.json"));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("planned 1/1 nodes", result.Error, StringComparison.Ordinal);
        Assert.Contains("mfc-part-dieu: 2 SKUs (+2 -0", result.Output, StringComparison.Ordinal);
        var plan = JsonDocument.Parse(File.ReadAllText(Out("plan.json"))).RootElement.GetProperty("nodes")[0];
        Assert.Equal(["milk-1l", "water"], plan.GetProperty("skus").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.True(plan.GetProperty("boundCents").GetInt64() >= plan.GetProperty("objectiveCents").GetInt64());
        var csv = File.ReadAllLines(Out("plan.csv"));
        Assert.Equal("node,sku,stocked,change,zone,daily_demand_units,space_units,space_liters,value_cents_per_day,reason", csv[0]);
        Assert.StartsWith("mfc-part-dieu,milk-1l,true,add,Chilled,20,60,", csv[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanAssortment_demandMovesSlightlyWithCurrent_keepsTheAssortment()
    {
        var first = await CliRun.Invoke("plan", "assortment", NetworkFile2Slots(), "--demand", Demand("d1.csv", 20, 15, 30), "--csv", Out("first.csv"));
        Assert.True(first.ExitCode == 0, first.Error);
        // Pasta now sells a little more than milk: without the current assortment it would take milk's slot.
        var moved = Demand("d2.csv", 20, 17.5, 30);
        var fresh = await CliRun.Invoke("plan", "assortment", NetworkFile2Slots(), "--demand", moved, "--out", Out("fresh.json"));
        var kept = await CliRun.Invoke("plan", "assortment", NetworkFile2Slots(), "--demand", moved, "--current", Out("first.csv"), "--out", Out("kept.json"));
        Assert.True(kept.ExitCode == 0, kept.Error);
        string[] Skus(string file) => [.. JsonDocument.Parse(File.ReadAllText(Out(file))).RootElement.GetProperty("nodes")[0].GetProperty("skus").EnumerateArray().Select(e => e.GetString()!)];
        Assert.NotEqual(Skus("fresh.json"), Skus("kept.json"));
        Assert.Contains("(+0 -0, 2 held by switching cost)", kept.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanAssortment_networkWithoutDemand_isOneLineAndExit1()
    {
        var result = await CliRun.Invoke("plan", "assortment", NetworkFile2Slots());
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--demand is needed", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanAssortment_badDemandRow_namesFileAndLine()
    {
        var path = Out("bad.csv");
        File.WriteAllLines(path, ["node,sku,day,units", "mfc-part-dieu,milk-1l,0,-3"]);
        var result = await CliRun.Invoke("plan", "assortment", NetworkFile2Slots(), "--demand", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{path}:2: units must be a non-negative number", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanAssortment_demoCity_plansEverySmallNodeFromSimulatedHistory()
    {
        var result = await CliRun.Invoke("plan", "assortment", "--scale", "0.05", "--skus", "40", "--demo-days", "3", "--csv", Out("demo.csv"));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("simulated day 3/3", result.Error, StringComparison.Ordinal);
        Assert.Matches(@"^\d+ nodes; value [\d,.]+/day", result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.True(File.ReadAllLines(Out("demo.csv")).Length > 1);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
