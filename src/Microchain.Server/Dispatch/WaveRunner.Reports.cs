using Microchain.Domain.Orders;
using Microchain.Runtime.Orders;

namespace Microchain.Server.Dispatch;

public enum StopReportStatus { Recorded, Repeated, Conflict, NotFound }

public sealed record StopReportOutcome(StopReportStatus Status, WaveState? Wave, string? Message = null);

/// <summary>Stop outcomes a courier reports.</summary>
public static class StopOutcome
{
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}

/// <summary>
/// Courier reports, the one way delivery outcomes of wave orders are recorded. Delivered: every order of the stop is
/// delivered. Failed: a home order goes to the nearest locker with a free compartment when the node's schedule allows
/// it (<c>failedToLocker</c>) and the order was not bound for a locker already; otherwise it fails and its picked units
/// return to stock at their nodes. Orders are moved first and the report recorded after, so a retried report finishes
/// what a lost one started: an order no longer on this stop was handled already.
/// </summary>
public sealed partial class WaveRunner
{
    public async Task<StopReportOutcome> ReportAsync(string tenant, string nodeId, string waveId, int stopNumber, string outcome, string? reason, CancellationToken cancellationToken)
    {
        var gate = _tenantLocks.GetOrAdd(tenant, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var wave = await store.GetAsync(tenant, nodeId, waveId, cancellationToken);
            if (wave?.Plan.Stops.FirstOrDefault(s => s.Stop == stopNumber) is not { } stop) return new StopReportOutcome(StopReportStatus.NotFound, wave);
            if (wave.Reports.TryGetValue(stopNumber, out var earlier))
                return earlier.Outcome == outcome
                    ? new StopReportOutcome(StopReportStatus.Repeated, wave)
                    : new StopReportOutcome(StopReportStatus.Conflict, wave, $"stop {stopNumber} was reported {earlier.Outcome} already");
            var network = catalog.Get(tenant);
            var now = Clock.GetUtcNow();
            var free = outcome == StopOutcome.Failed && network is not null ? await LockerFreeAsync(tenant, network, now, cancellationToken) : [];
            var redirected = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var orderId in stop.OrderIds)
            {
                var grain = Order(tenant, orderId);
                var view = await grain.Get(cancellationToken);
                if (view is not { Status: OrderStatus.Dispatched } || view.Dispatch?.Wave is not { } on || on.WaveId != waveId || on.Stop != stopNumber) continue;
                if (outcome == StopOutcome.Delivered)
                {
                    await grain.Deliver(cancellationToken);
                    continue;
                }
                var toLocker = network is not null && stop.LockerId is null && view.LockerId is null && network.Dispatch.For(nodeId).FailedToLocker
                    ? NearestFree(network, free, view.DeliverTo) : null;
                if (toLocker is not null
                    && (await grain.RedirectToLocker(toLocker, network!.FindNode(toLocker)!.Location, reason ?? "delivery failed", cancellationToken)).Succeeded)
                {
                    redirected[orderId] = toLocker;
                    free[toLocker]--;
                    continue;
                }
                await grain.Fail(reason ?? "delivery failed", cancellationToken);
            }
            var report = new StopReported(stopNumber, outcome, reason, redirected, now);
            return new StopReportOutcome(StopReportStatus.Recorded, await store.ReportAsync(tenant, wave, report, cancellationToken));
        }
        finally
        {
            gate.Release();
        }
    }
}
