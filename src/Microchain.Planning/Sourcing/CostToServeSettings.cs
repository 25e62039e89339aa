namespace Microchain.Planning.Sourcing;

/// <summary>Weights of the cost-to-serve terms. All money in cents.</summary>
/// <param name="LastMileCentsPerKm">Van cost per road kilometre from node to customer.</param>
/// <param name="LastMileCentsPerStop">Fixed cost of one delivery stop (one per node that ships part of the order).</param>
/// <param name="SplitPenaltyCents">Extra cost per additional node (second tote, second handover, customer annoyance).</param>
/// <param name="LoadPenaltyCentsPerUnit">
/// Penalty per unit at full load. A node's utilisation u = (queued + this order's units) / pick capacity per hour;
/// the penalty per unit is this weight × u², capped at u = <see cref="MaxUtilisation"/>: it rises as the node fills.
/// </param>
/// <param name="StockBalancePenaltyCentsPerUnit">Penalty per unit taken from stock that the days-of-cover target protects.</param>
/// <param name="TargetDaysOfCover">Days of cover a node should keep; units below it are penalised.</param>
/// <param name="MaxNodesPerOrder">Most nodes one order may be split over (1..3).</param>
public sealed record CostToServeWeights(
    long LastMileCentsPerKm = 60,
    long LastMileCentsPerStop = 150,
    long SplitPenaltyCents = 300,
    long LoadPenaltyCentsPerUnit = 20,
    long StockBalancePenaltyCentsPerUnit = 10,
    double TargetDaysOfCover = 2,
    int MaxNodesPerOrder = 3)
{
    /// <summary>Utilisation beyond which the load penalty stops growing.</summary>
    public const double MaxUtilisation = 4;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a weight is out of range.</summary>
    public void Check()
    {
        if (LastMileCentsPerKm < 0 || LastMileCentsPerStop < 0 || SplitPenaltyCents < 0 || LoadPenaltyCentsPerUnit < 0 || StockBalancePenaltyCentsPerUnit < 0)
            throw new ArgumentOutOfRangeException(nameof(LastMileCentsPerKm), "cost weights must not be negative");
        if (!double.IsFinite(TargetDaysOfCover) || TargetDaysOfCover is < 0 or > 365)
            throw new ArgumentOutOfRangeException(nameof(TargetDaysOfCover), "target days of cover must be within 0..365");
        if (MaxNodesPerOrder is < 1 or > 3)
            throw new ArgumentOutOfRangeException(nameof(MaxNodesPerOrder), "an order may be split over 1..3 nodes");
    }
}

/// <summary>Cost-to-serve weights with overrides per customer segment (e.g. express pays more per km).</summary>
public sealed record CostToServeSettings(CostToServeWeights Defaults, IReadOnlyDictionary<string, CostToServeWeights> BySegment)
{
    /// <summary>Default weights, no overrides.</summary>
    public static CostToServeSettings Default { get; } = new(new CostToServeWeights(), new Dictionary<string, CostToServeWeights>());

    /// <summary>The weights for <paramref name="segmentId"/>: its override, else the defaults.</summary>
    public CostToServeWeights For(string? segmentId) =>
        segmentId is not null && BySegment.TryGetValue(segmentId, out var weights) ? weights : Defaults;
}
