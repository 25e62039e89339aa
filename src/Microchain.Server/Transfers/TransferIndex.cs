using System.Text.Json;
using Microchain.Domain.Transfers;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;

namespace Microchain.Server.Transfers;

/// <summary>One transfer as lists show it.</summary>
public sealed record TransferSummary(
    string TransferId,
    TransferStatus Status,
    string FromNodeId,
    string ToNodeId,
    int Units,
    int ReceivedUnits,
    int WrittenOffUnits,
    DateTimeOffset ShippedAt,
    DateTimeOffset UpdatedAt);

/// <summary>What a list asks for; every filter is optional.</summary>
public sealed record TransferFilter(TransferStatus? Status = null, string? FromNodeId = null, string? ToNodeId = null);

/// <summary>
/// The read model behind transfer lists: folds the transfer streams of the journal, in commit order. It catches up
/// when asked (transfers are few next to orders), so a list reflects every transfer acknowledged before it.
/// </summary>
public sealed class TransferIndex(IEventJournal journal) : IDisposable
{
    /// <summary>Events read per call to the journal.</summary>
    public const int BatchSize = 2_000;
    private const string Prefix = "transfer/";

    private readonly Dictionary<string, Dictionary<string, TransferSummary>> _byTenant = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _catchUp = new(1, 1);
    private readonly Lock _lock = new();
    private long _position;

    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await _catchUp.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var page = await journal.ReadGlobalAsync(_position, BatchSize, Prefix, cancellationToken);
                lock (_lock)
                {
                    foreach (var stored in page.Events) Fold(stored);
                    _position = page.ScannedThrough;
                }
                if (page.Events.Count < BatchSize) return;
            }
        }
        finally
        {
            _catchUp.Release();
        }
    }

    private void Fold(StoredEvent stored)
    {
        var (tenant, transferId) = GrainKey.Split(stored.StreamId[Prefix.Length..]);
        var e = JsonSerializer.Deserialize<ITransferEvent>(stored.Data, DomainJson.Options);
        if (!_byTenant.TryGetValue(tenant, out var transfers)) _byTenant[tenant] = transfers = new(StringComparer.Ordinal);
        if (e is TransferShipped s)
        {
            transfers[transferId] = new TransferSummary(transferId, TransferStatus.Shipped, s.FromNodeId, s.ToNodeId, s.Lines.Sum(l => l.Quantity), 0, 0, s.At, s.At);
            return;
        }
        if (e is null || !transfers.TryGetValue(transferId, out var summary)) return;
        transfers[transferId] = e switch
        {
            TransferInTransit => summary with { Status = TransferStatus.InTransit, UpdatedAt = e.At },
            TransferReceiptRecorded r => summary with
            {
                Status = TransferStatus.PartiallyReceived, ReceivedUnits = summary.ReceivedUnits + r.Lines.Sum(l => l.Quantity), UpdatedAt = e.At,
            },
            TransferClosed c => summary with { Status = TransferStatus.Closed, WrittenOffUnits = c.Discrepancies.Sum(d => d.Quantity), UpdatedAt = e.At },
            _ => summary,
        };
    }

    /// <summary>Transfers of a tenant that pass the filter, newest first, paged; and how many pass in all.</summary>
    public (IReadOnlyList<TransferSummary> Items, int Total) List(string tenant, TransferFilter filter, int offset, int limit)
    {
        lock (_lock)
        {
            if (!_byTenant.TryGetValue(tenant, out var transfers)) return ([], 0);
            var matching = transfers.Values.Where(t =>
                    (filter.Status is null || t.Status == filter.Status) &&
                    (filter.FromNodeId is null || t.FromNodeId == filter.FromNodeId) &&
                    (filter.ToNodeId is null || t.ToNodeId == filter.ToNodeId))
                .OrderByDescending(t => t.ShippedAt).ThenBy(t => t.TransferId, StringComparer.Ordinal)
                .ToList();
            return (matching.Skip(offset).Take(limit).ToArray(), matching.Count);
        }
    }

    public void Dispose() => _catchUp.Dispose();
}
