namespace Microchain.Planning.Replenishment;

/// <summary>A planning run's input: the lines to review, node capacities and the source's stock.</summary>
public sealed record ReplenishmentRequest
{
    /// <summary>Most lines accepted in one run.</summary>
    public const int MaxItems = 1_000_000;

    /// <summary>Nightly or intra-day.</summary>
    public ReplenishmentRun Run { get; init; } = ReplenishmentRun.Nightly;

    /// <summary>The node that ships the transfers (the DC).</summary>
    public required string SourceNodeId { get; init; }

    /// <summary>Every node × SKU stocked at the planned nodes (capacity use is computed from these lines).</summary>
    public required IReadOnlyList<ReplenishmentItem> Items { get; init; }

    /// <summary>Capacity of the planned nodes; a node not listed is unconstrained.</summary>
    public IReadOnlyList<NodeCapacity> Capacities { get; init; } = [];

    /// <summary>Units available at the source per SKU; a SKU not listed is unconstrained.</summary>
    public IReadOnlyDictionary<string, int> SourceAvailableUnits { get; init; } = new Dictionary<string, int>();
}

/// <summary>A proposed transfer from the source to a node, with why.</summary>
/// <param name="FromNodeId">Shipping node (the DC).</param>
/// <param name="ToNodeId">Receiving node.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="QuantityUnits">Proposed units: a whole number of packs, at least the MOQ, or zero when deferred.</param>
/// <param name="RequestedUnits">Units the policy asked for before capacity and source stock were applied.</param>
/// <param name="Reason">Human-readable explanation of the quantity.</param>
public sealed record TransferOrderProposal(string FromNodeId, string ToNodeId, string Sku, int QuantityUnits, int RequestedUnits, string Reason);

/// <summary>The result of a run.</summary>
/// <param name="Orders">Proposals with a positive quantity, in input order.</param>
/// <param name="Deferred">Lines that needed stock but got none (capacity, slots or source stock), in input order.</param>
public sealed record ReplenishmentPlan(IReadOnlyList<TransferOrderProposal> Orders, IReadOnlyList<TransferOrderProposal> Deferred);
