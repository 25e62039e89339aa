using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microchain.Domain.Network;
using Microchain.Domain.Orders;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Orders;
using Microchain.Server.Networks;
using Microchain.Server.Orders;

namespace Microchain.Server.Dispatch;

public enum WaveRunStatus { Planned, NoOrders, NodeNotFound }

public sealed record WaveRun(WaveRunStatus Status, WaveState? Wave);

/// <summary>
/// Runs one wave of one node: the node's picked orders not yet dispatched, merged into stops (lockers within their
/// free compartments), routed per vehicle kind under a short budget, recorded durably, then dispatched with their ETAs.
/// Waves and stop reports of one tenant run one at a time: lockers are shared by the tenant's nodes.
/// </summary>
public sealed partial class WaveRunner(NetworkCatalog catalog, OrderIndex index, IGrainFactory grains, WaveStore store, DispatchOptions options, TimeProvider systemClock)
{
    /// <summary>Picked orders read per wave at most (before the wave's own limit applies).</summary>
    public const int MaxCandidates = 5_000;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _tenantLocks = new(StringComparer.Ordinal);

    public TimeProvider Clock => options.Clock ?? systemClock;

    public async Task<WaveRun> RunAsync(string tenant, string nodeId, string trigger, DateTimeOffset? slot, CancellationToken cancellationToken)
    {
        var gate = _tenantLocks.GetOrAdd(tenant, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var network = catalog.Get(tenant);
            if (network?.FindNode(nodeId) is not { Kind: not NodeKind.Locker } node) return new WaveRun(WaveRunStatus.NodeNotFound, null);
            var now = Clock.GetUtcNow();
            var orders = await PickedOrdersAsync(tenant, nodeId, cancellationToken);
            if (orders.Count == 0) return new WaveRun(WaveRunStatus.NoOrders, null);
            var free = await LockerFreeAsync(tenant, network, now, cancellationToken);
            var (jobs, left) = WaveJobs.Build(network, orders, free, now, options.MaxOrdersPerWave);
            var fleet = network.Vehicles.Where(v => v.NodeId == nodeId).ToArray();
            var clock = Stopwatch.StartNew();
            // CPU-bound for its budget: off the caller's thread.
            var (legs, unrouted) = await Task.Run(() => WaveRouting.Solve(node.Location, fleet, jobs, now, network.OrderRules.LocalUtcOffset, options, cancellationToken), cancellationToken);
            var stops = Number(legs, jobs, now, network.Dispatch.EtaWindowMinutes);
            var waveId = await NewWaveIdAsync(tenant, nodeId, trigger, slot ?? now, cancellationToken);
            var plan = new WavePlanned(nodeId, waveId, trigger, slot ?? now, now, legs, stops, [.. left, .. unrouted], clock.ElapsedMilliseconds, now);
            try
            {
                await store.AddAsync(tenant, plan, cancellationToken);
            }
            catch
            {
                store.Forget(tenant, nodeId);
                throw;
            }
            // After the plan is durable. An order whose dispatch is refused (cancelled meanwhile) or lost here stays
            // where it is; a picked one goes out in the next wave.
            foreach (var stop in stops)
                foreach (var orderId in stop.OrderIds)
                {
                    try
                    {
                        await Order(tenant, orderId).DispatchInWave(new WaveStop(nodeId, waveId, stop.VehicleId, stop.Stop, new DeliveryWindow(stop.EtaStart, stop.EtaEnd)), cancellationToken);
                    }
                    catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
                    {
                        // The wave is recorded; one order's storage hiccup must not hide it from the caller.
                    }
                }
            return new WaveRun(WaveRunStatus.Planned, await store.GetAsync(tenant, nodeId, waveId, cancellationToken));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Picked orders whose dispatch node is this one (the node that picked most of their units; ties: lowest id).</summary>
    private async Task<List<OrderView>> PickedOrdersAsync(string tenant, string nodeId, CancellationToken cancellationToken)
    {
        var (summaries, _) = index.List(tenant, new OrderFilter(OrderStatus.Picked, nodeId), 0, MaxCandidates);
        var views = new OrderView?[summaries.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, summaries.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) => views[i] = await Order(tenant, summaries[i].OrderId).Get(ct));
        return [.. views.OfType<OrderView>().Where(v => v.Status == OrderStatus.Picked && DispatchNodeOf(v) == nodeId)];
    }

    public static string? DispatchNodeOf(OrderView order) =>
        order.Allocations.GroupBy(a => a.NodeId, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(a => a.Quantity)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();

    private static List<PlannedStop> Number(IReadOnlyList<WaveLeg> legs, IReadOnlyList<WaveJob> jobs, DateTimeOffset origin, int etaWindowMinutes)
    {
        var byId = jobs.ToDictionary(j => j.JobId, StringComparer.Ordinal);
        var stops = new List<PlannedStop>();
        foreach (var leg in legs)
            foreach (var route in leg.Solution.Routes)
                for (var i = 0; i < route.Stops.Count; i++)
                {
                    var s = route.Stops[i];
                    var job = byId[s.JobId];
                    var eta = origin.AddSeconds(s.ServiceStart);
                    stops.Add(new PlannedStop(stops.Count + 1, route.VehicleId, i + 1, job.JobId, job.OrderIds, job.LockerId, job.LockerCompartments,
                        job.Location.Lat, job.Location.Lon, origin.AddSeconds(s.Arrival), eta, eta.AddMinutes(etaWindowMinutes)));
                }
        return stops;
    }

    private async Task<string> NewWaveIdAsync(string tenant, string nodeId, string trigger, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var baseId = "w" + at.UtcDateTime.ToString(trigger == WaveTrigger.Schedule ? "yyyyMMdd'T'HHmm'Z'" : "yyyyMMdd'T'HHmmss'Z-run'", CultureInfo.InvariantCulture);
        var taken = (await store.ListAsync(tenant, nodeId, cancellationToken)).Select(w => w.WaveId).ToHashSet(StringComparer.Ordinal);
        var id = baseId;
        for (var n = 2; taken.Contains(id); n++) id = $"{baseId}-{n}";
        return id;
    }

    private IOrderGrain Order(string tenant, string orderId) => grains.GetGrain<IOrderGrain>(GrainKey.Compose(tenant, orderId));
}

/// <summary>What started a wave.</summary>
public static class WaveTrigger
{
    public const string Schedule = "schedule";
    public const string Manual = "manual";
}
