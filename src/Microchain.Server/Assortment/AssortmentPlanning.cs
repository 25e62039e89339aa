using Microchain.Domain.Network;
using Microchain.Planning.Assortment;
using Microchain.Server.Orders;

namespace Microchain.Server.Assortment;

/// <summary>Units of a SKU demanded in a node's area on a day (days since any origin).</summary>
public sealed record AssortmentDemandRow(string NodeId, string SkuId, int Day, double Units);

/// <summary>
/// A dry run of assortment planning: on <paramref name="Demand"/> when posted, else on the tenant's order history
/// (each captured order counts for the fulfilment node nearest its delivery point: the area's demand, not where
/// the current assortment sent it). <paramref name="Apply"/> stores the planned assortments.
/// </summary>
public sealed record AssortmentPlanRequest(
    IReadOnlyList<string>? Nodes = null,
    IReadOnlyList<AssortmentDemandRow>? Demand = null,
    int WindowDays = 28,
    double CoverDays = 3,
    int HorizonDays = 7,
    long SwitchCostCents = 2_000,
    bool Apply = false);

public sealed record AssortmentPlanResponse(string DemandSource, int DemandRows, bool Applied, AssortmentPlan Plan);

/// <summary>Turns a plan request into an <see cref="AssortmentPlan"/> against the tenant's network and current assortments.</summary>
public static class AssortmentPlanning
{
    public const int MaxDemandRows = 200_000;

    public static AssortmentPlan Plan(NetworkModel network, IReadOnlyList<DemandRecord> demand, IReadOnlyDictionary<string, IReadOnlySet<string>> current,
        AssortmentPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(request);
        var settings = new AssortmentSettings(request.CoverDays, request.HorizonDays, request.SwitchCostCents);
        settings.Check();
        var rates = AssortmentDemand.DailyRates(demand, request.WindowDays);
        return AssortmentPlanner.Plan(NetworkAssortment.Requests(network, rates, current, request.Nodes), settings);
    }

    /// <summary>Posted rows as demand records, refusing unknown SKUs and nodes.</summary>
    public static IReadOnlyList<DemandRecord> Posted(NetworkModel network, IReadOnlyList<AssortmentDemandRow> rows)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count > MaxDemandRows) throw new ArgumentException($"at most {MaxDemandRows} demand rows");
        var skus = network.Skus.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var records = new DemandRecord[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i] ?? throw new ArgumentException($"demand[{i}] is null");
            if (r.NodeId is null || network.FindNode(r.NodeId) is null) throw new ArgumentException($"demand[{i}]: node '{r.NodeId}' does not exist");
            if (r.SkuId is null || !skus.Contains(r.SkuId)) throw new ArgumentException($"demand[{i}]: SKU '{r.SkuId}' does not exist");
            if (!double.IsFinite(r.Units) || r.Units < 0) throw new ArgumentException($"demand[{i}]: units must be finite and not negative");
            records[i] = new DemandRecord(r.NodeId, r.SkuId, r.Day, r.Units);
        }
        return records;
    }

    /// <summary>
    /// Demand per node area and day from the tenant's captured orders (<see cref="OrderDemandHistory.ReadCapturedAsync"/>):
    /// each delivery point counts for the fulfilment node nearest it; days count from the first order's UTC day.
    /// </summary>
    public static IReadOnlyList<DemandRecord> FromHistory(NetworkModel network, IReadOnlyList<CapturedDemand> captured)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(captured);
        if (captured.Count == 0 || Domain.Validation.ValidationContext.For(network).FulfilmentNodes.Count == 0) return [];
        var origin = captured.Min(c => c.UtcDayNumber);
        var areas = new Dictionary<Domain.Geo.GeoPoint, string>();
        var records = new DemandRecord[captured.Count];
        for (var i = 0; i < captured.Count; i++)
        {
            var c = captured[i];
            if (!areas.TryGetValue(c.DeliverTo, out var area)) areas[c.DeliverTo] = area = NetworkAssortment.AreaOf(network, c.DeliverTo)!;
            records[i] = new DemandRecord(area, c.SkuId, c.UtcDayNumber - origin, c.Units);
        }
        return records;
    }
}
