namespace Microchain.Domain.Orders;

/// <summary>The only legal moves of an order. Everything not listed here is impossible.</summary>
public static class OrderStateMachine
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Moves = new()
    {
        [OrderStatus.Captured] = [OrderStatus.Validated, OrderStatus.Rejected, OrderStatus.Cancelled],
        [OrderStatus.Validated] = [OrderStatus.Promised, OrderStatus.Allocated, OrderStatus.Rejected, OrderStatus.Cancelled],
        [OrderStatus.Promised] = [OrderStatus.Allocated, OrderStatus.Rejected, OrderStatus.Cancelled],
        [OrderStatus.Allocated] = [OrderStatus.Picked, OrderStatus.Cancelled, OrderStatus.Rejected],
        [OrderStatus.Picked] = [OrderStatus.Dispatched, OrderStatus.Cancelled],
        // Back to Picked when a failed home delivery is redirected to a locker (OrderRedirected).
        [OrderStatus.Dispatched] = [OrderStatus.Delivered, OrderStatus.Failed, OrderStatus.Picked],
        [OrderStatus.Delivered] = [],
        [OrderStatus.Rejected] = [],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Failed] = [],
    };

    public static bool CanMove(OrderStatus from, OrderStatus to) => Moves[from].Contains(to);

    public static IReadOnlyList<OrderStatus> NextFrom(OrderStatus from) => Moves[from];

    /// <summary>
    /// Whether an order takes steps that keep its status: while allocated, each node's part is picked, re-sourced or
    /// marked short by an event of its own, and only the last one is followed by the move to Picked.
    /// </summary>
    public static bool TakesSteps(OrderStatus status) => status == OrderStatus.Allocated;

    public static bool IsFinal(OrderStatus status) => Moves[status].Length == 0;
}
