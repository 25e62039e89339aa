using Microchain.Planning.Replenishment;
using Microchain.Runtime.Journal;

namespace Microchain.Server.Replenishment;

/// <summary>
/// Runs kept durably in the journal: one index stream per tenant (<c>replenishment-runs/{tenant}</c>, a summary per
/// run) and one stream per run with its proposals, both written in one transaction. Run ids follow the index's
/// version (<c>run-000001</c>…), so a concurrent writer on the same journal conflicts and retries with the next id.
/// </summary>
public sealed class ReplenishmentRunStore(IEventJournal journal) : IDisposable
{
    private const int MaxWriteRetries = 3;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, TenantRuns> _tenants = new(StringComparer.Ordinal);

    /// <summary>Records a run; returns its summary with the id it got.</summary>
    public async Task<ReplenishmentRunSummary> RecordAsync(string tenant, ReplenishmentRunSummary summary, NetworkReplenishmentResult result, CancellationToken cancellationToken)
    {
        var (chunks, truncated) = Chunks(result);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var runs = await CatchUpAsync(tenant, cancellationToken).ConfigureAwait(false);
                var recorded = summary with { RunId = $"run-{runs.Version + 1:D6}", Truncated = truncated };
                try
                {
                    await journal.AppendManyAsync(
                        [
                            new StreamAppend(ReplenishmentJson.Runs(tenant), runs.Version, [ReplenishmentJson.Event(new ReplenishmentRunRecorded(recorded, chunks.Count))]),
                            new StreamAppend(ReplenishmentJson.Run(tenant, recorded.RunId), 0, [.. chunks.Select(ReplenishmentJson.Event)]),
                        ],
                        [],
                        cancellationToken).ConfigureAwait(false);
                }
                catch (JournalConcurrencyException) when (attempt < MaxWriteRetries)
                {
                    continue;
                }
                await CatchUpAsync(tenant, cancellationToken).ConfigureAwait(false);
                return recorded;
            }
        }
        finally { _gate.Release(); }
    }

    /// <summary>Every run of the tenant, newest first.</summary>
    public async Task<IReadOnlyList<ReplenishmentRunSummary>> ListAsync(string tenant, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try { return [.. (await CatchUpAsync(tenant, cancellationToken).ConfigureAwait(false)).Summaries.AsEnumerable().Reverse()]; }
        finally { _gate.Release(); }
    }

    /// <summary>One run with its proposals, or null.</summary>
    public async Task<ReplenishmentRunView?> FindAsync(string tenant, string runId, CancellationToken cancellationToken)
    {
        var summary = (await ListAsync(tenant, cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.RunId == runId);
        if (summary is null) return null;
        var transfers = new List<TransferOrderProposal>();
        var deferred = new List<TransferOrderProposal>();
        var purchases = new List<PurchaseOrderProposal>();
        var unplaced = new List<string>();
        foreach (var e in await journal.ReadAsync(ReplenishmentJson.Run(tenant, runId), 1, cancellationToken).ConfigureAwait(false))
        {
            if (ReplenishmentJson.Read(e) is not ReplenishmentProposalsChunk chunk) continue;
            transfers.AddRange(chunk.Transfers);
            deferred.AddRange(chunk.Deferred);
            purchases.AddRange(chunk.Purchases);
            unplaced.AddRange(chunk.Unplaced);
        }
        return new ReplenishmentRunView(summary, transfers, deferred, purchases, unplaced);
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Slices the proposals (transfers, purchases, then deferred lines and unplaced notes) into chunk events, keeping at most the stored maximum.</summary>
    private static (List<ReplenishmentProposalsChunk> Chunks, bool Truncated) Chunks(NetworkReplenishmentResult result)
    {
        var items = result.Transfers.Orders.Select(t => (Kind: 0, (object)t))
            .Concat(result.Purchases.Orders.Select(p => (Kind: 1, (object)p)))
            .Concat(result.Transfers.Deferred.Select(t => (Kind: 2, (object)t)))
            .Concat(result.Purchases.Unplaced.Select(u => (Kind: 3, (object)u)))
            .ToList();
        var truncated = items.Count > ReplenishmentJson.MaxStoredProposals;
        var chunks = new List<ReplenishmentProposalsChunk>();
        foreach (var slice in items.Take(ReplenishmentJson.MaxStoredProposals).Chunk(ReplenishmentJson.ChunkSize))
        {
            chunks.Add(new ReplenishmentProposalsChunk(chunks.Count,
                [.. slice.Where(s => s.Kind == 0).Select(s => (TransferOrderProposal)s.Item2)],
                [.. slice.Where(s => s.Kind == 2).Select(s => (TransferOrderProposal)s.Item2)],
                [.. slice.Where(s => s.Kind == 1).Select(s => (PurchaseOrderProposal)s.Item2)],
                [.. slice.Where(s => s.Kind == 3).Select(s => (string)s.Item2)]));
        }
        // An empty run still gets its stream, so a recorded id always has one.
        if (chunks.Count == 0) chunks.Add(new ReplenishmentProposalsChunk(0, [], [], [], []));
        return (chunks, truncated);
    }

    private async Task<TenantRuns> CatchUpAsync(string tenant, CancellationToken cancellationToken)
    {
        if (!_tenants.TryGetValue(tenant, out var runs)) _tenants[tenant] = runs = new TenantRuns();
        foreach (var e in await journal.ReadAsync(ReplenishmentJson.Runs(tenant), runs.Version + 1, cancellationToken).ConfigureAwait(false))
        {
            if (ReplenishmentJson.Read(e) is ReplenishmentRunRecorded recorded) runs.Summaries.Add(recorded.Summary);
            runs.Version = e.Version;
        }
        return runs;
    }

    private sealed class TenantRuns
    {
        public long Version { get; set; }
        public List<ReplenishmentRunSummary> Summaries { get; } = [];
    }
}
