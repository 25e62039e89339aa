using Microchain.Domain.Catalog;
using Microchain.Domain.Network;
using Microchain.Planning.Forecasting;

namespace Microchain.Planning.Replenishment;

/// <summary>
/// A whole-network run, shared by <c>microchain plan replenishment</c> and the server's scheduled runs: forecasts
/// every node × SKU (automatic selection; the mean and sd per day over the horizon, the sd from the chosen
/// method's in-sample error), sets each node's service level from its segments (<see cref="SegmentServiceLevels"/>),
/// plans transfers from each node's nearest DC with <see cref="ReplenishmentPlanner"/> under zone volume, slots
/// and DC stock, clips them to each position's ledger capacity, then (nightly) purchases for each DC with
/// <see cref="PurchasePlanner"/> on the DC's stock after those transfers and the nodes' summed forecasts.
/// Deterministic: the same inputs give the same plan (forecasts run in parallel into fixed slots).
/// </summary>
public static class NetworkReplenishment
{
    private static readonly AutoForecastMethod Auto = new();

    /// <summary>Plans one run; <paramref name="progress"/> receives the number of lines forecast so far.</summary>
    public static NetworkReplenishmentResult Plan(NetworkModel network, NetworkReplenishmentRequest request, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var settings = network.Replenishment;
        var notes = new List<string>();
        var skus = network.Skus.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var dcs = network.Nodes.Where(n => n.Kind == NodeKind.CentralDc && n.IsOpen).ToList();
        var stocking = network.Nodes.Where(n => n.IsOpen && n.Kind is NodeKind.Mfc or NodeKind.DarkStore or NodeKind.Store).ToList();
        if (dcs.Count == 0) notes.Add("no open central DC: nothing to transfer from or purchase for");
        var dcOf = stocking.ToDictionary(n => n.Id, n => dcs.Count == 0 ? null : dcs.MinBy(d => d.Location.HaversineMetersTo(n.Location))!.Id, StringComparer.Ordinal);

        var stock = new Dictionary<(string Node, string Sku), StockPosition>();
        foreach (var s in request.Stock) stock[(s.NodeId, s.Sku)] = s;
        var history = new Dictionary<(string Node, string Sku), IReadOnlyList<double>>();
        foreach (var d in request.Demand) history[(d.NodeId, d.Sku)] = d.DailyUnits;

        // Lines: every stocked or demanded SKU at a stocking node (capacity use needs the stocked ones too).
        var keys = stock.Keys.Concat(history.Keys).Where(k => dcOf.ContainsKey(k.Node)).Distinct().ToList();
        var unknown = keys.Where(k => !skus.ContainsKey(k.Sku)).Select(k => k.Sku).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0) notes.Add($"{unknown.Count} items are not SKUs of the network (components or unknown) and are not planned, e.g. {string.Join(", ", unknown.Take(5))}");
        keys = [.. keys.Where(k => skus.ContainsKey(k.Sku)).OrderBy(k => k.Node, StringComparer.Ordinal).ThenBy(k => k.Sku, StringComparer.Ordinal)];

        var forecasts = ForecastAll(keys, history, request, progress, cancellationToken);
        var levels = SegmentServiceLevels.ForNodes(network, request.SegmentDemand, settings.SegmentRule);
        double LevelOf(string node) => request.ServiceLevel ?? levels.GetValueOrDefault(node, levels[""]);

