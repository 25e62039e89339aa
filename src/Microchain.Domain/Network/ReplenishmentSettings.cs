namespace Microchain.Domain.Network;

/// <summary>How a node serving several segments gets one service level for its stock.</summary>
public enum SegmentServiceRule
{
    /// <summary>The highest level among the segments with demand at the node: every segment's target is met.</summary>
    Strictest,

    /// <summary>The demand-weighted mean of the segments' levels: cheaper, exact for fill rate, short of the strictest target.</summary>
    DemandWeighted,
}

/// <summary>
/// A tenant's replenishment runs, read from the <c>replenishment</c> section of its network file: when the
/// nightly and intra-day runs happen (local times, see <see cref="Validation.OrderRules.LocalUtcOffset"/>) and
/// the policy parameters they plan with. Every field has a default; <see cref="Check"/> refuses nonsense.
/// </summary>
public sealed record ReplenishmentSettings
{
    /// <summary>Most nightly run times a day.</summary>
    public const int MaxRunTimes = 24;

    /// <summary>Local times of the nightly (full (s, S) review) runs.</summary>
    public IReadOnlyList<TimeOnly> RunTimes { get; init; } = [new(2, 0)];

    /// <summary>Minutes between intra-day (emergency top-up) runs; 0 = no intra-day runs.</summary>
    public int IntraDayIntervalMinutes { get; init; } = 240;

    /// <summary>First intra-day run of the day (local); the next ones follow every interval until <see cref="IntraDayTo"/>.</summary>
    public TimeOnly IntraDayFrom { get; init; } = new(8, 0);

    /// <summary>Latest intra-day run of the day (local), inclusive.</summary>
    public TimeOnly IntraDayTo { get; init; } = new(20, 0);

    /// <summary>Days from a transfer's proposal to its receipt at the node.</summary>
    public int TransferLeadTimeDays { get; init; } = 1;

    /// <summary>Days between nightly reviews of a node.</summary>
    public int ReviewPeriodDays { get; init; } = 1;

    /// <summary>Days of cover a node orders up to (beyond safety stock); small nodes hold only days.</summary>
    public double TargetCoverDays { get; init; } = 3;

    /// <summary>Days between purchasing reviews of the DC.</summary>
    public int DcReviewPeriodDays { get; init; } = 7;

    /// <summary>Days of cover the DC orders up to (beyond safety stock).</summary>
    public double DcTargetCoverDays { get; init; } = 14;

    /// <summary>Days of order history the forecasts are fitted on.</summary>
    public int HistoryDays { get; init; } = 56;

    /// <summary>How the levels of the segments a node serves are combined.</summary>
    public SegmentServiceRule SegmentRule { get; init; } = SegmentServiceRule.Strictest;

    /// <summary>The defaults.</summary>
    public static ReplenishmentSettings Default { get; } = new();

    /// <summary>The local times of the intra-day runs of one day, in order (none when the interval is 0).</summary>
    public IReadOnlyList<TimeOnly> IntraDayTimes()
    {
        if (IntraDayIntervalMinutes <= 0) return [];
        var times = new List<TimeOnly>();
        for (var t = IntraDayFrom.ToTimeSpan(); t <= IntraDayTo.ToTimeSpan(); t += TimeSpan.FromMinutes(IntraDayIntervalMinutes))
            times.Add(TimeOnly.FromTimeSpan(t));
        return times;
    }

    /// <summary>Equal when every setting is, run times compared in order (a record compares lists by reference).</summary>
    public bool Equals(ReplenishmentSettings? other) =>
        other is not null && RunTimes.SequenceEqual(other.RunTimes) && IntraDayIntervalMinutes == other.IntraDayIntervalMinutes
        && IntraDayFrom == other.IntraDayFrom && IntraDayTo == other.IntraDayTo && TransferLeadTimeDays == other.TransferLeadTimeDays
        && ReviewPeriodDays == other.ReviewPeriodDays && TargetCoverDays.Equals(other.TargetCoverDays) && DcReviewPeriodDays == other.DcReviewPeriodDays
        && DcTargetCoverDays.Equals(other.DcTargetCoverDays) && HistoryDays == other.HistoryDays && SegmentRule == other.SegmentRule;

    public override int GetHashCode() => HashCode.Combine(RunTimes.Count, IntraDayIntervalMinutes, TransferLeadTimeDays, TargetCoverDays, HistoryDays, SegmentRule);

    /// <summary>Throws a <see cref="DomainException"/> (code <c>replenishment.*</c>) when a setting is out of range.</summary>
    public void Check()
    {
        Guard.That(RunTimes.Count is >= 1 and <= MaxRunTimes, "replenishment.run_times", $"run times: between 1 and {MaxRunTimes} times of day");
        Guard.That(RunTimes.Distinct().Count() == RunTimes.Count, "replenishment.run_times", "run times must not repeat");
        Guard.That(IntraDayIntervalMinutes is 0 or (>= 15 and <= 24 * 60), "replenishment.intra_day_interval", "intra-day interval must be 0 (off) or 15..1440 minutes");
        Guard.That(IntraDayFrom <= IntraDayTo, "replenishment.intra_day_window", "intra-day from must not be after intra-day to");
        Guard.That(TransferLeadTimeDays is >= 0 and <= 30, "replenishment.transfer_lead_time", "transfer lead time must be within 0..30 days");
        Guard.That(ReviewPeriodDays is >= 1 and <= 30, "replenishment.review_period", "review period must be within 1..30 days");
        Guard.That(TargetCoverDays is >= 0 and <= 365, "replenishment.target_cover", "target cover must be within 0..365 days");
        Guard.That(DcReviewPeriodDays is >= 1 and <= 90, "replenishment.dc_review_period", "DC review period must be within 1..90 days");
        Guard.That(DcTargetCoverDays is >= 0 and <= 365, "replenishment.dc_target_cover", "DC target cover must be within 0..365 days");
        Guard.That(HistoryDays is >= 7 and <= 730, "replenishment.history_days", "history must be within 7..730 days");
    }
}
