using Microchain.Domain.Geo;

namespace Microchain.Planning.Sourcing;

/// <summary>What every strategy decides against: the candidate nodes, road distances and the cost weights.</summary>
/// <param name="Candidates">Nodes that may fill the order; duplicates by id are not allowed.</param>
/// <param name="Travel">Road distance and time from a node to the delivery point (vans).</param>
/// <param name="Settings">Cost-to-serve weights, per segment; used by every strategy to price its choice.</param>
public sealed record SourcingContext(IReadOnlyList<NodeCandidate> Candidates, ITravelModel Travel, CostToServeSettings Settings)
{
    /// <summary>Most candidates a strategy considers; the nearest are kept. Bounds the combinations enumerated.</summary>
    public const int MaxCandidates = 64;

    /// <summary>Creates a context with default cost weights.</summary>
    public SourcingContext(IReadOnlyList<NodeCandidate> candidates, ITravelModel travel) : this(candidates, travel, CostToServeSettings.Default) { }
}
