using Microchain.Domain;
using Microchain.Domain.Inventory;
using Microchain.Domain.Transfers;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;
using Microchain.Runtime.Nodes;

namespace Microchain.Runtime.Transfers;

/// <summary>
/// Coordinates one transfer: the domain decides, the node carries the step out (keyed by transfer and receipt id),
/// then the transfer's own stream records it with an expected-version append. A node refusal leaves everything as
/// it was. A crash between a node's step and the record is repaired by resuming: a retried request repeats the
/// node step (a no-op there) and records it, and after activation or a failure the grain adopts what the
/// destination applied but the stream missed (see <see cref="ResumeAsync"/>).
/// </summary>
public sealed class TransferGrain(IEventJournal journal, TimeProvider time) : Grain, ITransferGrain
{
    private GrainJournal<ITransferEvent> _stream = null!;
    private Transfer? _transfer;
    private string _tenant = "";
    private string _transferId = "";
    /// <summary>True after activation or a failed step: the destination may hold receipts the stream lacks.</summary>
    private bool _reconcile = true;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenant, _transferId) = GrainKey.Split(this.GetPrimaryKeyString());
        _stream = new GrainJournal<ITransferEvent>(journal, "transfer/" + this.GetPrimaryKeyString());
        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        _stream.Reset();
        var history = await _stream.ReadNewAsync(0, cancellationToken);
        _transfer = history.Count == 0 ? null : Transfer.Replay(history);
    }

    public Task<TransferView?> Get(CancellationToken cancellationToken) => Task.FromResult(_transfer is null ? null : TransferView.Of(_transfer));

    public async Task<TransferOutcome> Ship(ShipTransfer command, CancellationToken cancellationToken)
    {
        TransferShipped shipped;
        try
        {
            shipped = Transfer.DecideShip(_transferId, command.FromNodeId, command.ToNodeId, command.Lines, command.Reference, time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return Refused(ex.Code, ex.Message);
        }
        if (_transfer is not null)
        {
            if (_transfer.FromNodeId != shipped.FromNodeId || _transfer.ToNodeId != shipped.ToNodeId || _transfer.Reference != shipped.Reference
                || !_transfer.Lines.SequenceEqual(shipped.Lines))
                return new TransferOutcome(TransferResult.KeyReused, TransferView.Of(_transfer));
            await ResumeAsync(cancellationToken);
            return new TransferOutcome(TransferResult.Replayed, TransferView.Of(_transfer));
        }
        var outcome = await Node<INodeTransfers>(shipped.FromNodeId).ShipTransfer(_transferId, shipped.ToNodeId, shipped.Lines, shipped.Reference, cancellationToken);
        if (!outcome.Succeeded) return Refused(outcome.ErrorCode!, outcome.Message!);
        await RecordAsync([shipped], cancellationToken);
        await ResumeAsync(cancellationToken);
        return new TransferOutcome(TransferResult.Done, TransferView.Of(_transfer!));
    }

    public Task<TransferOutcome> Receive(string receiptId, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken) =>
        ReceiveAsync(receiptId, lines, reconciled: false, cancellationToken);

    private async Task<TransferOutcome> ReceiveAsync(string receiptId, IReadOnlyList<StockLine> lines, bool reconciled, CancellationToken cancellationToken)
    {
        if (_transfer is null) return new TransferOutcome(TransferResult.NotFound, null);
        await ResumeAsync(cancellationToken);
        IReadOnlyList<ITransferEvent> events;
        try
        {
            if (_transfer.Receipts.FirstOrDefault(r => r.ReceiptId == receiptId) is { } known)
                return new TransferOutcome(known.Lines.SequenceEqual(Transfer.MergeLines(lines)) ? TransferResult.Replayed : TransferResult.KeyReused, TransferView.Of(_transfer));
            events = _transfer.DecideReceipt(receiptId, lines, time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return Refused(ex.Code, ex.Message);
        }
        var receipt = (TransferReceiptRecorded)events[0];
        var outcome = await Step(n => n.ReceiveTransfer(_transferId, receiptId, receipt.Lines, cancellationToken));
        if (!outcome.Succeeded && !reconciled && Diverged(outcome))
        {
            _reconcile = true;
            return await ReceiveAsync(receiptId, lines, reconciled: true, cancellationToken);
        }
        if (!outcome.Succeeded) return Refused(outcome.ErrorCode!, outcome.Message!);
        await RecordAsync(events, cancellationToken);
        return new TransferOutcome(TransferResult.Done, TransferView.Of(_transfer));
    }

    public Task<TransferOutcome> Close(CloseTransfer command, CancellationToken cancellationToken) =>
        CloseAsync(command, reconciled: false, cancellationToken);

    private async Task<TransferOutcome> CloseAsync(CloseTransfer command, bool reconciled, CancellationToken cancellationToken)
    {
        if (_transfer is null) return new TransferOutcome(TransferResult.NotFound, null);
        await ResumeAsync(cancellationToken);
        if (_transfer.Status == TransferStatus.Closed)
        {
            // A retried close: the same reasons are a replay; anything else is a conflict with what was recorded.
            var same = _transfer.Discrepancies.All(d => (command.ReasonBySku.GetValueOrDefault(d.SkuId) ?? command.Reason) == d.Reason);
            return same ? new TransferOutcome(TransferResult.Replayed, TransferView.Of(_transfer)) : Refused("transfer.closed", $"transfer {_transferId} is already closed");
        }
        TransferClosed closed;
        try
        {
            closed = _transfer.DecideClose(command.ReasonBySku, command.Reason, time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return Refused(ex.Code, ex.Message);
        }
        var outcome = await Step(n => n.CloseTransfer(_transferId, closed.Discrepancies, cancellationToken));
        if (!outcome.Succeeded && !reconciled && Diverged(outcome))
        {
            _reconcile = true;
            return await CloseAsync(command, reconciled: true, cancellationToken);
        }
        if (!outcome.Succeeded) return Refused(outcome.ErrorCode!, outcome.Message!);
        await RecordAsync([closed], cancellationToken);
        return new TransferOutcome(TransferResult.Done, TransferView.Of(_transfer));
    }

    /// <summary>
    /// Finishes what a crash left undone: registers a shipped transfer at its destination, and (after activation or
    /// a failure) records receipts or a close the destination applied but this stream never got. The node is the
    /// authority for what it applied, so the stream converges to it.
    /// </summary>
    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        if (_transfer is null) return;
        if (_transfer.Status == TransferStatus.Shipped)
        {
            var outcome = await Step(n => n.ExpectTransfer(_transferId, _transfer.FromNodeId, _transfer.Lines, cancellationToken));
            if (!outcome.Succeeded)
                throw new InvalidOperationException($"destination {_transfer.ToNodeId} refused transfer {_transferId}: {outcome.ErrorCode} {outcome.Message}");
            await RecordAsync([_transfer.DecideInTransit(time.GetUtcNow())], cancellationToken);
        }
        if (!_reconcile || _transfer.Status == TransferStatus.Closed)
        {
            _reconcile = false;
            return;
        }
        var inbound = await Node<INodeTransfers>(_transfer.ToNodeId).GetInboundTransfer(_transferId, cancellationToken);
        foreach (var receipt in inbound?.Receipts ?? [])
            if (_transfer.Receipts.All(r => r.ReceiptId != receipt.ReceiptId))
                await RecordAsync(_transfer.DecideReceipt(receipt.ReceiptId, receipt.Lines, receipt.At), cancellationToken);
        if (inbound is { Closed: true, Discrepancies.Count: > 0 } && _transfer.Status != TransferStatus.Closed)
            await RecordAsync([new TransferClosed(inbound.Discrepancies, time.GetUtcNow())], cancellationToken);
        _reconcile = false;
    }

    /// <summary>Runs a step at the destination; a failure (outcome unknown) makes the next command reconcile first.</summary>
    private async Task<CommandOutcome> Step(Func<INodeTransfers, Task<CommandOutcome>> step)
    {
        try
        {
            return await step(Node<INodeTransfers>(_transfer!.ToNodeId));
        }
        catch
        {
            _reconcile = true;
            throw;
        }
    }

    /// <summary>Appends with the expected version, then applies. On failure the stream is the truth: reload and reconcile next time.</summary>
    private async Task RecordAsync(IReadOnlyList<ITransferEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            await _stream.AppendAsync(events, cancellationToken);
        }
        catch
        {
            _reconcile = true;
            await LoadAsync(CancellationToken.None);
            throw;
        }
        if (_transfer is null) _transfer = Transfer.Replay(events);
        else foreach (var e in events) _transfer.Apply(e);
    }

    /// <summary>
    /// The destination refused a step the stream allowed: it applied something the stream missed (a lost record
    /// whose client never retried). Reconcile once and decide again on what the node holds.
    /// </summary>
    private static bool Diverged(CommandOutcome outcome) => outcome.ErrorCode is "transfer.over_receipt" or "transfer.closed" or "transfer.discrepancy";

    private T Node<T>(string nodeId) where T : IGrainWithStringKey => GrainFactory.GetGrain<T>(GrainKey.Compose(_tenant, nodeId));

    private static TransferOutcome Refused(string code, string message) => new(TransferResult.Refused, null, code, message);
}
