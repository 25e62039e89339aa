using Microchain.Domain;
using Microchain.Domain.Geo;
using Microchain.Domain.Inventory;
using Microchain.Domain.Orders;
using Microchain.Runtime.Nodes;

namespace Microchain.Runtime.Orders;

/// <summary>
/// Dispatch waves and delivery failures. A failure is recorded first and its stock returned after, under a return id
/// derived from the order, so a retry (or a crash between the two) returns the units exactly once.
/// </summary>
public sealed partial class OrderGrain
{
    public async Task<CommandOutcome> DispatchInWave(WaveStop stop, CancellationToken cancellationToken)
    {
        if (_order?.LastDispatch?.Wave is { } current && current == stop && _order.Status == OrderStatus.Dispatched) return CommandOutcome.Done;
        return await MoveAsync((order, now) => order.DispatchInWave(stop, now), cancellationToken);
    }

    public Task<CommandOutcome> RedirectToLocker(string lockerId, GeoPoint lockerLocation, string reason, CancellationToken cancellationToken) =>
        MoveAsync((order, now) => order.RedirectToLocker(lockerId, lockerLocation, reason, now), cancellationToken);

    public async Task<CommandOutcome> Fail(string reason, CancellationToken cancellationToken)
    {
        if (_order is { Status: OrderStatus.Failed }) return await ReturnStockAsync(cancellationToken);
        var moved = await MoveAsync((order, now) => order.Fail(reason, now), cancellationToken);
        return moved.Succeeded ? await ReturnStockAsync(cancellationToken) : moved;
    }

    /// <summary>The id of the receipt that brings a failed order's units back to a node.</summary>
    public static string ReturnIdOf(string orderId) => "return:" + orderId;

    private async Task<CommandOutcome> ReturnStockAsync(CancellationToken cancellationToken)
    {
        var returns = _order!.Picked.GroupBy(a => a.NodeId, StringComparer.Ordinal)
            .Select(g => (NodeId: g.Key, Lines: g.GroupBy(a => a.SkuId, StringComparer.Ordinal).Select(s => new StockLine(s.Key, s.Sum(a => a.Quantity))).ToArray()))
            .Where(r => r.Lines.Length > 0).ToArray();
        var outcomes = await Task.WhenAll(returns.Select(r => Node(r.NodeId).ReturnStock(ReturnIdOf(_orderId), r.Lines, cancellationToken)));
        // The failure is durable either way; a refused return (the shelf is full) is reported, and a retry of :fail tries again.
        return outcomes.FirstOrDefault(o => !o.Succeeded) ?? CommandOutcome.Done;
    }
}
