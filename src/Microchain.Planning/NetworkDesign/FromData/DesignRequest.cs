namespace Microchain.Planning.NetworkDesign.FromData;

/// <summary>Which network-design model to solve.</summary>
public enum DesignProblem
{
    /// <summary>Capacitated facility location; each demand point served by one site.</summary>
    CapacitatedSingleSource,
    /// <summary>Capacitated facility location; demand may split between sites.</summary>
    CapacitatedMultiSource,
    /// <summary>Facility location without capacities.</summary>
    Uncapacitated,
    /// <summary>Exactly <see cref="DesignRequest.MaxSites"/> sites minimising demand-weighted travel.</summary>
    PMedian,
    /// <summary>At most <see cref="DesignRequest.MaxSites"/> sites maximising demand within <see cref="DesignRequest.CoverMinutes"/>.</summary>
    MaximalCoverage,
}

/// <summary>
/// A network-design question asked of a network and its demand. Costs are over <see cref="HorizonWeeks"/>: opening a
/// site costs its fixed cost per day for the horizon (plus its one-off opening cost if it is not open yet); serving an
/// order costs its share of a delivery trip, (2 × travel ÷ <see cref="StopsPerTrip"/> + <see cref="ServiceMinutes"/>)
/// × <see cref="DeliveryCostCentsPerMinute"/>.
/// </summary>
public sealed record DesignRequest
{
    public DesignProblem Problem { get; init; } = DesignProblem.CapacitatedSingleSource;
    /// <summary>Side of the square cells demand is aggregated to.</summary>
    public double CellMeters { get; init; } = 1_000;
    /// <summary>New candidate sites at the centroids of the busiest cells, besides the network's own MFCs, dark stores and stores.</summary>
    public int ExtraCandidates { get; init; }
    public int MinSites { get; init; }
    /// <summary>Most open sites; the p of p-median and coverage.</summary>
    public int? MaxSites { get; init; }
    /// <summary>Most total opening cost over the horizon.</summary>
    public long? BudgetCents { get; init; }
    public IReadOnlyList<string> ForceOpen { get; init; } = [];
    public IReadOnlyList<string> ForceClosed { get; init; } = [];
    /// <summary>Coverage radius for <see cref="DesignProblem.MaximalCoverage"/>.</summary>
    public double CoverMinutes { get; init; } = 15;
    /// <summary>Refuse assignments farther than a segment's promise allows (promise minus <see cref="PickMinutes"/>).</summary>
    public bool EnforcePromise { get; init; } = true;
    public double PickMinutes { get; init; } = 10;
    public int HorizonWeeks { get; init; } = 52;
    public long DeliveryCostCentsPerMinute { get; init; } = 50;
    public double StopsPerTrip { get; init; } = 6;
    public double ServiceMinutes { get; init; } = 4;
    public double UnitsPerOrder { get; init; } = 8;
    /// <summary>Re-assessment: one-time cost of closing a site (lease exit, moving stock); opening uses the node's opening cost.</summary>
    public long ClosingCostCents { get; init; } = 500_000;
    /// <summary>Re-assessment: length of one period (a month by default).</summary>
    public double WeeksPerPeriod { get; init; } = 365.25 / 12 / 7;
    public TimeSpan? TimeLimit { get; init; } = TimeSpan.FromSeconds(30);
    public int Seed { get; init; } = 1;

    public const int MaxExtraCandidates = 500;

    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (!(CellMeters is >= DemandGrid.MinCellMeters and <= DemandGrid.MaxCellMeters)) p.Add($"cellMeters must be within {DemandGrid.MinCellMeters}..{DemandGrid.MaxCellMeters}");
        if (ExtraCandidates is < 0 or > MaxExtraCandidates) p.Add($"extraCandidates must be within 0..{MaxExtraCandidates}");
        if (MinSites < 0) p.Add("minSites must not be negative");
        if (MaxSites is { } max && max < Math.Max(1, MinSites)) p.Add("maxSites must be at least 1 and at least minSites");
        if (Problem is DesignProblem.PMedian or DesignProblem.MaximalCoverage && MaxSites is null) p.Add($"{Problem} needs maxSites");
        if (BudgetCents is < 0) p.Add("budgetCents must not be negative");
        if (!(CoverMinutes > 0)) p.Add("coverMinutes must be positive");
        if (HorizonWeeks is < 1 or > 520) p.Add("horizonWeeks must be within 1..520");
        if (DeliveryCostCentsPerMinute < 0 || !(StopsPerTrip >= 1) || !(ServiceMinutes >= 0) || !(UnitsPerOrder > 0) || !(PickMinutes >= 0))
            p.Add("delivery cost, stops per trip (≥ 1), service minutes, pick minutes and units per order must be sensible");
        if (ClosingCostCents < 0 || !(WeeksPerPeriod > 0)) p.Add("closing cost must not be negative and weeks per period must be positive");
        if (TimeLimit is { } t && (t <= TimeSpan.Zero || t > TimeSpan.FromHours(1))) p.Add("timeLimit must be within 0..3600 s");
        return p;
    }
}
