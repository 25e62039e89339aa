using Microchain.Domain;
using Microchain.Domain.Inventory;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;

namespace Microchain.Runtime.Nodes;

/// <summary>A thin shell over <see cref="NodeStock"/>: decide with the domain, persist through the journal, then reply.</summary>
public sealed class NodeGrain(IEventJournal journal, TimeProvider time) : Grain, INodeGrain
{
    /// <summary>Snapshot after this many events so that activation stays fast on busy nodes.</summary>
    private const int SnapshotEvery = 500;
    private const int MaxPageSize = 1_000;
    /// <summary>Levels per call: each may become two events, and one append holds at most 1,000.</summary>
    public const int MaxLevelsPerCall = 400;

    private GrainJournal<INodeStockEvent> _stream = null!;
    private NodeStock _stock = null!;
    private long _snapshotVersion;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new GrainJournal<INodeStockEvent>(journal, "node/" + this.GetPrimaryKeyString());
        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var (_, nodeId) = GrainKey.Split(this.GetPrimaryKeyString());
        _stream.Reset();
        var snapshot = await _stream.LoadSnapshotAsync(cancellationToken);
        _stock = snapshot is null
            ? new NodeStock(nodeId)
            : NodeStock.FromSnapshot(System.Text.Json.JsonSerializer.Deserialize<NodeStockSnapshot>(snapshot.Data, DomainJson.Options)!);
        _snapshotVersion = snapshot?.Version ?? 0;
        foreach (var e in await _stream.ReadNewAsync(_snapshotVersion, cancellationToken)) _stock.Apply(e);
    }

    public Task<StockPage> GetStock(int offset, int limit, CancellationToken cancellationToken)
    {
        offset = Math.Max(0, offset);
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var rows = _stock.Positions.OrderBy(p => p.Key, StringComparer.Ordinal).Skip(offset).Take(limit).Select(p => Row(p.Key, p.Value)).ToArray();
        return Task.FromResult(new StockPage(_stock.NodeId, _stock.Positions.Count, offset, rows));
    }

    public Task<StockRow?> GetPosition(string skuId, CancellationToken cancellationToken) =>
        Task.FromResult(_stock.Positions.TryGetValue(skuId, out var p) ? Row(skuId, p) : null);

    public Task<NodeAvailability> GetAvailability(IReadOnlyList<string> skuIds, CancellationToken cancellationToken)
    {
        var atp = new Dictionary<string, int>(skuIds.Count, StringComparer.Ordinal);
        foreach (var sku in skuIds) atp[sku] = _stock.Positions.TryGetValue(sku, out var p) ? Math.Max(0, p.Available) : 0;
        return Task.FromResult(new NodeAvailability(_stock.NodeId, atp, (int)Math.Min(int.MaxValue, _stock.ReservedUnits)));
    }

    public Task<CommandOutcome> SetLevels(IReadOnlyList<StockLevelCommand> levels, string reference, CancellationToken cancellationToken) =>
        levels.Count > MaxLevelsPerCall
            ? Task.FromResult(CommandOutcome.Refused("stock.batch_too_large", $"at most {MaxLevelsPerCall} levels per call, got {levels.Count}"))
            : Run(now =>
        {
            var events = new List<INodeStockEvent>();
            foreach (var level in levels)
            {
                var position = _stock.PositionOf(level.SkuId);
                if (position.Capacity != level.Capacity) events.AddRange(_stock.SetCapacity(level.SkuId, level.Capacity, now));
                var missing = level.OnHand - _stock.PositionOf(level.SkuId).OnHand;
                if (missing > 0) events.AddRange(_stock.Receive(level.SkuId, missing, reference, now));
            }
            return events;
        }, cancellationToken);

    public Task<CommandOutcome> Receive(string skuId, int quantity, string reference, CancellationToken cancellationToken) =>
        Run(now => _stock.Receive(skuId, quantity, reference, now), cancellationToken);

    public Task<CommandOutcome> Adjust(string skuId, int delta, string reasonCode, CancellationToken cancellationToken) =>
        Run(now => _stock.Adjust(skuId, delta, reasonCode, now), cancellationToken);

    public Task<CommandOutcome> Count(string skuId, int counted, CancellationToken cancellationToken) =>
        Run(now => _stock.Count(skuId, counted, now), cancellationToken);

    public async Task<ReserveOutcome> Reserve(string reservationId, IReadOnlyList<StockLine> lines, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ReservationResult? result = null;
        var outcome = await Run(now =>
        {
            result = _stock.TryReserve(reservationId, lines, expiresAt, now);
            return result.Events;
        }, cancellationToken);
        return outcome.Succeeded
            ? new ReserveOutcome(result!.Succeeded, result.Shortages, result.Succeeded ? null : "stock.insufficient", null)
            : new ReserveOutcome(false, [], outcome.ErrorCode, outcome.Message);
    }

    public Task<CommandOutcome> Release(string reservationId, string reason, CancellationToken cancellationToken) =>
        Run(now => _stock.Release(reservationId, reason, now), cancellationToken);

    public Task<CommandOutcome> Pick(string reservationId, IReadOnlyList<StockLine> picked, CancellationToken cancellationToken) =>
        Run(now => _stock.Pick(reservationId, picked, now), cancellationToken);

    /// <summary>
    /// Decides on the current state and appends. A domain refusal changes nothing. A version conflict means another
    /// activation wrote first: reload and decide once more on the fresh state.
    /// </summary>
    private async Task<CommandOutcome> Run(Func<DateTimeOffset, IReadOnlyList<INodeStockEvent>> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            IReadOnlyList<INodeStockEvent> events;
            try
            {
                events = decide(time.GetUtcNow());
            }
            catch (DomainException ex)
            {
                await LoadAsync(cancellationToken); // the aggregate may have applied part of a batch
                return CommandOutcome.Refused(ex.Code, ex.Message);
            }
            try
            {
                await _stream.AppendAsync(events, cancellationToken);
            }
            catch (JournalConcurrencyException) when (attempt == 0)
            {
                await LoadAsync(cancellationToken);
                continue;
            }
            catch
            {
                await LoadAsync(cancellationToken); // outcome unknown: the journal is the truth
                throw;
            }
            if (_stream.Version - _snapshotVersion >= SnapshotEvery)
            {
                await _stream.SaveSnapshotAsync(_stock.ToSnapshot(), cancellationToken);
                _snapshotVersion = _stream.Version;
            }
            return CommandOutcome.Done;
        }
    }

    private static StockRow Row(string skuId, InventoryPosition p) =>
        new(skuId, p.OnHand, p.Reserved, p.Available, p.InTransit, p.Capacity, p.SafetyStock);
}
