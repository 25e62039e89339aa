using Microchain.Domain.Dispatch;
using Microchain.Domain.NetworkFiles;

namespace Microchain.Domain.Tests.NetworkFiles;

/// <summary>The <c>dispatch</c> section of the network file.</summary>
public sealed class NetworkFileDispatchTests
{
    private const string File = "tenant.json";

    private static string Network(string dispatch) => $$"""
        {
          "name": "dispatch",
          "nodes": [
            { "id": "mfc-1", "name": "MFC 1", "kind": "mfc", "location": { "lat": 45.76, "lon": 4.84 }, "storage": { "ambientLiters": 1000 } },
            { "id": "mfc-2", "name": "MFC 2", "kind": "mfc", "location": { "lat": 45.75, "lon": 4.85 }, "storage": { "ambientLiters": 1000 } }
          ]{{dispatch}}
        }
        """;

    private static NetworkFileResult Parse(string dispatch) => NetworkFile.Parse(Network(dispatch), File);

    [Fact]
    public void Parse_withoutDispatch_takesTheDefaultPolicy()
    {
        var result = Parse("");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(DispatchPolicy.Default, result.Network.Dispatch);
        Assert.Equal(30, result.Network.Dispatch.For("mfc-1").WaveIntervalMinutes);
    }

    [Fact]
    public void Parse_nodeSchedule_inheritsTheSectionDefaultsAndOverridesItsOwnFields()
    {
        var result = Parse("""
            ,
              "dispatch": {
                "waveIntervalMinutes": 20, "failedToLocker": false, "lockerHoldHours": 48, "etaWindowMinutes": 15,
                "nodes": [ { "nodeId": "mfc-2", "cutOffs": ["10:00", "16:30"] } ]
              }
            """);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var policy = result.Network.Dispatch;
        Assert.Equal(new DispatchSchedule { WaveIntervalMinutes = 20, FailedToLocker = false }, policy.For("mfc-1"));
        Assert.Equal(new DispatchSchedule { WaveIntervalMinutes = 20, FailedToLocker = false, CutOffs = [new(10, 0), new(16, 30)] }, policy.For("mfc-2"));
        Assert.Equal((48, 15), (policy.LockerHoldHours, policy.EtaWindowMinutes));
        // Written and read back equal.
        Assert.Equal(policy, NetworkFile.Parse(NetworkFile.Write(result.Network), File).Network!.Dispatch);
    }

    [Theory]
    [InlineData("\"waveIntervalMinutes\": 0", "$.dispatch.waveIntervalMinutes", "1..1440")]
    [InlineData("\"cutOffs\": [\"16:00\", \"10:00\"]", "$.dispatch.cutOffs", "ascending")]
    [InlineData("\"cutOffs\": [\"noon\"]", "$.dispatch.cutOffs[0]", "HH:mm")]
    [InlineData("\"lockerHoldHours\": 0", "$.dispatch.lockerHoldHours", "1..336")]
    [InlineData("\"etaWindowMinutes\": 241", "$.dispatch.etaWindowMinutes", "0..240")]
    [InlineData("\"nodes\": [ { \"nodeId\": \"mfc-9\" } ]", "$.dispatch.nodes[0].nodeId", "unknown node 'mfc-9'")]
    [InlineData("\"nodes\": [ { \"nodeId\": \"mfc-1\", \"waveIntervalMinutes\": 1441 } ]", "$.dispatch.nodes[0].waveIntervalMinutes", "1..1440")]
    [InlineData("\"nodes\": [ { \"nodeId\": \"mfc-1\" }, { \"nodeId\": \"mfc-1\" } ]", "$.dispatch.nodes[1].nodeId", "more than once")]
    [InlineData("\"waves\": 3", "$.dispatch.waves", "is not a known property")]
    public void Parse_badDispatch_pointsAtTheField(string fields, string path, string message)
    {
        var result = Parse($",\n  \"dispatch\": {{ {fields} }}");
        Assert.False(result.Succeeded, "the file should have been refused");
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }
}
