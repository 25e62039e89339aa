using System.Text.Json;
using Microchain.Domain.Geo;
using Microchain.Domain.Orders;
using Microchain.Planning.Replenishment;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;
using Microchain.Server.Networks;

namespace Microchain.Server.Orders;

/// <summary>A captured order's units of one SKU by delivery point and UTC day: demand where it arose, before sourcing.</summary>
public readonly record struct CapturedDemand(GeoPoint DeliverTo, int UtcDayNumber, string SkuId, double Units);

/// <summary>
/// Demand per tenant folded from the order streams of the journal, caught up from the last position it folded at the
/// start of each read; the one reader of order demand in the journal. Two views: the units allocated to a node (and
/// re-allocated to another after a short pick) on the local day of the allocation, with the order's segment
/// (replenishment); and the units each captured order asked for, by delivery point and UTC day (assortment).
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
            await CatchUpAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>What the tenant's captured orders asked for, added up per delivery point, UTC day and SKU.</summary>
    public async Task<IReadOnlyList<CapturedDemand>> ReadCapturedAsync(string tenant, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CatchUpAsync(cancellationToken).ConfigureAwait(false);
            return _tenants.TryGetValue(tenant, out var demand)
                ? demand.Captured.Select(p => new CapturedDemand(p.Key.Point, p.Key.UtcDay, p.Key.Sku, p.Value)).ToArray()
                : [];
        }
        finally { _gate.Release(); }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Folds every event written since the last read; the caller holds the gate.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await journal.ReadGlobalAsync(_position, BatchSize, "order/", cancellationToken).ConfigureAwait(false);
            foreach (var e in page.Events) Fold(e);
            _position = page.ScannedThrough;
            if (page.Events.Count < BatchSize) return;
        }
    }

    private void Fold(StoredEvent stored)
    {
        var (tenant, orderId) = GrainKey.Split(stored.StreamId["order/".Length..]);
        if (!_tenants.TryGetValue(tenant, out var demand)) _tenants[tenant] = demand = new TenantDemand();
        var e = JsonSerializer.Deserialize<IOrderEvent>(stored.Data, DomainJson.Options);
        switch (e)
        {
            case OrderCaptured c:
                demand.SegmentOf[orderId] = c.SegmentId;
                var utcDay = DateOnly.FromDateTime(c.At.UtcDateTime).DayNumber;
                foreach (var line in c.Lines)
                    demand.Captured[(c.DeliverTo, utcDay, line.SkuId)] = demand.Captured.GetValueOrDefault((c.DeliverTo, utcDay, line.SkuId)) + line.Quantity;
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
        public Dictionary<(GeoPoint Point, int UtcDay, string Sku), double> Captured { get; } = [];
    }
}
