using Microchain.Domain.Catalog;
namespace Microchain.Planning.Replenishment;

/// <summary>How a service-level target is measured.</summary>
public enum ServiceMeasure
{
    /// <summary>Probability of no stock-out in a replenishment cycle (α service).</summary>
    CycleService,

    /// <summary>Share of demand served from stock (β service, fill rate).</summary>
    FillRate,
}

/// <summary>A service-level target of a customer segment, e.g. 95% fill rate.</summary>
/// <param name="Level">Target in (0, 1).</param>
/// <param name="Measure">What the level measures.</param>
public readonly record struct ServiceTarget(double Level, ServiceMeasure Measure);

/// <summary>The distribution assumed for demand over the protection period when sizing safety stock.</summary>
public enum DemandModel
{
    /// <summary>Normal with the forecast mean and sd: the textbook safety factor.</summary>
    Normal,

    /// <summary>
    /// Negative binomial (Poisson when not over-dispersed) with the forecast mean and variance: whole units
    /// and a right-skewed tail, closer to slow, intermittent movers.
    /// </summary>
    Count,
}

/// <summary>Which planning run is asking.</summary>
public enum ReplenishmentRun
{
    /// <summary>The nightly run: review every line against its (s, S) levels.</summary>
    Nightly,

    /// <summary>
    /// An intra-day run: only lines that may stock out before the next nightly delivery (position below
    /// lead-time demand plus safety stock) get an emergency top-up to their reorder point.
    /// </summary>
    IntraDay,
}

/// <summary>One node × SKU to plan, with its stock, forecast and ordering constraints.</summary>
public sealed record ReplenishmentItem
{
    /// <summary>The node that holds the stock.</summary>
    public required string NodeId { get; init; }

    /// <summary>The SKU.</summary>
    public required string Sku { get; init; }

    /// <summary>Units on hand and available (on hand minus reserved).</summary>
    public required int OnHandUnits { get; init; }

    /// <summary>Units ordered or in transit, not yet received.</summary>
    public int OnOrderUnits { get; init; }

    /// <summary>Forecast mean demand per day.</summary>
    public required double DemandMeanPerDay { get; init; }

    /// <summary>Forecast standard deviation of one day's demand.</summary>
    public required double DemandSdPerDay { get; init; }

    /// <summary>Days from ordering to receiving at the node.</summary>
    public int LeadTimeDays { get; init; } = 1;

    /// <summary>Days between regular (nightly) reviews.</summary>
    public int ReviewPeriodDays { get; init; } = 1;

    /// <summary>Service target of the segment this node × SKU serves.</summary>
    public ServiceTarget Service { get; init; } = new(0.95, ServiceMeasure.FillRate);

    /// <summary>Distribution used to size safety stock.</summary>
    public DemandModel DemandModel { get; init; } = DemandModel.Normal;

    /// <summary>Days of cover (beyond safety stock) to order up to; below lead time + review period it has no effect.</summary>
    public double TargetCoverDays { get; init; }

    /// <summary>Units per pack; order quantities are multiples of it.</summary>
    public int PackSizeUnits { get; init; } = 1;

    /// <summary>Minimum order quantity in units (rounded up to whole packs).</summary>
    public int MinOrderUnits { get; init; }

    /// <summary>Storage volume of one unit, in litres.</summary>
    public double UnitVolumeLitres { get; init; }

    /// <summary>Storage zone of the SKU.</summary>
    public TemperatureZone Zone { get; init; }

    /// <summary>Priority of the line when capacity binds: higher is served first (e.g. from the segment).</summary>
    public int Priority { get; init; }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(NodeId);
        ArgumentException.ThrowIfNullOrWhiteSpace(Sku);
        ArgumentOutOfRangeException.ThrowIfNegative(OnHandUnits);
        ArgumentOutOfRangeException.ThrowIfNegative(OnOrderUnits);
        if (!(double.IsFinite(DemandMeanPerDay) && DemandMeanPerDay >= 0)) throw new ArgumentOutOfRangeException(nameof(DemandMeanPerDay));
        if (!(double.IsFinite(DemandSdPerDay) && DemandSdPerDay >= 0)) throw new ArgumentOutOfRangeException(nameof(DemandSdPerDay));
        ArgumentOutOfRangeException.ThrowIfNegative(LeadTimeDays);
        ArgumentOutOfRangeException.ThrowIfLessThan(ReviewPeriodDays, 1);
        if (!(Service.Level is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(Service), "service level must be in (0, 1)");
        if (!(double.IsFinite(TargetCoverDays) && TargetCoverDays >= 0)) throw new ArgumentOutOfRangeException(nameof(TargetCoverDays));
        ArgumentOutOfRangeException.ThrowIfLessThan(PackSizeUnits, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(MinOrderUnits);
        if (!(double.IsFinite(UnitVolumeLitres) && UnitVolumeLitres >= 0)) throw new ArgumentOutOfRangeException(nameof(UnitVolumeLitres));
    }
}

/// <summary>Storage capacity of one temperature zone of a node.</summary>
/// <param name="Zone">The zone.</param>
/// <param name="VolumeLitres">Usable volume.</param>
/// <param name="Slots">Number of distinct SKUs the zone can hold (pick faces / bins).</param>
public readonly record struct ZoneCapacity(TemperatureZone Zone, double VolumeLitres, int Slots);

/// <summary>Storage capacity of a node, per temperature zone. A zone not listed cannot hold stock.</summary>
public sealed record NodeCapacity(string NodeId, IReadOnlyList<ZoneCapacity> Zones);
