using Microchain.Domain.Geo;
using Microchain.Domain.Network;

namespace Microchain.Server.Dispatch;

/// <summary>
/// Locker compartments: one order per compartment, taken from the wave that routes it there until the customer has
/// had <c>lockerHoldHours</c> to collect it after delivery; a failed locker stop frees its compartments at once.
/// </summary>
public sealed partial class WaveRunner
{
    /// <summary>Free compartments per locker of the tenant now.</summary>
    private async Task<Dictionary<string, int>> LockerFreeAsync(string tenant, NetworkModel network, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lockers = network.Nodes.Where(n => n.Kind == NodeKind.Locker && n.IsOpen).ToDictionary(n => n.Id, n => n.Storage.Slots, StringComparer.Ordinal);
        if (lockers.Count == 0) return lockers;
        var hold = TimeSpan.FromHours(network.Dispatch.LockerHoldHours);
        foreach (var nodeId in network.Vehicles.Select(v => v.NodeId).Distinct(StringComparer.Ordinal))
        {
            // A wave older than the hold plus a day has no compartment left (its deliveries happened within its shifts).
            foreach (var line in (await store.ListAsync(tenant, nodeId, cancellationToken)).Where(w => w.At >= now - hold - TimeSpan.FromDays(1)))
            {
                if (await store.GetAsync(tenant, nodeId, line.WaveId, cancellationToken) is not { } wave) continue;
                foreach (var stop in wave.Plan.Stops.Where(s => s.LockerId is not null && lockers.ContainsKey(s.LockerId)))
                {
                    var report = wave.Reports.GetValueOrDefault(stop.Stop);
                    var holds = report is null || (report.Outcome == StopOutcome.Delivered && report.At + hold > now);
                    if (holds) lockers[stop.LockerId!] -= stop.OrderIds.Count;
                }
            }
        }
        return lockers;
    }

    /// <summary>The locker nearest to <paramref name="to"/> with a free compartment, or null.</summary>
    private static string? NearestFree(NetworkModel network, Dictionary<string, int> free, GeoPoint to) =>
        network.Nodes.Where(n => n.Kind == NodeKind.Locker && free.GetValueOrDefault(n.Id) > 0)
            .OrderBy(n => n.Location.HaversineMetersTo(to)).ThenBy(n => n.Id, StringComparer.Ordinal)
            .Select(n => n.Id).FirstOrDefault();
}
