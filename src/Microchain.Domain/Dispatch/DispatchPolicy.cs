namespace Microchain.Domain.Dispatch;

/// <summary>A tenant's dispatch waves: a default schedule, overrides per node, and how long a locker compartment stays taken.</summary>
public sealed record DispatchPolicy
{
    /// <summary>Schedule of nodes without an override.</summary>
    public DispatchSchedule DefaultSchedule { get; init; } = DispatchSchedule.Default;

    /// <summary>Schedules per node id.</summary>
    public IReadOnlyDictionary<string, DispatchSchedule> ByNode { get; init; } = new Dictionary<string, DispatchSchedule>(StringComparer.Ordinal);

    /// <summary>Hours a delivered locker order holds its compartment (until the customer collects it), 1..336.</summary>
    public int LockerHoldHours { get; init; } = 24;

    /// <summary>Minutes after the planned arrival that the ETA window given to the customer stays open, 0..240.</summary>
    public int EtaWindowMinutes { get; init; } = 20;

    public static DispatchPolicy Default { get; } = new();

    public DispatchSchedule For(string nodeId) => ByNode.TryGetValue(nodeId, out var own) ? own : DefaultSchedule;

    public void Check()
    {
        DefaultSchedule.Check("default schedule");
        foreach (var (node, schedule) in ByNode) schedule.Check($"schedule of node {node}");
        Guard.That(LockerHoldHours is >= 1 and <= 14 * 24, "dispatch.locker_hold", "locker hold must be within 1..336 hours");
        Guard.That(EtaWindowMinutes is >= 0 and <= 240, "dispatch.eta_window", "ETA window must be within 0..240 minutes");
    }

    public bool Equals(DispatchPolicy? other) =>
        other is not null && DefaultSchedule == other.DefaultSchedule && LockerHoldHours == other.LockerHoldHours && EtaWindowMinutes == other.EtaWindowMinutes
        && ByNode.Count == other.ByNode.Count && ByNode.All(p => other.ByNode.TryGetValue(p.Key, out var s) && s == p.Value);

    public override int GetHashCode() => HashCode.Combine(DefaultSchedule, LockerHoldHours, EtaWindowMinutes, ByNode.Count);
}
