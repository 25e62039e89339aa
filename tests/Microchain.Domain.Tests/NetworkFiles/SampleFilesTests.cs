using Microchain.Domain.Network;
using Microchain.Domain.NetworkFiles;

namespace Microchain.Domain.Tests.NetworkFiles;

public sealed class SampleFilesTests
{
    /// <summary>The repository's samples folder, found from the test binaries upwards.</summary>
    private static string Samples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "network.example.json");
            if (File.Exists(candidate)) return Path.GetDirectoryName(candidate)!;
        }
        throw new DirectoryNotFoundException("samples/network.example.json not found above " + AppContext.BaseDirectory);
    }

    internal static NetworkModel LoadSampleNetwork()
    {
        var result = NetworkFile.Parse(File.ReadAllText(Path.Combine(Samples(), "network.example.json")), "network.example.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Network;
    }

    [Fact]
    public void NetworkExample_parsesCleanly()
    {
        var network = LoadSampleNetwork();
        Assert.Equal("Lyon pilot", network.Name);
        Assert.Equal(3, network.Nodes.Count);
        Assert.True(network.Skus.Single(s => s.Id == "salad-bowl").IsModular);
        Assert.Equal(NodeLifecycle.Planned, network.FindNode("locker-bellecour")!.Lifecycle);
    }

    [Fact]
    public void NetworkExample_roundTripsThroughWrite()
    {
        var network = LoadSampleNetwork();
        var again = NetworkFile.Parse(NetworkFile.Write(network), "written.json");
        Assert.True(again.Succeeded, string.Join("\n", again.Errors));
        NetworkFileRoundTripTests.AssertEquivalent(network, again.Network);
    }

    [Fact]
    public void FormatDocExample_parsesCleanly()
    {
        var doc = File.ReadAllText(Path.Combine(Samples(), "..", "docs", "network-format.md"));
        var start = doc.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var json = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        var result = NetworkFile.Parse(json, "network-format.md");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("Two-node test", result.Network.Name);
    }

    [Fact]
    public void StockExample_parsesCleanlyAgainstTheNetworkExample()
    {
        var result = StockCsv.Parse(File.ReadAllText(Path.Combine(Samples(), "stock.example.csv")), "stock.example.csv", LoadSampleNetwork());
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(5, result.Rows.Count);
    }
}
