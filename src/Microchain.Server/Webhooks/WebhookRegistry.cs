using System.Security.Cryptography;
using Microchain.Runtime.Journal;

namespace Microchain.Server.Webhooks;

/// <summary>
/// Subscriptions per tenant, kept as events in the journal (stream <c>webhooks/{tenant}</c>) and cached here. Every
/// call first reads what the stream gained since the cache last saw it, so another server on the same journal is
/// seen too; writes name the version they read, so a concurrent change is retried on fresh state, never lost.
/// </summary>
public sealed class WebhookRegistry(IEventJournal journal, WebhookOptions options, TimeProvider time) : IDisposable
{
    private const int MaxWriteRetries = 3;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, TenantState> _tenants = new(StringComparer.Ordinal);
    private readonly TenantIndex _index = new();

    public enum CreateError { None, TooMany }

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(string tenant, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try { return [.. (await CatchUpAsync(tenant, cancellationToken).ConfigureAwait(false)).Active]; }
        finally { _gate.Release(); }
    }

    public async Task<WebhookSubscription?> FindAsync(string tenant, string id, CancellationToken cancellationToken) =>
        (await ListAsync(tenant, cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Id == id);

    /// <summary>Every subscription id the tenant ever had, deleted ones included, oldest first.</summary>
    public async Task<IReadOnlyList<string>> AllIdsAsync(string tenant, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try { return [.. (await CatchUpAsync(tenant, cancellationToken).ConfigureAwait(false)).AllIds]; }
        finally { _gate.Release(); }
    }

    /// <summary>Every tenant that ever subscribed.</summary>
    public async Task<IReadOnlyList<string>> TenantsAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CatchUpIndexAsync(cancellationToken).ConfigureAwait(false);
            return [.. _index.Tenants];
        }
        finally { _gate.Release(); }
    }

    /// <summary>
    /// Whether any tenant has an active subscription, as committed now. A tenant's first subscription enters the
    /// tenant index in the same append, so a subscription committed before this call is never missed.
    /// </summary>
    public async Task<bool> AnyActiveAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CatchUpIndexAsync(cancellationToken).ConfigureAwait(false);
            foreach (var tenant in _index.Tenants)
            {
                if ((await CatchUpAsync(tenant, cancellationToken).ConfigureAwait(false)).Active.Count > 0) return true;
            }

            return false;
        }
        finally { _gate.Release(); }
    }

    /// <summary>Creates a subscription; <paramref name="secret"/> null means a fresh 256-bit one.</summary>
    public async Task<(WebhookSubscription? Created, CreateError Error)> CreateAsync(
        string tenant, Uri url, IReadOnlyList<string> events, string? secret, CancellationToken cancellationToken)
    {
        var subscribed = new WebhookSubscribed(NewId(), url.AbsoluteUri, [.. events], secret ?? NewSecret(), time.GetUtcNow());
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var state = await CatchUpAsync(tenant, cancellationToken).ConfigureAwait(false);
                if (state.Active.Count >= options.MaxSubscriptionsPerTenant) return (null, CreateError.TooMany);
                try
                {
                    if (state.Version == 0)
                    {
                        // The tenant's first subscription also enters the index, atomically, so recovery can find it.
                        await CatchUpIndexAsync(cancellationToken).ConfigureAwait(false);
                        await journal.AppendManyAsync(
                            [
                                new StreamAppend(WebhookStreams.Tenants, _index.Version, [WebhookJson.Event(new WebhookTenantAdded(tenant, subscribed.At))]),
                                new StreamAppend(WebhookStreams.Subscriptions(tenant), 0, [WebhookJson.Event(subscribed)]),
                            ],
                            [],
                            cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await journal.AppendAsync(WebhookStreams.Subscriptions(tenant), state.Version, [WebhookJson.Event(subscribed)], cancellationToken)
                            .ConfigureAwait(false);
                    }
                }
                catch (JournalConcurrencyException) when (attempt < MaxWriteRetries)
                {
                    continue;
                }

                state = await CatchUpAsync(tenant, cancellationToken).ConfigureAwait(false);
                return (state.Active.Single(s => s.Id == subscribed.Id), CreateError.None);
            }
        }
        finally { _gate.Release(); }
    }

    /// <summary>Deletes a subscription; false if the tenant has no such active subscription.</summary>
    public async Task<bool> DeleteAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var state = await CatchUpAsync(tenant, cancellationToken).ConfigureAwait(false);
                if (!state.Active.Any(s => s.Id == id)) return false;
                try
                {
                    await journal.AppendAsync(WebhookStreams.Subscriptions(tenant), state.Version, [WebhookJson.Event(new WebhookDeleted(id, time.GetUtcNow()))], cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (JournalConcurrencyException) when (attempt < MaxWriteRetries)
                {
                    continue;
                }

                await CatchUpAsync(tenant, cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
        finally { _gate.Release(); }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<TenantState> CatchUpAsync(string tenant, CancellationToken cancellationToken)
    {
        if (!_tenants.TryGetValue(tenant, out var state)) _tenants[tenant] = state = new TenantState();
        var events = await journal.ReadAsync(WebhookStreams.Subscriptions(tenant), state.Version + 1, cancellationToken).ConfigureAwait(false);
        foreach (var e in events)
        {
            switch (WebhookJson.Read(e))
            {
                case WebhookSubscribed s:
                    // Created when committed, on the journal's clock: the clock outbox messages are stamped with.
                    state.Active.Add(new WebhookSubscription(tenant, s.Id, new Uri(s.Url), s.Events, s.Secret, e.RecordedAt));
                    state.AllIds.Add(s.Id);
                    break;
                case WebhookDeleted d:
                    state.Active.RemoveAll(s => s.Id == d.Id);
                    break;
            }

            state.Version = e.Version;
        }

        return state;
    }

    private async Task CatchUpIndexAsync(CancellationToken cancellationToken)
    {
        var events = await journal.ReadAsync(WebhookStreams.Tenants, _index.Version + 1, cancellationToken).ConfigureAwait(false);
        foreach (var e in events)
        {
            if (WebhookJson.Read(e) is WebhookTenantAdded added) _index.Tenants.Add(added.Tenant);
            _index.Version = e.Version;
        }
    }

    private static string NewId() => "wh_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    /// <summary>256 random bits, URL-safe, with a prefix that makes a leaked secret easy to recognise.</summary>
    private static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class TenantState
    {
        public long Version { get; set; }
        public List<WebhookSubscription> Active { get; } = [];
        public List<string> AllIds { get; } = [];
    }

    private sealed class TenantIndex
    {
        public long Version { get; set; }
        public List<string> Tenants { get; } = [];
    }
}