        var lines = new List<LineForecast>(keys.Count);
        var transfers = new List<TransferOrderProposal>();
        var deferred = new List<TransferOrderProposal>();
        var shipped = new Dictionary<(string Dc, string Sku), int>();
        foreach (var dc in dcs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var items = new List<ReplenishmentItem>();
            for (var i = 0; i < keys.Count; i++)
            {
                var (node, sku) = keys[i];
                if (dcOf[node] != dc.Id) continue;
                var (method, mean, sd) = forecasts[i];
                var level = LevelOf(node);
                lines.Add(new LineForecast(node, sku, method, Math.Round(mean, 4), Math.Round(sd, 4), level));
                var position = stock.GetValueOrDefault((node, sku), new StockPosition(node, sku, 0, 0));
                var info = skus[sku];
                items.Add(new ReplenishmentItem
                {
                    NodeId = node, Sku = sku, OnHandUnits = Math.Max(0, position.AvailableUnits), OnOrderUnits = Math.Max(0, position.InTransitUnits),
                    DemandMeanPerDay = mean, DemandSdPerDay = sd, LeadTimeDays = settings.TransferLeadTimeDays, ReviewPeriodDays = settings.ReviewPeriodDays,
                    Service = new ServiceTarget(level, request.Measure), DemandModel = DemandModel.Count, TargetCoverDays = settings.TargetCoverDays,
                    UnitVolumeLitres = info.VolumeMilliliters / 1000.0, Zone = info.Zone, Priority = (int)Math.Round(level * 1000),
                });
            }
            if (items.Count == 0) continue;
            var planned = ReplenishmentPlanner.Plan(new ReplenishmentRequest
            {
                Run = request.Run,
                SourceNodeId = dc.Id,
                Items = items,
                Capacities = [.. stocking.Where(n => dcOf[n.Id] == dc.Id).Select(n => Capacity(n, items, skus))],
                SourceAvailableUnits = items.Select(i => i.Sku).Distinct(StringComparer.Ordinal)
                    .ToDictionary(s => s, s => Math.Max(0, stock.GetValueOrDefault((dc.Id, s), new StockPosition(dc.Id, s, 0, 0)).AvailableUnits), StringComparer.Ordinal),
            });
            deferred.AddRange(planned.Deferred);
            foreach (var t in planned.Orders)
            {
                var clipped = ClipToPosition(t, stock.GetValueOrDefault((t.ToNodeId, t.Sku), new StockPosition(t.ToNodeId, t.Sku, 0, 0)));
                (clipped.QuantityUnits > 0 ? transfers : deferred).Add(clipped);
                shipped[(dc.Id, t.Sku)] = shipped.GetValueOrDefault((dc.Id, t.Sku)) + clipped.QuantityUnits;
            }
        }
        var transferPlan = new ReplenishmentPlan(transfers, deferred);
        if (request.Run == ReplenishmentRun.IntraDay)
            return new NetworkReplenishmentResult(transferPlan, new PurchasePlan([], []), lines, null, notes);

