using Microchain.Domain.Network;
using Microchain.Domain.NetworkFiles;

namespace Microchain.Domain.Tests.NetworkFiles;

public sealed class NetworkFileRoundTripTests
{
    [Fact]
    public void Write_thenParse_anyValidNetwork_readsBackEqual()
    {
        NetworkModelGen.Network.Sample(model =>
        {
            var json = NetworkFile.Write(model);
            var result = NetworkFile.Parse(json, "generated.json");
            Assert.True(result.Succeeded, string.Join("\n", result.Errors) + "\n" + json);
            AssertEquivalent(model, result.Network);
            Assert.Equal(json, NetworkFile.Write(result.Network));
        }, iter: 300);
    }

    [Fact]
    public void Write_emptyNetwork_readsBackEmpty()
    {
        var model = new NetworkModel { Name = "empty" };
        var result = NetworkFile.Parse(NetworkFile.Write(model), "empty.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        AssertEquivalent(model, result.Network);
    }

    [Fact]
    public void Write_usesCamelCaseEnumsAndShortTimes()
    {
        var json = NetworkFile.Write(new NetworkModel
        {
            Name = "x",
            Nodes = [new Node { Id = "dc", Name = "DC", Kind = NodeKind.CentralDc, Location = new(1, 2), Storage = new(1, 0, 0, 1), Hours = new(new(7, 0), new(22, 30)) }],
        });
        Assert.Contains("\"kind\": \"centralDc\"", json, StringComparison.Ordinal);
        Assert.Contains("\"open\": \"07:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"close\": \"22:30\"", json, StringComparison.Ordinal);
        Assert.Contains("\"chilledLiters\": 0", json, StringComparison.Ordinal);
    }

    /// <summary>Records compare lists by reference, so lists are compared element by element here.</summary>
    internal static void AssertEquivalent(NetworkModel expected, NetworkModel actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.OrderRules, actual.OrderRules);
        Assert.Equal(expected.SourcingPolicy, actual.SourcingPolicy);
        Assert.Equal(expected.Replenishment, actual.Replenishment);
        Assert.Equal(expected.Nodes, actual.Nodes);
        Assert.Equal(expected.Components, actual.Components);
        Assert.Equal(expected.Segments, actual.Segments);
        Assert.Equal(expected.Customers, actual.Customers);
        Assert.Equal(expected.Suppliers, actual.Suppliers);
        Assert.Equal(expected.Contracts, actual.Contracts);
        Assert.Equal(expected.Skus.Select(s => s with { Bom = null }), actual.Skus.Select(s => s with { Bom = null }));
        Assert.Equal(expected.Skus.Select(s => s.Bom?.AssemblySeconds), actual.Skus.Select(s => s.Bom?.AssemblySeconds));
        Assert.Equal(expected.Skus.SelectMany(s => s.Bom?.Lines ?? []), actual.Skus.SelectMany(s => s.Bom?.Lines ?? []));
        Assert.Equal(expected.Vehicles.Select(v => v with { Skills = [] }), actual.Vehicles.Select(v => v with { Skills = [] }));
        Assert.Equal(expected.Vehicles.SelectMany(v => v.Skills.Append("|")), actual.Vehicles.SelectMany(v => v.Skills.Append("|")));
    }
}
