namespace Microchain.Planning.Replenishment;

/// <summary>One node × SKU's stock now.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="AvailableUnits">On hand minus reserved.</param>
/// <param name="InTransitUnits">Ordered or shipped, not yet received.</param>
/// <param name="CapacityUnits">Most units the position may hold on hand (the node ledger's per-SKU limit); int.MaxValue when unknown.</param>
/// <param name="ReservedUnits">On hand but promised to orders: takes room, not available.</param>
public readonly record struct StockPosition(string NodeId, string Sku, int AvailableUnits, int InTransitUnits, int CapacityUnits = int.MaxValue, int ReservedUnits = 0);

/// <summary>Daily demand of one node × SKU, oldest first, ending the day before the planning day.</summary>
public sealed record DemandHistoryLine(string NodeId, string Sku, IReadOnlyList<double> DailyUnits);

/// <summary>Units a segment took at a node over the history: how the node's service level is set.</summary>
public readonly record struct SegmentDemand(string NodeId, string SegmentId, double Units);

/// <summary>A whole-network replenishment run: stock, demand history and the choices a planner may override.</summary>
public sealed record NetworkReplenishmentRequest
{
    /// <summary>Most node × SKU lines in one run.</summary>
    public const int MaxLines = ReplenishmentRequest.MaxItems;

    /// <summary>Most days of history per line.</summary>
    public const int MaxHistoryDays = 730;

    /// <summary>The day orders are placed.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>Nightly (full review, purchases too) or intra-day (emergency transfers only).</summary>
    public ReplenishmentRun Run { get; init; } = ReplenishmentRun.Nightly;

    /// <summary>Stock of every node (DCs included) × SKU.</summary>
    public required IReadOnlyList<StockPosition> Stock { get; init; }

    /// <summary>Demand history per node × SKU; lines without history are not forecast (no demand).</summary>
    public required IReadOnlyList<DemandHistoryLine> Demand { get; init; }

    /// <summary>Demand per node and segment; a node without any uses the network's segment mix.</summary>
    public IReadOnlyList<SegmentDemand> SegmentDemand { get; init; } = [];

    /// <summary>One service level for every node instead of the segments' levels.</summary>
    public double? ServiceLevel { get; init; }

    /// <summary>What the levels measure; segment levels are documented as cycle service (probability of no stock-out).</summary>
    public ServiceMeasure Measure { get; init; } = ServiceMeasure.CycleService;

    /// <summary>Days forecast; the mean and sd per day are taken over them (a week averages the weekday pattern).</summary>
    public int HorizonDays { get; init; } = 7;

    /// <summary>Periods per season of the daily history: 7 = weekday seasonality.</summary>
    public int SeasonLength { get; init; } = 7;

    /// <summary>Suppliers marked unavailable for this run, on top of those the network marks; the plan is compared with one without them.</summary>
    public IReadOnlySet<string> DisruptedSuppliers { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Stock);
        ArgumentNullException.ThrowIfNull(Demand);
        ArgumentNullException.ThrowIfNull(SegmentDemand);
        ArgumentNullException.ThrowIfNull(DisruptedSuppliers);
        if (Stock.Count > MaxLines || Demand.Count > MaxLines) throw new ArgumentOutOfRangeException(nameof(Stock), $"at most {MaxLines:N0} stock or demand lines per run");
        if (ServiceLevel is { } level && !(level is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(ServiceLevel), "service level must be in (0, 1)");
        if (HorizonDays is < 1 or > 366) throw new ArgumentOutOfRangeException(nameof(HorizonDays), "horizon must be within 1..366 days");
        if (SeasonLength is < 1 or > 366) throw new ArgumentOutOfRangeException(nameof(SeasonLength), "season length must be within 1..366");
        foreach (var line in Demand)
        {
            if (line.DailyUnits.Count > MaxHistoryDays) throw new ArgumentOutOfRangeException(nameof(Demand), $"at most {MaxHistoryDays} days of history per line");
        }
    }
}

/// <summary>The forecast behind one line: what the policy planned with.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Method">Method chosen by automatic selection, or <c>none</c> without demand history.</param>
/// <param name="MeanPerDay">Mean daily demand over the horizon.</param>
/// <param name="SdPerDay">Standard deviation of one day's demand (from the method's in-sample error).</param>
/// <param name="ServiceLevel">The node's service level.</param>
public sealed record LineForecast(string NodeId, string Sku, string Method, double MeanPerDay, double SdPerDay, double ServiceLevel);

/// <summary>The outcome of a whole-network run.</summary>
/// <param name="Transfers">Transfer proposals DC → nodes (and lines deferred), per DC in network order.</param>
/// <param name="Purchases">Purchase proposals supplier → DC (empty for an intra-day run).</param>
/// <param name="Forecasts">The forecast of every planned line.</param>
/// <param name="Disruption">What marking suppliers unavailable did, when some were.</param>
/// <param name="Notes">What the run could not plan and why (no DC, unknown SKUs…).</param>
public sealed record NetworkReplenishmentResult(
    ReplenishmentPlan Transfers, PurchasePlan Purchases, IReadOnlyList<LineForecast> Forecasts, SupplierSwitchImpact? Disruption, IReadOnlyList<string> Notes);
