using System.Text.Json;
using Microchain.Domain.Orders;
using Microchain.Planning.Replenishment;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;
using Microchain.Server.Networks;

namespace Microchain.Server.Replenishment;

/// <summary>
/// Daily demand per tenant, node and SKU, folded from the order streams of the journal: the units allocated to a
/// node (and re-allocated to another after a short pick) count on the local day of the allocation, with the
/// order's segment. Caught up at the start of each run, from the last position it folded.
/// </summary>
public sealed class OrderDemandHistory(IEventJournal journal, NetworkCatalog catalog) : IDisposable
{
    private const int BatchSize = 5_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, TenantDemand> _tenants = new(StringComparer.Ordinal);
    private long _position;

    /// <summary>Daily history of every node × SKU of the tenant for the <paramref name="days"/> days before <paramref name="today"/>, and units per node and segment over them.</summary>
    public async Task<(IReadOnlyList<DemandHistoryLine> Lines, IReadOnlyList<SegmentDemand> Segments)> ReadAsync(string tenant, DateOnly today, int days, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var events = await journal.ReadGlobalAsync(_position, BatchSize, cancellationToken).ConfigureAwait(false);
                foreach (var e in events)
                {
                    if (e.StreamId.StartsWith("order/", StringComparison.Ordinal)) Fold(e);
                    _position = e.Position;
                }
                if (events.Count < BatchSize) break;
            }
            if (!_tenants.TryGetValue(tenant, out var demand)) return ([], []);
            var first = today.DayNumber - days;
            var lines = new List<DemandHistoryLine>();
            foreach (var (key, byDay) in demand.Units)
            {
                var history = new double[days];
                var any = false;
                foreach (var (day, units) in byDay)
                {
                    if (day < first || day >= today.DayNumber) continue;
                    history[day - first] += units;
                    any = true;
                }
                if (any) lines.Add(new DemandHistoryLine(key.Node, key.Sku, history));
            }
            var segments = demand.SegmentUnits
                .Select(s => new SegmentDemand(s.Key.Node, s.Key.Segment, s.Value.Where(d => d.Key >= first && d.Key < today.DayNumber).Sum(d => d.Value)))
                .Where(s => s.Units > 0).ToList();
            return (lines, segments);
        }
        finally { _gate.Release(); }
    }

    public void Dispose() => _gate.Dispose();

    private void Fold(StoredEvent stored)
    {
        var (tenant, orderId) = GrainKey.Split(stored.StreamId["order/".Length..]);
        if (!_tenants.TryGetValue(tenant, out var demand)) _tenants[tenant] = demand = new TenantDemand();
        var e = JsonSerializer.Deserialize<IOrderEvent>(stored.Data, DomainJson.Options);
        switch (e)
        {
            case OrderCaptured c:
                demand.SegmentOf[orderId] = c.SegmentId;
                break;
            case OrderAllocated a:
                foreach (var x in a.Allocations) Add(demand, tenant, orderId, x.NodeId, x.SkuId, x.Quantity, a.At);
                break;
            case OrderReallocated r:
                foreach (var l in r.Lines) Add(demand, tenant, orderId, r.NodeId, l.SkuId, l.Quantity, r.At);
                break;
        }
    }

    private void Add(TenantDemand demand, string tenant, string orderId, string node, string sku, int units, DateTimeOffset at)
    {
        var offset = catalog.Get(tenant)?.OrderRules.LocalUtcOffset ?? TimeSpan.Zero;
        var day = DateOnly.FromDateTime(at.ToOffset(offset).DateTime).DayNumber;
        if (!demand.Units.TryGetValue((node, sku), out var byDay)) demand.Units[(node, sku)] = byDay = [];
        byDay[day] = byDay.GetValueOrDefault(day) + units;
        if (demand.SegmentOf.GetValueOrDefault(orderId) is not { } segment) return;
        if (!demand.SegmentUnits.TryGetValue((node, segment), out var segmentDays)) demand.SegmentUnits[(node, segment)] = segmentDays = [];
        segmentDays[day] = segmentDays.GetValueOrDefault(day) + units;
    }

    private sealed class TenantDemand
    {
        public Dictionary<(string Node, string Sku), Dictionary<int, double>> Units { get; } = [];
        public Dictionary<(string Node, string Segment), Dictionary<int, double>> SegmentUnits { get; } = [];
        public Dictionary<string, string?> SegmentOf { get; } = new(StringComparer.Ordinal);
    }
}
