using System.Text.Json;
using Microchain.Domain.Dispatch;

namespace Microchain.Domain.NetworkFiles;

/// <summary>
/// The <c>dispatch</c> section of a network file: read strictly like the other policy sections, then checked with
/// <see cref="DispatchPolicy.Check"/>; every node override must name a declared node.
/// </summary>
internal static class DispatchSection
{
    private const string Path = "$.dispatch";

    public static DispatchDto? Read(JsonFields root, ErrorSink errors)
    {
        if (root.OptionalObject("dispatch") is not { } f) return null;
        var before = errors.Count;
        var d = DispatchPolicy.Default;
        var schedule = ReadSchedule(f, ToDto(d.DefaultSchedule), errors);
        var nodes = new List<NodeScheduleDto>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var elements = f.Array("nodes", NetworkFileLimits.MaxNodes);
        for (var i = 0; i < elements.Count; i++)
        {
            if (JsonFields.Open(elements[i], JsonPath.Index(f.At("nodes"), i), errors) is not { } n) continue;
            var id = n.RequiredText("nodeId");
            var own = ReadSchedule(n, schedule, errors);
            n.Finish();
            if (!seen.Add(id)) errors.Add(n.At("nodeId"), $"node '{JsonPath.Describe(id)}' has a schedule more than once");
            nodes.Add(new NodeScheduleDto(id, own.WaveIntervalMinutes, own.CutOffs, own.FailedToLocker));
        }
        var dto = new DispatchDto(schedule.WaveIntervalMinutes, schedule.CutOffs, schedule.FailedToLocker,
            f.Int("lockerHoldHours", d.LockerHoldHours), f.Int("etaWindowMinutes", d.EtaWindowMinutes), nodes);
        f.Finish();
        return errors.Count == before ? dto : null;
    }

    private static ScheduleDto ReadSchedule(JsonFields f, ScheduleDto fallback, ErrorSink errors)
    {
        var cutOffs = fallback.CutOffs;
        if (f.Raw("cutOffs") is not null)
        {
            var times = new List<TimeOnly>();
            var elements = f.Array("cutOffs", DispatchSchedule.MaxCutOffs);
            for (var i = 0; i < elements.Count; i++)
            {
                var at = JsonPath.Index(f.At("cutOffs"), i);
                if (elements[i].ValueKind == JsonValueKind.String && TimeText.TryParse(elements[i].GetString()!, out var time)) times.Add(time);
                else errors.Add(at, "must be a time of day \"HH:mm\"");
            }
            cutOffs = times;
        }
        return new ScheduleDto(f.Int("waveIntervalMinutes", fallback.WaveIntervalMinutes), cutOffs, f.Bool("failedToLocker", fallback.FailedToLocker));
    }

    public static DispatchPolicy ToPolicy(DispatchDto? d, HashSet<string> declaredNodes, ErrorSink errors)
    {
        if (d is null) return DispatchPolicy.Default;
        var schedule = Schedule(d.WaveIntervalMinutes, d.CutOffs, d.FailedToLocker, Path, "default schedule", errors);
        var byNode = new Dictionary<string, DispatchSchedule>(StringComparer.Ordinal);
        for (var i = 0; i < d.Nodes.Count; i++)
        {
            var n = d.Nodes[i];
            var path = $"{Path}.nodes[{i}]";
            if (!declaredNodes.Contains(n.NodeId)) errors.Add($"{path}.nodeId", $"refers to unknown node '{JsonPath.Describe(n.NodeId)}'");
            byNode[n.NodeId] = Schedule(n.WaveIntervalMinutes, n.CutOffs, n.FailedToLocker, path, $"schedule of node {n.NodeId}", errors);
        }
        var policy = new DispatchPolicy { DefaultSchedule = schedule, ByNode = byNode, LockerHoldHours = d.LockerHoldHours, EtaWindowMinutes = d.EtaWindowMinutes };
        try
        {
            policy.Check();
        }
        catch (DomainException ex) when (ex.Code is "dispatch.locker_hold" or "dispatch.eta_window")
        {
            errors.Add($"{Path}.{(ex.Code == "dispatch.locker_hold" ? "lockerHoldHours" : "etaWindowMinutes")}", ex.Message);
        }
        catch (DomainException)
        {
            // Schedules were checked one by one above, at their own paths.
        }
        return policy;
    }

    private static DispatchSchedule Schedule(int interval, IReadOnlyList<TimeOnly> cutOffs, bool toLocker, string path, string what, ErrorSink errors)
    {
        var schedule = new DispatchSchedule { WaveIntervalMinutes = interval, CutOffs = [.. cutOffs], FailedToLocker = toLocker };
        try
        {
            schedule.Check(what);
        }
        catch (DomainException ex)
        {
            errors.Add($"{path}.{(ex.Code == "dispatch.interval" ? "waveIntervalMinutes" : "cutOffs")}", ex.Message);
        }
        return schedule;
    }

    public static DispatchDto ToDto(DispatchPolicy p) => new(
        p.DefaultSchedule.WaveIntervalMinutes, [.. p.DefaultSchedule.CutOffs], p.DefaultSchedule.FailedToLocker, p.LockerHoldHours, p.EtaWindowMinutes,
        [.. p.ByNode.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => new NodeScheduleDto(n.Key, n.Value.WaveIntervalMinutes, [.. n.Value.CutOffs], n.Value.FailedToLocker))]);

    private static ScheduleDto ToDto(DispatchSchedule s) => new(s.WaveIntervalMinutes, s.CutOffs, s.FailedToLocker);

    private sealed record ScheduleDto(int WaveIntervalMinutes, IReadOnlyList<TimeOnly> CutOffs, bool FailedToLocker);
}
