using Microchain.Domain.Network;
using Microchain.Domain.NetworkFiles;
using Microchain.Domain.Validation;

namespace Microchain.Domain.Tests.NetworkFiles;

/// <summary>The <c>orderRules</c> and <c>sourcing</c> sections of the network file.</summary>
public sealed class NetworkFilePolicyTests
{
    private const string File = "tenant.json";

    private static string Network(string sections) => $$"""
        {
          "name": "policy",
          "segments": [
            { "id": "express", "name": "Express", "promise": { "mode": "delivery", "maxLeadTimeMinutes": 30 } },
            { "id": "eco", "name": "Eco", "promise": { "mode": "delivery", "maxLeadTimeMinutes": 2160 } }
          ]{{sections}}
        }
        """;

    private const string AllRules = """
        ,
          "orderRules": {
            "maxLines": 20, "maxQuantityPerLine": 12, "minOrderValueCents": 1500, "maxOrderValueCents": 50000,
            "frozenWithAmbientAllowed": false, "zoneStorageRequired": false, "minLeadMinutes": 45, "maxAdvanceDays": 7,
            "maxWindowMinutes": 120, "windowRequired": true, "localUtcOffset": "-05:30"
          }
        """;

    private const string Sourcing = """
        ,
          "sourcing": {
            "strategy": "fewest-splits",
            "weights": { "lastMileCentsPerKm": 80, "splitPenaltyCents": 500 },
            "segmentWeights": [ { "segmentId": "express", "lastMileCentsPerKm": 200, "maxNodesPerOrder": 1 } ]
          }
        """;

    private static NetworkModel Parsed(string json)
    {
        var result = NetworkFile.Parse(json, File);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Network;
    }

    private static FileError Single(string json)
    {
        var result = NetworkFile.Parse(json, File);
        Assert.False(result.Succeeded, "the file should have been refused");
        var error = Assert.Single(result.Errors);
        Assert.NotNull(error.Line);
        Assert.NotNull(error.Column);
        return error;
    }

    private static int LineOf(string text, string needle) => text.AsSpan(0, text.IndexOf(needle, StringComparison.Ordinal)).Count('\n') + 1;

    [Fact]
    public void Parse_withoutSections_takesDefaultRulesAndPolicy()
    {
        var network = Parsed(Network(""));
        Assert.Equal(OrderRules.Default, network.OrderRules);
        Assert.Equal(SourcingPolicy.Default, network.SourcingPolicy);
        Assert.Equal("min-cost-to-serve", network.SourcingPolicy.Strategy);
    }

    [Fact]
    public void Parse_orderRules_readsEveryProperty()
    {
        var expected = new OrderRules
        {
            MaxLines = 20, MaxQuantityPerLine = 12, MinOrderValueCents = 1500, MaxOrderValueCents = 50000, FrozenWithAmbientAllowed = false,
            ZoneStorageRequired = false, MinLeadMinutes = 45, MaxAdvanceDays = 7, MaxWindowMinutes = 120, WindowRequired = true,
            LocalUtcOffset = -new TimeSpan(5, 30, 0),
        };
        Assert.Equal(expected, Parsed(Network(AllRules)).OrderRules);
    }

    [Fact]
    public void Parse_partialOrderRules_keepsDefaultsForTheRest()
    {
        var rules = Parsed(Network(",\n  \"orderRules\": { \"maxLines\": 5 }")).OrderRules;
        Assert.Equal(OrderRules.Default with { MaxLines = 5 }, rules);
    }

    [Fact]
    public void Parse_sourcing_segmentWeightsInheritTheFileWeights()
    {
        var policy = Parsed(Network(Sourcing)).SourcingPolicy;
        Assert.Equal("fewest-splits", policy.Strategy);
        Assert.Equal(SourcingWeights.Default with { LastMileCentsPerKm = 80, SplitPenaltyCents = 500 }, policy.Weights);
        var express = Assert.Single(policy.WeightsBySegment);
        Assert.Equal("express", express.Key);
        Assert.Equal(SourcingWeights.Default with { LastMileCentsPerKm = 200, SplitPenaltyCents = 500, MaxNodesPerOrder = 1 }, express.Value);
    }

    [Fact]
    public void Write_thenParse_rulesAndPolicy_readBackEqualAndWriteTheSameText()
    {
        var network = Parsed(Network(AllRules + Sourcing));
        var json = NetworkFile.Write(network);
        Assert.Contains("\"localUtcOffset\": \"-05:30\"", json, StringComparison.Ordinal);
        Assert.Contains("\"strategy\": \"fewest-splits\"", json, StringComparison.Ordinal);
        var again = Parsed(json);
        NetworkFileRoundTripTests.AssertEquivalent(network, again);
        Assert.Equal(json, NetworkFile.Write(again));
    }

