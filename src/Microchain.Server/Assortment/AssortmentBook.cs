using Microchain.Runtime.Journal;
using Microchain.Server.Networks;
using Microsoft.Extensions.Hosting;

namespace Microchain.Server.Assortment;

/// <summary>A node's assortment as stored: the SKUs (sorted), when and how it was last set, and the stream version.</summary>
public sealed record NodeAssortment(string NodeId, IReadOnlyList<string> Skus, string Source, DateTimeOffset UpdatedAt, long Version);

/// <summary>
/// Assortments of every tenant, kept as events in the journal (stream <c>assortments</c>) and folded here. It loads
/// the stream before the server starts serving, then follows it (so another server's changes are seen within a
/// poll), and pushes each tenant's sets into the <see cref="NetworkCatalog"/>, where sourcing reads them.
/// Writes name the version they read: a concurrent write is retried on fresh state, never lost.
/// </summary>
public sealed class AssortmentBook(IEventJournal journal, NetworkCatalog catalog, TimeProvider time) : BackgroundService
{
    /// <summary>Most SKUs one node's assortment may list.</summary>
    public const int MaxSkus = 20_000;
    private const int MaxWriteRetries = 3;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Dictionary<string, NodeAssortment>> _byTenant = new(StringComparer.Ordinal);
    private long _version;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await CatchUpLockedAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Poll, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                await CatchUpLockedAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A storage hiccup: the next poll tries again.
            }
        }
    }

    /// <summary>The node's assortment, or null when none is set (it stocks everything it holds).</summary>
    public async Task<NodeAssortment?> GetAsync(string tenant, string nodeId, CancellationToken cancellationToken)
    {
        await CatchUpLockedAsync(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try { return _byTenant.GetValueOrDefault(tenant)?.GetValueOrDefault(nodeId); }
        finally { _gate.Release(); }
    }

    /// <summary>Every assortment of the tenant, by node id.</summary>
    public async Task<IReadOnlyDictionary<string, NodeAssortment>> AllAsync(string tenant, CancellationToken cancellationToken)
    {
        await CatchUpLockedAsync(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try { return new Dictionary<string, NodeAssortment>(_byTenant.GetValueOrDefault(tenant) ?? [], StringComparer.Ordinal); }
        finally { _gate.Release(); }
    }

    /// <summary>Sets the node's assortment; returns it with the SKUs it added and dropped against the one before.</summary>
    public async Task<(NodeAssortment Assortment, IReadOnlyList<string> Added, IReadOnlyList<string> Dropped)> SetAsync(
        string tenant, string nodeId, IReadOnlyCollection<string> skus, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skus);
        if (skus.Count > MaxSkus) throw new ArgumentException($"an assortment lists at most {MaxSkus} SKUs");
        var sorted = skus.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await CatchUpAsync(cancellationToken).ConfigureAwait(false);
                var before = _byTenant.GetValueOrDefault(tenant)?.GetValueOrDefault(nodeId)?.Skus ?? [];
                var added = sorted.Except(before, StringComparer.Ordinal).ToArray();
                var dropped = before.Except(sorted, StringComparer.Ordinal).ToArray();
                var e = new AssortmentSet(tenant, nodeId, sorted, added, dropped, source, time.GetUtcNow());
                try
                {
                    await journal.AppendAsync(AssortmentJson.Stream, _version, [AssortmentJson.Event(e)], cancellationToken).ConfigureAwait(false);
                }
                catch (JournalConcurrencyException) when (attempt < MaxWriteRetries)
                {
                    continue;
                }
                await CatchUpAsync(cancellationToken).ConfigureAwait(false);
                return (_byTenant[tenant][nodeId], added, dropped);
            }
        }
        finally { _gate.Release(); }
    }

    /// <summary>Removes the node's assortment; false when it had none.</summary>
    public async Task<bool> ClearAsync(string tenant, string nodeId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await CatchUpAsync(cancellationToken).ConfigureAwait(false);
                if (_byTenant.GetValueOrDefault(tenant)?.ContainsKey(nodeId) != true) return false;
                try
                {
                    await journal.AppendAsync(AssortmentJson.Stream, _version, [AssortmentJson.Event(new AssortmentCleared(tenant, nodeId, time.GetUtcNow()))], cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (JournalConcurrencyException) when (attempt < MaxWriteRetries)
                {
                    continue;
                }
                await CatchUpAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
        finally { _gate.Release(); }
    }

    private async Task CatchUpLockedAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try { await CatchUpAsync(cancellationToken).ConfigureAwait(false); }
        finally { _gate.Release(); }
    }

    /// <summary>Folds what the stream gained since last read; the caller holds the gate.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var events = await journal.ReadAsync(AssortmentJson.Stream, _version + 1, cancellationToken).ConfigureAwait(false);
        if (events.Count == 0) return;
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stored in events)
        {
            switch (AssortmentJson.Read(stored))
            {
                case AssortmentSet s:
                    Tenant(s.Tenant)[s.NodeId] = new NodeAssortment(s.NodeId, s.Skus, s.Source, s.At, stored.Version);
                    touched.Add(s.Tenant);
                    break;
                case AssortmentCleared c:
                    Tenant(c.Tenant).Remove(c.NodeId);
                    touched.Add(c.Tenant);
                    break;
            }
            _version = stored.Version;
        }
        foreach (var tenant in touched)
            catalog.SetAssortments(tenant, _byTenant[tenant].ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value.Skus.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal));
    }

    private Dictionary<string, NodeAssortment> Tenant(string tenant)
    {
        if (!_byTenant.TryGetValue(tenant, out var nodes)) _byTenant[tenant] = nodes = new(StringComparer.Ordinal);
        return nodes;
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