        var (dcItems, needDates) = DcItems(network, dcs, keys, forecasts, dcOf, stock, shipped, request, levels, settings);
        var unavailable = network.Suppliers.Where(s => !s.Available).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var disrupted = unavailable.Union(request.DisruptedSuppliers).ToHashSet(StringComparer.Ordinal);
        var purchases = PurchasePlanner.Plan(request.Today, dcItems, network.Contracts, disrupted);
        SupplierSwitchImpact? impact = null;
        if (request.DisruptedSuppliers.Count > 0)
        {
            var baseline = PurchasePlanner.Plan(request.Today, dcItems, network.Contracts, unavailable);
            impact = new SupplierSwitchImpact([.. request.DisruptedSuppliers.Order(StringComparer.Ordinal)],
                SupplierSwitchImpact.Summarize(baseline, needDates), SupplierSwitchImpact.Summarize(purchases, needDates), SupplierSwitchImpact.Compare(baseline, purchases));
        }
        return new NetworkReplenishmentResult(transferPlan, purchases, lines, impact, notes);
    }

    private static (string Method, double Mean, double Sd)[] ForecastAll(List<(string Node, string Sku)> keys, Dictionary<(string, string), IReadOnlyList<double>> history,
        NetworkReplenishmentRequest request, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var result = new (string, double, double)[keys.Count];
        var done = 0;
        Parallel.For(0, keys.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            result[i] = history.TryGetValue(keys[i], out var h) && h.Count >= 2 && h.Any(v => v > 0)
                ? ForecastOne(h, request.SeasonLength, request.HorizonDays)
                : ("none", 0, 0);
            var now = Interlocked.Increment(ref done);
            if (now % 500 == 0 || now == keys.Count) progress?.Report((now, keys.Count));
        });
        return result;
    }

    private static (string Method, double Mean, double Sd) ForecastOne(IReadOnlyList<double> history, int seasonLength, int horizonDays)
    {
        var series = new DemandSeries(history, seasonLength);
        var forecast = Auto.Forecast(series, horizonDays);
        var (mean, sd) = forecast.PerPeriod(horizonDays);
        return (forecast.Method, mean, sd);
    }

    /// <summary>Zone volumes of the node; slots are node-wide, so a zone gets those not taken by SKUs stocked in the other zones.</summary>
    private static NodeCapacity Capacity(Node node, List<ReplenishmentItem> items, Dictionary<string, Sku> skus)
    {
        var used = items.Where(i => i.NodeId == node.Id && i.OnHandUnits + i.OnOrderUnits > 0).GroupBy(i => skus[i.Sku].Zone).ToDictionary(g => g.Key, g => g.Count());
        var zones = new List<ZoneCapacity>();
        foreach (var zone in Enum.GetValues<TemperatureZone>())
        {
            var litres = node.Storage.LitersFor(zone);
            if (litres <= 0) continue;
            // A node that states no slots is limited by volume alone.
            var slots = node.Storage.Slots == 0 ? int.MaxValue : Math.Max(0, node.Storage.Slots - used.Where(u => u.Key != zone).Sum(u => u.Value));
            zones.Add(new ZoneCapacity(zone, litres, slots));
        }
        return new NodeCapacity(node.Id, zones);
    }

    private static TransferOrderProposal ClipToPosition(TransferOrderProposal t, StockPosition position)
    {
        if (position.CapacityUnits == int.MaxValue) return t;
        var room = (int)Math.Clamp((long)position.CapacityUnits - Math.Max(0, position.AvailableUnits) - Math.Max(0, position.ReservedUnits) - Math.Max(0, position.InTransitUnits), 0, int.MaxValue);
        if (t.QuantityUnits <= room) return t;
        return t with { QuantityUnits = room, Reason = $"{t.Reason}; capacity-clipped from {t.QuantityUnits} to {room}: position capacity {position.CapacityUnits}" };
    }

    private static (List<DcItem> Items, Dictionary<(string Dc, string Sku), DateOnly> NeedDates) DcItems(NetworkModel network, List<Node> dcs,
        List<(string Node, string Sku)> keys, (string Method, double Mean, double Sd)[] forecasts, Dictionary<string, string?> dcOf,
        Dictionary<(string Node, string Sku), StockPosition> stock, Dictionary<(string Dc, string Sku), int> shipped,
        NetworkReplenishmentRequest request, IReadOnlyDictionary<string, double> levels, ReplenishmentSettings settings)
    {
        var demand = new Dictionary<(string Dc, string Sku), (double Mean, double Variance)>();
        for (var i = 0; i < keys.Count; i++)
        {
            if (dcOf[keys[i].Node] is not { } dc) continue;
            var was = demand.GetValueOrDefault((dc, keys[i].Sku));
            demand[(dc, keys[i].Sku)] = (was.Mean + forecasts[i].Mean, was.Variance + forecasts[i].Sd * forecasts[i].Sd);
        }
        var items = new List<DcItem>();
        var needDates = new Dictionary<(string, string), DateOnly>();
        var level = request.ServiceLevel ?? Math.Max(levels[""], levels.Values.DefaultIfEmpty(0).Max());
        foreach (var dc in dcs)
        {
            var skusHere = network.Contracts.Where(c => c.NodeId == dc.Id).Select(c => c.SkuId)
                .Concat(demand.Keys.Where(k => k.Dc == dc.Id).Select(k => k.Sku)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (var sku in skusHere)
            {
                var (mean, variance) = demand.GetValueOrDefault((dc.Id, sku));
                if (mean <= 0) continue;
                var position = stock.GetValueOrDefault((dc.Id, sku), new StockPosition(dc.Id, sku, 0, 0));
                var onHand = Math.Max(0, Math.Max(0, position.AvailableUnits) - shipped.GetValueOrDefault((dc.Id, sku)));
                var item = new DcItem
                {
                    DcNodeId = dc.Id, Sku = sku, OnHandUnits = onHand, OnOrderUnits = Math.Max(0, position.InTransitUnits),
                    DemandMeanPerDay = mean, DemandSdPerDay = Math.Sqrt(variance), ReviewPeriodDays = settings.DcReviewPeriodDays,
                    Service = new ServiceTarget(level, request.Measure), TargetCoverDays = settings.DcTargetCoverDays,
                };
                items.Add(item);
                needDates[(dc.Id, sku)] = request.Today.AddDays((int)Math.Min(3650, Math.Floor((item.OnHandUnits + item.OnOrderUnits) / mean)));
            }
        }
        return (items, needDates);
    }
}
