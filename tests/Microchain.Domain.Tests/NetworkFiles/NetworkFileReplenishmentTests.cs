using Microchain.Domain.Network;
using Microchain.Domain.NetworkFiles;

namespace Microchain.Domain.Tests.NetworkFiles;

/// <summary>The <c>replenishment</c> section of the network file: run times, intra-day interval, policy parameters.</summary>
public sealed class NetworkFileReplenishmentTests
{
    private static string Network(string section) => $$"""
        {
          "name": "replenishment"{{section}}
        }
        """;

    private const string Full = """
        ,
          "replenishment": {
            "runTimes": ["01:30", "23:00"], "intraDayIntervalMinutes": 120, "intraDayFrom": "09:00", "intraDayTo": "15:00",
            "transferLeadTimeDays": 0, "reviewPeriodDays": 2, "targetCoverDays": 4.5, "dcReviewPeriodDays": 3, "dcTargetCoverDays": 10,
            "historyDays": 28, "segmentRule": "demandWeighted"
          }
        """;

    [Fact]
    public void Parse_withoutSection_takesTheDefaults()
    {
        var result = NetworkFile.Parse(Network(""), "n.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(ReplenishmentSettings.Default, result.Network.Replenishment);
        Assert.Equal([new TimeOnly(8, 0), new TimeOnly(12, 0), new TimeOnly(16, 0), new TimeOnly(20, 0)], result.Network.Replenishment.IntraDayTimes());
    }

    [Fact]
    public void Parse_fullSection_readsEveryProperty_andWritesItBackTheSame()
    {
        var result = NetworkFile.Parse(Network(Full), "n.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var expected = new ReplenishmentSettings
        {
            RunTimes = [new(1, 30), new(23, 0)], IntraDayIntervalMinutes = 120, IntraDayFrom = new(9, 0), IntraDayTo = new(15, 0),
            TransferLeadTimeDays = 0, ReviewPeriodDays = 2, TargetCoverDays = 4.5, DcReviewPeriodDays = 3, DcTargetCoverDays = 10,
            HistoryDays = 28, SegmentRule = SegmentServiceRule.DemandWeighted,
        };
        Assert.Equal(expected, result.Network.Replenishment);
        var json = NetworkFile.Write(result.Network);
        Assert.Contains("\"segmentRule\": \"demandWeighted\"", json, StringComparison.Ordinal);
        var again = NetworkFile.Parse(json, "again.json");
        Assert.True(again.Succeeded, string.Join("\n", again.Errors));
        Assert.Equal(expected, again.Network.Replenishment);
        Assert.Equal(json, NetworkFile.Write(again.Network));
    }

    [Theory]
    [InlineData("\"runTimes\": [\"25:00\"]", "$.replenishment.runTimes[0]")]
    [InlineData("\"runTimes\": []", "$.replenishment.runTimes")]
    [InlineData("\"intraDayIntervalMinutes\": 5", "$.replenishment.intraDayIntervalMinutes")]
    [InlineData("\"historyDays\": 3", "$.replenishment.historyDays")]
    [InlineData("\"segmentRule\": \"loosest\"", "$.replenishment.segmentRule")]
    [InlineData("\"runTime\": \"02:00\"", "$.replenishment.runTime")]
    public void Parse_badSetting_isOneErrorAtItsPath(string property, string path)
    {
        var result = NetworkFile.Parse(Network($",\n  \"replenishment\": {{ {property} }}"), "n.json");
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Equal(3, error.Line);
    }
}
