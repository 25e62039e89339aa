using Microchain.Domain.Orders;

namespace Microchain.Runtime.Orders;

/// <summary>
/// A node confirms what it picked of its part of an order. <paramref name="Resource"/> is where to try the units it
/// is missing, in order of preference (node × SKU × units, from live availability); whatever no node of it can
/// reserve is marked short.
/// </summary>
public sealed record PickConfirmation(string NodeId, IReadOnlyList<OrderLine> Picked, IReadOnlyList<Allocation> Resource);

public enum PickStatus
{
    /// <summary>Picked at the node and recorded now (with any re-sourcing, short lines and the move to Picked).</summary>
    Recorded,
    /// <summary>The same pick was recorded before: nothing done.</summary>
    AlreadyRecorded,
    /// <summary>Refused (see the error code): nothing changed at the node or on the order.</summary>
    Refused,
    NotFound,
}

public sealed record PickOutcome(PickStatus Status, OrderView? Order, string? ErrorCode, string? Message)
{
    public static PickOutcome Refused(string code, string message) => new(PickStatus.Refused, null, code, message);
}
