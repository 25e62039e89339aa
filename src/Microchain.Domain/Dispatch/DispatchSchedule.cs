namespace Microchain.Domain.Dispatch;

/// <summary>
/// When a node sends its picked orders out: a wave every <see cref="WaveIntervalMinutes"/> minutes of the local day, or
/// at fixed local <see cref="CutOffs"/> when any are given (then the interval is not used).
/// </summary>
public sealed record DispatchSchedule
{
    public const int MaxCutOffs = 48;

    /// <summary>Minutes between waves, counted from local midnight (1..1440).</summary>
    public int WaveIntervalMinutes { get; init; } = 30;

    /// <summary>Local times of day at which a wave leaves, ascending; empty = every <see cref="WaveIntervalMinutes"/>.</summary>
    public IReadOnlyList<TimeOnly> CutOffs { get; init; } = [];

    /// <summary>Whether a failed home delivery is re-routed to the nearest locker with a free compartment (else its stock returns).</summary>
    public bool FailedToLocker { get; init; } = true;

    public static DispatchSchedule Default { get; } = new();

    public void Check(string what)
    {
        Guard.That(WaveIntervalMinutes is >= 1 and <= 24 * 60, "dispatch.interval", $"{what}: wave interval must be within 1..1440 minutes");
        Guard.That(CutOffs.Count <= MaxCutOffs, "dispatch.cut_offs", $"{what}: at most {MaxCutOffs} cut-off times");
        for (var i = 1; i < CutOffs.Count; i++)
            Guard.That(CutOffs[i] > CutOffs[i - 1], "dispatch.cut_offs", $"{what}: cut-off times must be ascending and distinct");
    }

    /// <summary>
    /// The start of the wave slot that <paramref name="now"/> falls in: the latest interval boundary or cut-off at or
    /// before it, in the local day given by <paramref name="localUtcOffset"/>. Waves are named by this instant.
    /// </summary>
    public DateTimeOffset SlotAt(DateTimeOffset now, TimeSpan localUtcOffset)
    {
        var local = now.ToOffset(localUtcOffset);
        var midnight = new DateTimeOffset(local.Date, localUtcOffset);
        if (CutOffs.Count == 0)
        {
            var interval = TimeSpan.FromMinutes(WaveIntervalMinutes);
            var slots = (local - midnight).Ticks / interval.Ticks;
            return midnight + (interval * slots);
        }
        var time = TimeOnly.FromTimeSpan(local - midnight);
        for (var i = CutOffs.Count - 1; i >= 0; i--)
            if (CutOffs[i] <= time) return midnight + CutOffs[i].ToTimeSpan();
        return midnight.AddDays(-1) + CutOffs[^1].ToTimeSpan();
    }

    // Records compare lists by reference; a schedule read back from a file must equal the one written.
    public bool Equals(DispatchSchedule? other) =>
        other is not null && WaveIntervalMinutes == other.WaveIntervalMinutes && FailedToLocker == other.FailedToLocker && CutOffs.SequenceEqual(other.CutOffs);

    public override int GetHashCode() => HashCode.Combine(WaveIntervalMinutes, FailedToLocker, CutOffs.Count);
}