    [Fact]
    public void Write_thenParse_anyRulesAndPolicy_readsBackEqual()
    {
        NetworkModelGen.NetworkWithPolicies.Sample(model =>
        {
            var json = NetworkFile.Write(model);
            var result = NetworkFile.Parse(json, "generated.json");
            Assert.True(result.Succeeded, string.Join("\n", result.Errors) + "\n" + json);
            NetworkFileRoundTripTests.AssertEquivalent(model, result.Network);
            Assert.Equal(json, NetworkFile.Write(result.Network));
        }, iter: 100);
    }

    [Theory]
    [InlineData("\"maxLine\": 5", "$.orderRules.maxLine", "is not a known property")]
    [InlineData("\"maxLines\": 5, \"maxLines\": 6", "$.orderRules.maxLines", "more than once")]
    [InlineData("\"maxLines\": \"5\"", "$.orderRules.maxLines", "must be a whole number")]
    [InlineData("\"maxLines\": 0", "$.orderRules.maxLines", "max lines must be in 1..")]
    [InlineData("\"maxQuantityPerLine\": 100000", "$.orderRules.maxQuantityPerLine", "max quantity per line")]
    [InlineData("\"minOrderValueCents\": 900, \"maxOrderValueCents\": 800", "$.orderRules.maxOrderValueCents", "0 ≤ min ≤ max")]
    [InlineData("\"minOrderValueCents\": -1", "$.orderRules.minOrderValueCents", "0 ≤ min ≤ max")]
    [InlineData("\"minLeadMinutes\": -1", "$.orderRules.minLeadMinutes", "min lead minutes")]
    [InlineData("\"maxAdvanceDays\": 400", "$.orderRules.maxAdvanceDays", "max advance days")]
    [InlineData("\"maxWindowMinutes\": 1441", "$.orderRules.maxWindowMinutes", "max window minutes")]
    [InlineData("\"localUtcOffset\": \"+15:00\"", "$.orderRules.localUtcOffset", "±14 h")]
    [InlineData("\"localUtcOffset\": \"2h\"", "$.orderRules.localUtcOffset", "\"+HH:mm\"")]
    [InlineData("\"windowRequired\": 1", "$.orderRules.windowRequired", "true or false")]
    public void Parse_badOrderRules_pointsAtTheField(string fields, string path, string message)
    {
        var json = Network($",\n  \"orderRules\": {{\n    {fields}\n  }}");
        var error = Single(json);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(json, fields), error.Line);
    }

    [Theory]
    [InlineData("\"strategy\": \"cheapest\"", "$.sourcing.strategy", "min-cost-to-serve, closest-node, fewest-splits")]
    [InlineData("\"strategy\": \"closest-node\", \"weight\": {}", "$.sourcing.weight", "is not a known property")]
    [InlineData("\"weights\": { \"splitPenaltyCents\": -1 }", "$.sourcing.weights.splitPenaltyCents", "must not be negative")]
    [InlineData("\"weights\": { \"targetDaysOfCover\": 400 }", "$.sourcing.weights.targetDaysOfCover", "0..365")]
    [InlineData("\"segmentWeights\": [ { \"segmentId\": \"vip\" } ]", "$.sourcing.segmentWeights[0].segmentId", "unknown segment 'vip'")]
    [InlineData("\"segmentWeights\": [ { \"segmentId\": \"eco\", \"maxNodesPerOrder\": 4 } ]", "$.sourcing.segmentWeights[0].maxNodesPerOrder", "1..3 nodes")]
    [InlineData("\"segmentWeights\": [ { \"lastMileCentsPerKm\": 1 } ]", "$.sourcing.segmentWeights[0].segmentId", "is required")]
    public void Parse_badSourcing_pointsAtTheField(string fields, string path, string message)
    {
        var json = Network($",\n  \"sourcing\": {{\n    {fields}\n  }}");
        var error = Single(json);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_segmentWeightsTwiceForOneSegment_isAnError()
    {
        var error = Single(Network(",\n  \"sourcing\": { \"segmentWeights\": [ { \"segmentId\": \"eco\" }, { \"segmentId\": \"eco\" } ] }"));
        Assert.Equal("$.sourcing.segmentWeights[1].segmentId", error.Path);
        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_orderRulesNotAnObject_isAnError()
    {
        var error = Single(Network(",\n  \"orderRules\": [ 1 ]"));
        Assert.Equal("$.orderRules", error.Path);
        Assert.Contains("must be an object", error.Message, StringComparison.Ordinal);
    }
}
