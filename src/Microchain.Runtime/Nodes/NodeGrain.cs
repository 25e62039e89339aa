using Microchain.Domain;
using Microchain.Domain.Inventory;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;

namespace Microchain.Runtime.Nodes;

/// <summary>
/// A thin shell over <see cref="NodeStock"/>: decide with the domain, persist through the journal, then reply.
/// <para>
/// Commands interleave (the grain is reentrant) but decisions do not: each runs synchronously on the grain's single
/// turn and is applied at once, so the next decision sees it. Decided events wait in a queue that one flush loop
/// appends in batches, with up to <see cref="MaxAppendsInFlight"/> appends queued on the journal writer at once
/// (each expects the version the previous one leads to); a caller is answered only when its batch is durable. This
/// is group commit at the aggregate: a busy node makes one append per batch rather than one per reservation. If an
/// append fails, the appends behind it fail too; once all have ended, the state is reloaded from the journal and
/// every decision not yet written is decided again (after a version conflict) or failed (when the outcome is
/// unknown).
/// </para>
/// <para>
/// A reservation for a caller on the same journal writer (<see cref="ReserveQueued"/>) is answered as soon as its
/// append is queued, with the append's ticket; the caller's own append follows the ticket, so the order and its
/// reservation become durable in one writer cycle instead of two in a row. Such a reservation is never decided
/// again: if its append fails, the caller's append fails with it and the caller releases.
/// </para>
/// </summary>
[Orleans.Concurrency.Reentrant]
public sealed partial class NodeGrain(IEventJournal journal, TimeProvider time, Orders.ReservationTiming timing, AtpBoard board) : Grain, INodeGrain
{
    /// <summary>
    /// Snapshot after this many events so that activation stays fast on busy nodes; or after as many events as the
    /// state has reservations, when that is more: a snapshot carries every open reservation, so writing one costs
    /// O(1) per event amortised however many are open, and replay on activation stays within the snapshot's size.
    /// </summary>
    private const int SnapshotEvery = 500;
    private const int MaxPageSize = 1_000;
    /// <summary>Levels per call: each may become two events, and one append holds at most 1,000.</summary>
    public const int MaxLevelsPerCall = 400;
    /// <summary>Expired reservations judged per sweep; the rest wait for the next one.</summary>
    public const int MaxSweptPerRun = 200;
    /// <summary>How long a reservation of an allocated order holds on before it is looked at again.</summary>
    public static readonly TimeSpan AllocatedHold = TimeSpan.FromHours(1);

