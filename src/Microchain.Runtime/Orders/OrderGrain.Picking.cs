using Microchain.Domain;
using Microchain.Domain.Inventory;
using Microchain.Domain.Orders;
using Microchain.Runtime.Nodes;

namespace Microchain.Runtime.Orders;

/// <summary>
/// Pick confirmation and delivery outcomes. A pick goes to the node first (its reservation is consumed: picked units
/// leave, the rest is released), then every consequence is recorded in one append: the part picked, re-sourced
/// parts, lines marked short and, after the last part, the move to Picked.
/// </summary>
public sealed partial class OrderGrain
{
    public async Task<PickOutcome> ConfirmPick(PickConfirmation command, CancellationToken cancellationToken)
    {
        await RefreshIfEmptyAsync(cancellationToken);
        if (_order is null) return new PickOutcome(PickStatus.NotFound, null, "order.not_found", "no such order");
        var now = time.GetUtcNow();
        var draft = Order.Replay(_order.History);
        var before = draft.History.Count;
        OrderPart part;
        try
        {
            if (draft.OpenPartAt(command.NodeId) is null) return Repeated(command);
            part = draft.OpenPartAt(command.NodeId)!;
            draft.PickPart(command.NodeId, command.Picked, now);
        }
        catch (DomainException ex)
        {
            return PickOutcome.Refused(ex.Code, ex.Message);
        }
        var picked = draft.Parts.First(p => p.ReservationId == part.ReservationId).Picked!;
        var atNode = await Node(part.NodeId).Pick(part.ReservationId, picked.Select(l => new StockLine(l.SkuId, l.Quantity)).ToArray(), cancellationToken);
        // An unknown reservation means an earlier confirmation picked it at the node but was not recorded: record it now.
        if (!atNode.Succeeded && atNode.ErrorCode != "stock.unknown_reservation")
            return PickOutcome.Refused(atNode.ErrorCode ?? "node.refused", atNode.Message ?? "the node refused the pick");

        var reserved = await ResourceAsync(draft, command.Resource, now, cancellationToken);
        if (draft.Unresolved() is { Count: > 0 } unresolved) draft.MarkShort(unresolved, now);
        if (draft.IsPickComplete) draft.CompletePick(now);
        try
        {
            await AppendAsync(draft.History.Skip(before).ToArray(), cancellationToken);
            _order = draft;
        }
        catch
        {
            await LoadAsync(CancellationToken.None);
            var held = _order?.Parts.Select(p => (p.NodeId, p.ReservationId)).ToHashSet() ?? [];
            await Task.WhenAll(reserved.Where(r => !held.Contains(r)).Select(r => ReleaseQuietly(r.NodeId, r.ReservationId)));
            throw;
        }
        return new PickOutcome(PickStatus.Recorded, OrderView.Of(draft), null, null);
    }

    /// <summary>No open part at the node: the same pick again is answered as done, another one is refused.</summary>
    private PickOutcome Repeated(PickConfirmation command)
    {
        var done = _order!.Parts.FirstOrDefault(p => p.NodeId == command.NodeId);
        if (done is null) return PickOutcome.Refused("order.no_part", $"order {_orderId} has nothing to pick at node {command.NodeId}");
        return done.Picked!.SequenceEqual(Order.Merge(command.Picked, allowZero: true))
            ? new PickOutcome(PickStatus.AlreadyRecorded, OrderView.Of(_order), null, null)
            : PickOutcome.Refused("order.pick_conflict", $"node {command.NodeId} already confirmed another pick of order {_orderId}");
    }

    /// <summary>
    /// Reserves unresolved units at the suggested nodes, one reservation per node under a fresh attempt id, and records
    /// each success on the draft. Nodes that already hold a part of the order are skipped (one part per node).
    /// </summary>
    private async Task<List<(string NodeId, string ReservationId)>> ResourceAsync(Order draft, IReadOnlyList<Allocation> suggestions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reserved = new List<(string, string)>();
        var attempt = draft.Parts.Count(p => p.ReservationId != _orderId);
        foreach (var node in suggestions.GroupBy(a => a.NodeId, StringComparer.Ordinal))
        {
            if (draft.Parts.Any(p => p.NodeId == node.Key) || attempt >= OrderIds.MaxAttempts) continue;
            var unresolved = draft.Unresolved();
            var lines = node.GroupBy(a => a.SkuId, StringComparer.Ordinal)
                .Select(g => new OrderLine(g.Key, Math.Min(g.Sum(a => a.Quantity), unresolved.FirstOrDefault(u => u.SkuId == g.Key).Quantity)))
                .Where(l => l.Quantity > 0).ToArray();
            if (lines.Length == 0) continue;
            var reservationId = OrderIds.ReservationFor(_orderId, ++attempt);
            var outcome = await Node(node.Key).Reserve(reservationId, lines.Select(l => new StockLine(l.SkuId, l.Quantity)).ToArray(), now + timing.Ttl, cancellationToken);
            if (!outcome.Succeeded) continue; // taken by another order meanwhile: the next suggestion, or short
            draft.Reallocate(node.Key, reservationId, lines, now);
            reserved.Add((node.Key, reservationId));
        }
        return reserved;
    }

    public Task<CommandOutcome> Dispatch(string routeId, DateTimeOffset estimatedArrival, CancellationToken cancellationToken) =>
        MoveAsync((order, now) => order.Dispatch(routeId, estimatedArrival, now), cancellationToken);

    public Task<CommandOutcome> Deliver(CancellationToken cancellationToken) => MoveAsync((order, now) => order.Deliver(now), cancellationToken);


    private async Task<CommandOutcome> MoveAsync(Func<Order, DateTimeOffset, IOrderEvent> move, CancellationToken cancellationToken)
    {
        await RefreshIfEmptyAsync(cancellationToken);
        if (_order is null) return CommandOutcome.Refused("order.not_found", "no such order");
        try
        {
            var e = move(_order, time.GetUtcNow());
            await AppendAsync([e], cancellationToken);
            return CommandOutcome.Done;
        }
        catch (DomainException ex)
        {
            return CommandOutcome.Refused(ex.Code, ex.Message);
        }
        catch
        {
            await LoadAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task ReleaseQuietly(string nodeId, string reservationId)
    {
        try
        {
            await Node(nodeId).Release(reservationId, "pick not recorded", CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Best effort: an unrecorded re-sourcing reservation is released by the node's sweep at expiry.
        }
    }
}
