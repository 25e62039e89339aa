using Microchain.Domain.Network;
using Microchain.Planning.Replenishment;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Nodes;
using Microchain.Server.Networks;
using Microchain.Server.Orders;

namespace Microchain.Server.Replenishment;

/// <summary>What asked for a run.</summary>
public static class RunTrigger
{
    public const string Schedule = "schedule";
    public const string Api = "api";
}

/// <summary>An on-demand run's choices; everything optional.</summary>
public sealed record RunChoices(ReplenishmentRun Kind = ReplenishmentRun.Nightly, IReadOnlyList<string>? Disrupt = null, double? ServiceLevel = null);

/// <summary>
/// One replenishment run of a tenant: live stock positions from the node grains, demand from the order history
/// (<see cref="OrderDemandHistory"/>), the same planning code as <c>microchain plan replenishment</c>
/// (<see cref="NetworkReplenishment"/>), and the result recorded in the journal (<see cref="ReplenishmentRunStore"/>).
/// One run at a time per server: a second on-demand run is refused rather than queued behind a long one.
/// </summary>
public sealed class ReplenishmentRunner(NetworkCatalog catalog, IGrainFactory grains, OrderDemandHistory demand, ReplenishmentRunStore store, ReplenishmentOptions options) : IDisposable
{
    private const int StockPageSize = 1_000;
    private readonly SemaphoreSlim _running = new(1, 1);

    public enum Refusal { None, NoNetwork, Busy }

    /// <summary>Runs now; with <paramref name="wait"/> false a run already in progress refuses this one.</summary>
    public async Task<(ReplenishmentRunSummary? Run, Refusal Refusal)> RunAsync(string tenant, RunChoices choices, string trigger, bool wait, CancellationToken cancellationToken)
    {
        if (catalog.Get(tenant) is not { } network) return (null, Refusal.NoNetwork);
        if (!await _running.WaitAsync(wait ? Timeout.InfiniteTimeSpan : TimeSpan.Zero, cancellationToken).ConfigureAwait(false)) return (null, Refusal.Busy);
        try
        {
            var at = options.Time.GetUtcNow();
            var today = DateOnly.FromDateTime(at.ToOffset(network.OrderRules.LocalUtcOffset).DateTime);
            var stock = await StockAsync(tenant, network, cancellationToken).ConfigureAwait(false);
            var (lines, segments) = await demand.ReadAsync(tenant, today, network.Replenishment.HistoryDays, cancellationToken).ConfigureAwait(false);
            var request = new NetworkReplenishmentRequest
            {
                Today = today, Run = choices.Kind, Stock = stock, Demand = lines, SegmentDemand = segments, ServiceLevel = choices.ServiceLevel,
                DisruptedSuppliers = (choices.Disrupt ?? []).ToHashSet(StringComparer.Ordinal),
            };
            // CPU-bound: forecasting every node × SKU runs off the request thread.
            var result = await Task.Run(() => NetworkReplenishment.Plan(network, request, null, cancellationToken), cancellationToken).ConfigureAwait(false);
            var summary = new ReplenishmentRunSummary("", choices.Kind == ReplenishmentRun.Nightly ? "nightly" : "intraDay", trigger, at, today,
                result.Forecasts.Count, result.Transfers.Orders.Count, result.Transfers.Orders.Sum(o => o.QuantityUnits), result.Transfers.Deferred.Count,
                result.Purchases.Orders.Count, result.Purchases.Orders.Sum(o => o.QuantityUnits), result.Purchases.Orders.Sum(o => o.CostCents),
                result.Purchases.Unplaced.Count, false, result.Notes, result.Disruption);
            return (await store.RecordAsync(tenant, summary, result, cancellationToken).ConfigureAwait(false), Refusal.None);
        }
        finally { _running.Release(); }
    }

    public void Dispose() => _running.Dispose();

    /// <summary>Available and in-transit units of every position of the DCs and stocking nodes, page by page.</summary>
    private async Task<List<StockPosition>> StockAsync(string tenant, NetworkModel network, CancellationToken cancellationToken)
    {
        var positions = new List<StockPosition>();
        foreach (var node in network.Nodes.Where(n => n.IsOpen && n.Kind is NodeKind.CentralDc or NodeKind.Mfc or NodeKind.DarkStore or NodeKind.Store))
        {
            var grain = grains.GetGrain<INodeGrain>(GrainKey.Compose(tenant, node.Id));
            for (var offset = 0; ; offset += StockPageSize)
            {
                var page = await grain.GetStock(offset, StockPageSize, cancellationToken).ConfigureAwait(false);
                positions.AddRange(page.Items.Select(r => new StockPosition(node.Id, r.SkuId, r.Available, r.InTransit, r.Capacity, r.Reserved)));
                if (page.Items.Count == 0 || offset + page.Items.Count >= page.Total) break;
            }
        }
        return positions;
    }
}