    private GrainJournal<INodeStockEvent> _stream = null!;
    private NodeStock _stock = null!;
    private long _snapshotVersion;
    private Task? _snapshotSaving;
    private Task _reloading = Task.CompletedTask;
    private AtpSheet? _sheet;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new GrainJournal<INodeStockEvent>(journal, "node/" + this.GetPrimaryKeyString());
        await LoadAsync(cancellationToken);
        this.RegisterGrainTimer(ct => SweepExpired(ct), new GrainTimerCreationOptions(timing.SweepPeriod, timing.SweepPeriod) { Interleave = true });
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_sheet is not null) board.Close(this.GetPrimaryKeyString(), _sheet);
        return Task.CompletedTask;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var (_, nodeId) = GrainKey.Split(this.GetPrimaryKeyString());
        _stream.Reset();
        var snapshot = await _stream.LoadSnapshotAsync(cancellationToken);
        var stock = snapshot is null
            ? new NodeStock(nodeId)
            : NodeStock.FromSnapshot(System.Text.Json.JsonSerializer.Deserialize<NodeStockSnapshot>(snapshot.Data, DomainJson.Options)!);
        _snapshotVersion = snapshot?.Version ?? 0;
        foreach (var e in await _stream.ReadNewAsync(_snapshotVersion, cancellationToken)) stock.Apply(e);
        _stock = stock;
        _sheet = board.Open(this.GetPrimaryKeyString(), stock);
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
        foreach (var sku in skuIds) atp[sku] = _stock.AvailableToPromise(sku); // modular SKUs: finished units plus what can be assembled
        return Task.FromResult(new NodeAvailability(_stock.NodeId, atp, (int)Math.Min(int.MaxValue, _stock.ReservedUnits)));
    }

    public async Task<CommandOutcome> SetLevels(IReadOnlyList<StockLevelCommand> levels, string reference, CancellationToken cancellationToken)
    {
        if (levels.Count > MaxLevelsPerCall)
            return CommandOutcome.Refused("stock.batch_too_large", $"at most {MaxLevelsPerCall} levels per call, got {levels.Count}");
        return await Run(now =>
        {
            // A multi-event decision must not fail half-way (queued decisions sit on top of it): try it on a copy first.
            ApplyLevels(NodeStock.FromSnapshot(_stock.ToSnapshot()), levels, reference, now);
            return ApplyLevels(_stock, levels, reference, now);
        }, cancellationToken);
    }

    private static List<INodeStockEvent> ApplyLevels(NodeStock stock, IReadOnlyList<StockLevelCommand> levels, string reference, DateTimeOffset now)
    {
        var events = new List<INodeStockEvent>();
        foreach (var level in levels)
        {
            if (stock.PositionOf(level.SkuId).Capacity != level.Capacity) events.AddRange(stock.SetCapacity(level.SkuId, level.Capacity, now));
            var missing = level.OnHand - stock.PositionOf(level.SkuId).OnHand;
            if (missing > 0) events.AddRange(stock.Receive(level.SkuId, missing, reference, now));
        }
        return events;
    }

    public Task<CommandOutcome> Receive(string skuId, int quantity, string reference, CancellationToken cancellationToken) =>
        Run(now => _stock.Receive(skuId, quantity, reference, now), cancellationToken);

    public Task<CommandOutcome> Adjust(string skuId, int delta, string reasonCode, CancellationToken cancellationToken) =>
        Run(now => _stock.Adjust(skuId, delta, reasonCode, now), cancellationToken);

    public Task<CommandOutcome> Count(string skuId, int counted, CancellationToken cancellationToken) =>
        Run(now => _stock.Count(skuId, counted, now), cancellationToken);

    public Task<ReserveOutcome> Reserve(string reservationId, IReadOnlyList<StockLine> lines, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        ReserveAsync(reservationId, lines, expiresAt, answerWhenQueued: false, cancellationToken);

    public Task<ReserveOutcome> ReserveQueued(string reservationId, IReadOnlyList<StockLine> lines, DateTimeOffset expiresAt, Guid writer, CancellationToken cancellationToken) =>
        ReserveAsync(reservationId, lines, expiresAt, answerWhenQueued: writer == journal.WriterId, cancellationToken);

    private async Task<ReserveOutcome> ReserveAsync(string reservationId, IReadOnlyList<StockLine> lines, DateTimeOffset expiresAt, bool answerWhenQueued, CancellationToken cancellationToken)
    {
        ReservationResult? result = null;
        var command = new PendingCommand(now =>
        {
            result = _stock.TryReserve(reservationId, lines, expiresAt, now);
            return result.Events;
        }, answerWhenQueued);
        var outcome = await Run(command, cancellationToken);
        return outcome.Succeeded
            ? new ReserveOutcome(result!.Succeeded, result.Shortages, result.Succeeded ? null : "stock.insufficient", null, command.Ticket)
            : new ReserveOutcome(false, [], outcome.ErrorCode, outcome.Message);
    }

    public Task<CommandOutcome> Release(string reservationId, string reason, CancellationToken cancellationToken) =>
        Run(now => _stock.Release(reservationId, reason, now), cancellationToken);

    public Task<CommandOutcome> ReturnStock(string returnId, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken) =>
        Run(now => _stock.Return(returnId, lines, now), cancellationToken);

    public Task<CommandOutcome> Pick(string reservationId, IReadOnlyList<StockLine> picked, CancellationToken cancellationToken) =>
        Run(now => _stock.Pick(reservationId, picked, now), cancellationToken);

    public async Task<int> SweepExpired(CancellationToken cancellationToken)
    {
        await _reloading;
        var (tenant, nodeId) = GrainKey.Split(this.GetPrimaryKeyString());
        var swept = 0;
        foreach (var id in _stock.DueReservations(time.GetUtcNow(), MaxSweptPerRun))
        {
            var verdict = await ReservationSweep.JudgeAsync(journal, tenant, nodeId, id, time.GetUtcNow(), cancellationToken);
            var outcome = verdict switch
            {
                ExpiryVerdict.Release => await Run(now => _stock.Release(id, "expired", now), cancellationToken),
                ExpiryVerdict.Extend => await Run(now => _stock.Extend(id, now + AllocatedHold, now), cancellationToken),
                _ => CommandOutcome.Refused("stock.sweep_skipped", "looked at again next time"),
            };
            if (outcome.Succeeded) swept++;
        }
        return swept;
    }

    private async Task SnapshotAsync()
    {
        var snapshot = _stock.ToSnapshot();
        var version = _stream.Version;
        try
        {
            await journal.SaveSnapshotAsync(_stream.StreamId, version, nameof(NodeStockSnapshot),
                System.Text.Json.JsonSerializer.Serialize(snapshot, DomainJson.Options), CancellationToken.None);
            _snapshotVersion = version;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A snapshot is an optimisation; replay from the previous one stays correct.
        }
        finally
        {
            _snapshotSaving = null;
        }
    }

    private static StockRow Row(string skuId, InventoryPosition p) =>
        new(skuId, p.OnHand, p.Reserved, p.Available, p.InTransit, p.Capacity, p.SafetyStock);
}
