using Microchain.Domain.Customers;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;

namespace Microchain.Planning.Promise;

/// <summary>
/// Delivery options for a basket, from live ATP, pick load and last-mile reach. Stores nothing, reads no clock.
/// <para>
/// A plan is one node that holds the whole basket, or (when none does) the nearest nodes that together hold it, up
/// to <see cref="PromiseSettings.MaxNodesPerOption"/>. A node's goods are ready after its pick queue and this
/// basket's pick time (units / pick capacity per hour), counted from now or from its next opening when closed; the
/// window starts when the last node's van can arrive (node → destination must be within the node's service radius),
/// rounded up to the slot grid and, for a locker, moved into the locker's hours. For each segment promise the
/// cheapest plan whose window starts within the promise's lead time is offered; identical options are listed once.
/// </para>
/// </summary>
public static class PromiseCalculator
{
    /// <summary>The promises offered when the caller names none.</summary>
    public static IReadOnlyList<ServicePromise> DefaultPromises { get; } =
        [ServicePromise.ThirtyMinutes, ServicePromise.SameDay, ServicePromise.NextDay, ServicePromise.Pickup];

    /// <summary>Computes the delivery options, fastest promise first.</summary>
    /// <param name="query">Basket and destination.</param>
    /// <param name="network">Nodes (kind, lifecycle, hours, pick capacity and cost, service radius) and lockers.</param>
    /// <param name="state">Live ATP and pick queue per node.</param>
    /// <param name="travel">Road travel times and distances (vans).</param>
    /// <param name="promises">The segment's promises; empty = <see cref="DefaultPromises"/>.</param>
    /// <param name="now">The instant the options are computed for.</param>
    /// <param name="settings">Slot grid, costs and limits; null = defaults.</param>
    public static IReadOnlyList<DeliveryOption> Options(PromiseQuery query, NetworkModel network, NetworkState state,
        ITravelModel travel, IReadOnlyList<ServicePromise> promises, DateTimeOffset now, PromiseSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(travel);
        settings ??= PromiseSettings.Default;
        settings.Check();
        if (query.Basket.Count == 0 || query.Basket.Any(l => l.Quantity <= 0)) throw new ArgumentException("the basket needs lines with positive quantities", nameof(query));
        var basket = query.Basket.GroupBy(l => l.SkuId, StringComparer.Ordinal).Select(g => (Sku: g.Key, Units: g.Sum(l => l.Quantity))).ToArray();
        var fulfilment = network.Nodes
            .Where(n => n.IsOpen && n.PickCapacityPerHour > 0 && n.Kind is not (NodeKind.Locker or NodeKind.Supplier))
            .OrderBy(n => n.Id, StringComparer.Ordinal).ToArray();
        var planner = new PromisePlanner(basket, fulfilment, state, travel, settings, now);
        var wanted = (promises is { Count: > 0 } ? promises : DefaultPromises).Distinct().OrderBy(p => p.MaxLeadTimeMinutes).ToArray();

        var options = new List<DeliveryOption>();
        if (query.LockerId is null && query.DeliverTo is { } point && wanted.Any(p => p.Mode == DeliveryMode.Delivery))
        {
            var plans = planner.Plans(point, null);
            Offer(options, wanted, DeliveryMode.Delivery, plans, null, now);
        }
        var locker = FindLocker(network, query, settings);
        if (locker is not null && wanted.Any(p => p.Mode == DeliveryMode.LockerPickup))
        {
            var plans = planner.Plans(locker.Location, locker);
            Offer(options, wanted, DeliveryMode.LockerPickup, plans, locker.Id, now);
        }
        return options;
    }

    private static void Offer(List<DeliveryOption> options, ServicePromise[] wanted, DeliveryMode mode,
        IReadOnlyList<PromisePlan> plans, string? lockerId, DateTimeOffset now)
    {
        foreach (var promise in wanted.Where(p => p.Mode == mode))
        {
            var deadline = now.AddMinutes(promise.MaxLeadTimeMinutes);
            var best = plans.Where(p => p.WindowStart <= deadline)
                .OrderBy(p => p.CostCents).ThenBy(p => p.WindowStart).ThenBy(p => string.Join(",", p.NodeIds), StringComparer.Ordinal)
                .FirstOrDefault();
            if (best is null) continue;
            if (options.Exists(o => o.Mode == mode && o.WindowStart == best.WindowStart && o.NodeIds.SequenceEqual(best.NodeIds))) continue;
            var fastest = plans.Min(p => p.WindowStart);
            var why = best.WindowStart == fastest ? "the earliest plan" : $"the cheapest plan within {promise.MaxLeadTimeMinutes} minutes";
            options.Add(new DeliveryOption(mode, promise, best.WindowStart, best.WindowEnd, best.NodeIds, lockerId, best.CostCents,
                $"{best.Explanation}; {why} ({plans.Count} plan(s) considered)"));
        }
    }

    private static Node? FindLocker(NetworkModel network, PromiseQuery query, PromiseSettings settings)
    {
        if (query.LockerId is not null)
        {
            var chosen = network.FindNode(query.LockerId);
            return chosen is { Kind: NodeKind.Locker, IsOpen: true } ? chosen : null;
        }
        if (query.DeliverTo is not { } point) return null;
        return network.Nodes
            .Where(n => n.Kind == NodeKind.Locker && n.IsOpen)
            .Select(n => (Node: n, Meters: n.Location.HaversineMetersTo(point)))
            .Where(x => x.Meters <= settings.LockerSearchMeters)
            .OrderBy(x => x.Meters).ThenBy(x => x.Node.Id, StringComparer.Ordinal)
            .Select(x => x.Node).FirstOrDefault();
    }
}
