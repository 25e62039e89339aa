namespace Microchain.Domain.Network;

/// <summary>
/// Weights of the cost-to-serve terms a tenant sets in its network file (money in cents). Mirrors the planner's
/// cost-to-serve weights; the domain holds them as data so that the file format does not depend on the planner.
/// </summary>
public sealed record SourcingWeights
{
    /// <summary>Van cost per road kilometre from node to customer.</summary>
    public long LastMileCentsPerKm { get; init; } = 60;

    /// <summary>Fixed cost of one delivery stop (one per node that ships part of the order).</summary>
    public long LastMileCentsPerStop { get; init; } = 150;

    /// <summary>Extra cost per additional node.</summary>
    public long SplitPenaltyCents { get; init; } = 300;

    /// <summary>Penalty per unit at full pick load (grows with the square of utilisation).</summary>
    public long LoadPenaltyCentsPerUnit { get; init; } = 20;

    /// <summary>Penalty per unit taken from stock that the days-of-cover target protects.</summary>
    public long StockBalancePenaltyCentsPerUnit { get; init; } = 10;

    /// <summary>Days of cover a node should keep.</summary>
    public double TargetDaysOfCover { get; init; } = 2;

    /// <summary>Most nodes one order may be split over (1..3).</summary>
    public int MaxNodesPerOrder { get; init; } = 3;

    /// <summary>The defaults.</summary>
    public static SourcingWeights Default { get; } = new();

    /// <summary>Throws a <see cref="DomainException"/> (code <c>sourcing.*</c>) when a weight is out of range.</summary>
    public void Check(string what)
    {
        Guard.That(LastMileCentsPerKm >= 0 && LastMileCentsPerStop >= 0 && SplitPenaltyCents >= 0 && LoadPenaltyCentsPerUnit >= 0 && StockBalancePenaltyCentsPerUnit >= 0,
            "sourcing.negative_weight", $"{what}: cost weights must not be negative");
        Guard.That(double.IsFinite(TargetDaysOfCover) && TargetDaysOfCover is >= 0 and <= 365, "sourcing.days_of_cover", $"{what}: target days of cover must be within 0..365");
        Guard.That(MaxNodesPerOrder is >= 1 and <= 3, "sourcing.max_nodes", $"{what}: an order may be split over 1..3 nodes");
    }
}

/// <summary>How a tenant sources orders: the default strategy and the cost-to-serve weights, with overrides per segment.</summary>
public sealed record SourcingPolicy
{
    /// <summary>The strategy names a policy may name.</summary>
    public static IReadOnlyList<string> Strategies { get; } = ["min-cost-to-serve", "closest-node", "fewest-splits"];

    /// <summary>Strategy used when a request names none; one of <see cref="Strategies"/>.</summary>
    public string Strategy { get; init; } = "min-cost-to-serve";

    /// <summary>Weights for segments without an override.</summary>
    public SourcingWeights Weights { get; init; } = SourcingWeights.Default;

    /// <summary>Weights per segment id.</summary>
    public IReadOnlyDictionary<string, SourcingWeights> WeightsBySegment { get; init; } = new Dictionary<string, SourcingWeights>(StringComparer.Ordinal);

    /// <summary>The defaults: min-cost-to-serve with default weights.</summary>
    public static SourcingPolicy Default { get; } = new();

    /// <summary>Throws a <see cref="DomainException"/> (code <c>sourcing.*</c>) when the policy is out of range.</summary>
    public void Check()
    {
        Guard.That(Strategies.Contains(Strategy, StringComparer.Ordinal), "sourcing.strategy", $"strategy '{Strategy}' is not one of {string.Join(", ", Strategies)}");
        Weights.Check("default weights");
        foreach (var (segment, weights) in WeightsBySegment) weights.Check($"weights of segment {segment}");
    }

    // Records compare dictionaries by reference; a policy read back from a file must equal the one written.
    public bool Equals(SourcingPolicy? other) =>
        other is not null && Strategy == other.Strategy && Weights == other.Weights && WeightsBySegment.Count == other.WeightsBySegment.Count
        && WeightsBySegment.All(p => other.WeightsBySegment.TryGetValue(p.Key, out var w) && w == p.Value);

    public override int GetHashCode() => HashCode.Combine(Strategy, Weights, WeightsBySegment.Count);
}
