namespace Microchain.Planning.Replenishment;

/// <summary>The DC's position for one SKU, with demand aggregated over the nodes it serves.</summary>
public sealed record DcItem
{
    /// <summary>The DC.</summary>
    public required string DcNodeId { get; init; }

    /// <summary>The SKU.</summary>
    public required string Sku { get; init; }

    /// <summary>Units on hand and available at the DC.</summary>
    public required int OnHandUnits { get; init; }

    /// <summary>Units on open purchase orders.</summary>
    public int OnOrderUnits { get; init; }

    /// <summary>Mean daily demand on the DC (e.g. <see cref="Forecasting.ForecastAggregation"/> of node forecasts).</summary>
    public required double DemandMeanPerDay { get; init; }

    /// <summary>Standard deviation of one day's demand on the DC.</summary>
    public required double DemandSdPerDay { get; init; }

    /// <summary>Days between purchasing reviews.</summary>
    public int ReviewPeriodDays { get; init; } = 1;

    /// <summary>Service target of the DC toward its nodes.</summary>
    public ServiceTarget Service { get; init; } = new(0.98, ServiceMeasure.FillRate);

    /// <summary>Days of cover to order up to (beyond safety stock).</summary>
    public double TargetCoverDays { get; init; }
}

/// <summary>A proposed purchase order.</summary>
/// <param name="SupplierId">Chosen supplier.</param>
/// <param name="DcNodeId">Receiving DC.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="QuantityUnits">Units: whole packs, at least the supplier's MOQ, at most its capacity.</param>
/// <param name="ArrivalDate">Expected receipt (order date + lead time).</param>
/// <param name="CostCents">Quantity × unit cost.</param>
/// <param name="Reason">Why this supplier and this quantity.</param>
public sealed record PurchaseOrderProposal(string SupplierId, string DcNodeId, string Sku, int QuantityUnits, DateOnly ArrivalDate, long CostCents, string Reason);

/// <summary>Purchase proposals plus the needs no supplier could take.</summary>
/// <param name="Orders">Proposals, by SKU in input order.</param>
/// <param name="Unplaced">Explanations for SKUs that need stock but have no usable supplier or not enough capacity.</param>
public sealed record PurchasePlan(IReadOnlyList<PurchaseOrderProposal> Orders, IReadOnlyList<string> Unplaced);
