using Microchain.Domain.Catalog;
using Microchain.Domain.Geo;
using Microchain.Domain.Network;
using Microchain.Domain.Orders;
using Microchain.Runtime.Orders;

namespace Microchain.Server.Dispatch;

/// <summary>
/// One stop to route: a customer's order, or a locker with the orders it receives. Demand is [grams, millilitres,
/// totes]; a tote holds <see cref="WaveJobs.ToteMilliliters"/>.
/// </summary>
public sealed record WaveJob(string JobId, IReadOnlyList<string> OrderIds, string? LockerId, int? LockerCompartments, GeoPoint Location,
    long[] Demand, IReadOnlyList<string> Skills, (long Start, long End)? Window, long ServiceSeconds);

/// <summary>
/// Turns a node's picked orders into the stops of a wave. Orders to the same locker merge into one stop that takes at
/// most the locker's free compartments (one order per compartment); the rest wait for the next wave.
/// </summary>
public static class WaveJobs
{
    public const long ToteMilliliters = 40_000;
    public const long HomeServiceSeconds = 180, LockerServiceSeconds = 60, LockerSecondsPerOrder = 30;

    public static (List<WaveJob> Jobs, List<LeftOrder> Left) Build(NetworkModel network, IReadOnlyList<OrderView> orders,
        IReadOnlyDictionary<string, int> lockerFree, DateTimeOffset origin, int maxOrders)
    {
        var skus = network.Skus.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var lockers = network.Nodes.Where(n => n.Kind == NodeKind.Locker).ToDictionary(n => n.Id, StringComparer.Ordinal);
        var jobs = new List<WaveJob>();
        var left = new List<LeftOrder>();
        var byLocker = new Dictionary<string, List<OrderView>>(StringComparer.Ordinal);
        var taken = 0;
        foreach (var order in orders.OrderBy(o => o.CapturedAt).ThenBy(o => o.OrderId, StringComparer.Ordinal))
        {
            if (taken == maxOrders)
            {
                left.Add(new LeftOrder(order.OrderId, LeftReason.WaveFull));
                continue;
            }
            if (order.LockerId is { } lockerId)
            {
                if (!lockers.ContainsKey(lockerId)) left.Add(new LeftOrder(order.OrderId, LeftReason.UnknownLocker));
                else if (byLocker.GetValueOrDefault(lockerId)?.Count >= lockerFree.GetValueOrDefault(lockerId)) left.Add(new LeftOrder(order.OrderId, LeftReason.LockerFull));
                else
                {
                    (byLocker.TryGetValue(lockerId, out var list) ? list : byLocker[lockerId] = []).Add(order);
                    taken++;
                }
                continue;
            }
            var (demand, skills) = Load([order], skus);
            jobs.Add(new WaveJob(order.OrderId, [order.OrderId], null, null, order.DeliverTo, demand, skills, Window(order, origin), HomeServiceSeconds));
            taken++;
        }
        foreach (var (lockerId, list) in byLocker.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var (demand, skills) = Load(list, skus);
            // Collected later by the customer: a locker stop has no window of its own.
            jobs.Add(new WaveJob("locker:" + lockerId, [.. list.Select(o => o.OrderId)], lockerId, lockers[lockerId].Storage.Slots,
                lockers[lockerId].Location, demand, skills, null, LockerServiceSeconds + (LockerSecondsPerOrder * list.Count)));
        }
        return (jobs, left);
    }

    /// <summary>
    /// The order's promised (or requested) window in seconds after <paramref name="origin"/>; a window already past is
    /// dropped, so a late order goes out as soon as possible rather than never.
    /// </summary>
    private static (long, long)? Window(OrderView order, DateTimeOffset origin)
    {
        if ((order.Promise?.Window ?? order.RequestedWindow) is not { } w) return null;
        var end = (long)(w.End - origin).TotalSeconds;
        if (end <= 0) return null;
        return (Math.Max(0, (long)(w.Start - origin).TotalSeconds), end);
    }

    private static (long[] Demand, IReadOnlyList<string> Skills) Load(IReadOnlyList<OrderView> orders, Dictionary<string, Sku> skus)
    {
        long grams = 0, milliliters = 0, totes = 0;
        var skills = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var order in orders)
        {
            long orderMl = 0;
            foreach (var line in order.Lines)
            {
                if (!skus.TryGetValue(line.SkuId, out var sku)) continue;
                grams += (long)sku.WeightGrams * line.Quantity;
                orderMl += (long)sku.VolumeMilliliters * line.Quantity;
                if (sku.Zone == TemperatureZone.Chilled) skills.Add("chilled");
                if (sku.Zone == TemperatureZone.Frozen) skills.Add("frozen");
            }
            milliliters += orderMl;
            totes += Math.Max(1, (orderMl + ToteMilliliters - 1) / ToteMilliliters);
        }
        return ([grams, milliliters, totes], [.. skills]);
    }
}
