using System.Text;
using Microchain.Runtime.Journal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microchain.Server.Webhooks;

/// <summary>
/// Delivers outbox messages to webhook subscriptions, at least once. Each loop: fan a batch of outbox messages out
/// to the matching subscriptions of their tenant (recorded in the journal before the outbox marks them delivered),
/// start POSTs for the deliveries that are due, and record the attempts that finished. POSTs run concurrently and
/// are not waited for, so a slow receiver holds up only its own deliveries; the loop itself is single-threaded.
/// Pending work lives in the journal, so a restart resumes it: nothing scheduled is lost, nothing recorded as
/// delivered is sent again.
/// </summary>
public sealed class WebhookDispatcher(
    IEventJournal journal, WebhookRegistry registry, WebhookSender sender, WebhookOptions options, TimeProvider time, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    private readonly Random _jitter = new(options.JitterSeed);
    private readonly Dictionary<string, PendingDelivery> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<AttemptResult?>> _inFlight = new(StringComparer.Ordinal);
    private long _lastScheduledMessageId;
    /// <summary>The outbox id through which everything was marked delivered for want of any subscription.</summary>
    private long _markedThroughId;
    private bool _recovered;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (!_recovered)
                    {
                        await DrainAsync().ConfigureAwait(false);
                        await RecoverAsync(stoppingToken).ConfigureAwait(false);
                    }

                    var more = await FanOutAsync(stoppingToken).ConfigureAwait(false);
                    StartDue(stoppingToken);
                    var recorded = await RecordCompletedAsync(stoppingToken).ConfigureAwait(false);
                    if (!more && !recorded) await WaitAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OutOfMemoryException && !stoppingToken.IsCancellationRequested)
                {
                    // State in memory may now lag the journal (e.g. another writer moved a stream): rebuild it from there.
                    logger.LogError(e, "webhook dispatch failed; recovering from the journal");
                    _recovered = false;
                    await Task.Delay(options.PollInterval, time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: attempts in flight are cancelled; unrecorded ones are sent again after the restart.
        }
        finally
        {
            await DrainAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Rebuilds pending deliveries, stream versions and the last fanned-out message from the journal.</summary>
    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        _pending.Clear();
        _versions.Clear();
        _lastScheduledMessageId = 0;
        foreach (var tenant in await registry.TenantsAsync(cancellationToken).ConfigureAwait(false))
        {
            var active = (await registry.ListAsync(tenant, cancellationToken).ConfigureAwait(false)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var id in await registry.AllIdsAsync(tenant, cancellationToken).ConfigureAwait(false))
            {
                var (deliveries, version) = await DeliveryLog.ReadAsync(journal, tenant, id, cancellationToken).ConfigureAwait(false);
                _versions[WebhookStreams.Deliveries(tenant, id)] = version;
                foreach (var d in deliveries)
                {
                    _lastScheduledMessageId = Math.Max(_lastScheduledMessageId, d.Scheduled.MessageId);
                    if (d.Status == DeliveryOutcome.Pending && active.Contains(id))
                        _pending[d.Scheduled.DeliveryId] = new PendingDelivery(tenant, id, d.Scheduled, d.Attempts, d.NextAttemptAt ?? d.Scheduled.At);
                }
            }
        }

        _recovered = true;
    }

    /// <summary>Fans out one outbox batch, in as few atomic appends as the journal's limits allow; true if the batch was full.</summary>
    private async Task<bool> FanOutAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count >= options.MaxPendingDeliveries) return false;
        // With no subscription anywhere no message is delivered: everything written so far is marked delivered in one
        // statement, without reading a message (under load the outbox's reads and per-id marks were a sixth of the
        // order pipeline's CPU, measured). The last id is read before the check, so a subscription created before one
        // of those messages committed is seen; the tenants' subscriptions below are likewise read after the batch.
        var lastId = await journal.LastOutboxIdAsync(cancellationToken).ConfigureAwait(false);
        if (!await registry.AnyActiveAsync(cancellationToken).ConfigureAwait(false))
        {
            if (lastId > _markedThroughId)
            {
                await journal.MarkOutboxDeliveredThroughAsync(lastId, cancellationToken).ConfigureAwait(false);
                _markedThroughId = lastId;
            }

            return false;
        }

        var batch = await journal.ReadOutboxAsync(options.BatchSize, cancellationToken).ConfigureAwait(false);
        if (batch.Count == 0) return false;
        var chunk = new FanOutChunk();
        var subscribed = new Dictionary<string, IReadOnlyList<WebhookSubscription>>(StringComparer.Ordinal); // one registry read per tenant per batch
        foreach (var message in batch)
        {
            // Outbox ids grow in commit order: one at or below the last fanned out was recorded before a crash
            // or a failed mark, so it is not scheduled twice.
            if (message.Id <= _lastScheduledMessageId) continue;
            var tenant = WebhookPayload.TenantOf(message.Data);
            if (tenant is null) continue;
            if (Encoding.UTF8.GetByteCount(message.Data) > options.MaxPayloadBytes)
            {
                logger.LogError("outbox message {MessageId} ({Topic}) is larger than the webhook payload limit and is not delivered", message.Id, message.Topic);
                continue;
            }

            // A webhook hears of moves committed from its creation on, not of older messages still in the outbox.
            if (!subscribed.TryGetValue(tenant, out var active))
                subscribed[tenant] = active = await registry.ListAsync(tenant, cancellationToken).ConfigureAwait(false);
            if (active.Count == 0) continue;
            var subscriptions = active
                .Where(s => s.CreatedAt <= message.RecordedAt && WebhookTopics.Matches(s.Events, message.Topic)).ToArray();
            if (subscriptions.Length == 0) continue;
            var (items, bytes, storable) = FanOutChunk.Prepare(tenant, message, subscriptions, time.GetUtcNow());
            if (!storable)
            {
                logger.LogError("outbox message {MessageId} ({Topic}) fans out beyond one journal append and is not delivered", message.Id, message.Topic);
                continue;
            }

            if (!chunk.Fits(items, bytes))
            {
                await ScheduleAsync(chunk, cancellationToken).ConfigureAwait(false);
                chunk = new FanOutChunk();
            }

            chunk.Add(message.Id, items, bytes);
        }

        if (!chunk.IsEmpty) await ScheduleAsync(chunk, cancellationToken).ConfigureAwait(false);
        await MarkDeliveredAsync(batch, cancellationToken).ConfigureAwait(false);
        return batch.Count == options.BatchSize;
    }

    private Task MarkDeliveredAsync(IReadOnlyList<StoredOutboxMessage> batch, CancellationToken cancellationToken)
    {
        var ids = new long[batch.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = batch[i].Id;
        return journal.MarkOutboxDeliveredAsync(ids, cancellationToken);
    }

    /// <summary>Commits a chunk's deliveries in one append; only then are they pending and its messages scheduled.</summary>
    private async Task ScheduleAsync(FanOutChunk chunk, CancellationToken cancellationToken)
    {
        var streams = chunk.Streams.ToArray();
        var versions = await journal.AppendManyAsync(
            [.. streams.Select(s => new StreamAppend(s.StreamId, _versions.GetValueOrDefault(s.StreamId), s.Events))],
            [],
            cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < streams.Length; i++) _versions[streams[i].StreamId] = versions[i];
        foreach (var delivery in chunk.Deliveries) _pending[delivery.Scheduled.DeliveryId] = delivery;
        _lastScheduledMessageId = chunk.LastMessageId;
    }

    /// <summary>Starts POSTs for due deliveries not already in flight, up to the concurrency limit; does not wait for them.</summary>
    private void StartDue(CancellationToken cancellationToken)
    {
        var free = options.MaxConcurrentDeliveries - _inFlight.Count;
        if (free <= 0) return;
        var now = time.GetUtcNow();
        var due = _pending.Values
            .Where(p => p.NextAttemptAt <= now && !_inFlight.ContainsKey(p.Scheduled.DeliveryId))
            .OrderBy(p => p.NextAttemptAt).ThenBy(p => p.Scheduled.MessageId)
            .Take(free)
            .ToArray();
        foreach (var delivery in due) _inFlight[delivery.Scheduled.DeliveryId] = AttemptAsync(delivery, cancellationToken);
    }

    /// <summary>Records the attempts that finished since the last call, in one append; false if none had.</summary>
    private async Task<bool> RecordCompletedAsync(CancellationToken cancellationToken)
    {
        var done = _inFlight.Where(x => x.Value.IsCompleted).ToArray();
        if (done.Length == 0) return false;
        var attempts = new List<(PendingDelivery Delivery, DeliveryAttempted Event)>();
        foreach (var (id, task) in done)
        {
            _inFlight.Remove(id);
            var delivery = _pending[id];
            if (await task.ConfigureAwait(false) is not { } result)
            {
                _pending.Remove(id); // its subscription was deleted
                continue;
            }

            var at = time.GetUtcNow();
            var attempt = delivery.Attempts + 1;
            var outcome = result.Succeeded ? DeliveryOutcome.Delivered : attempt >= options.MaxAttempts ? DeliveryOutcome.Failed : DeliveryOutcome.Pending;
            DateTimeOffset? next = outcome == DeliveryOutcome.Pending
                ? at + Backoff.Delay(attempt, options.BaseBackoff, options.MaxBackoff, options.JitterFraction, _jitter.NextDouble())
                : null;
            attempts.Add((delivery, new DeliveryAttempted(id, attempt, result.StatusCode, result.Error, outcome, at, next)));
        }

        if (attempts.Count > 0) await RecordAsync(attempts, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<AttemptResult?> AttemptAsync(PendingDelivery delivery, CancellationToken cancellationToken)
    {
        var subscription = await registry.FindAsync(delivery.Tenant, delivery.SubscriptionId, cancellationToken).ConfigureAwait(false);
        if (subscription is null) return null;
        return await sender.SendAsync(subscription, delivery.Scheduled.DeliveryId, delivery.Scheduled.Topic, delivery.Scheduled.Body, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Records all attempts of a round in one atomic append, one stream per subscription.</summary>
    private async Task RecordAsync(List<(PendingDelivery Delivery, DeliveryAttempted Event)> attempts, CancellationToken cancellationToken)
    {
        var groups = attempts.GroupBy(a => WebhookStreams.Deliveries(a.Delivery.Tenant, a.Delivery.SubscriptionId)).ToArray();
        var versions = await journal.AppendManyAsync(
            [.. groups.Select(g => new StreamAppend(g.Key, _versions.GetValueOrDefault(g.Key), [.. g.Select(a => WebhookJson.Event(a.Event))]))],
            [],
            cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < groups.Length; i++) _versions[groups[i].Key] = versions[i];
        foreach (var (delivery, e) in attempts)
        {
            if (e.Outcome == DeliveryOutcome.Pending)
            {
                delivery.Attempts = e.Attempt;
                delivery.NextAttemptAt = e.NextAttemptAt!.Value;
            }
            else
            {
                _pending.Remove(delivery.Scheduled.DeliveryId);
                if (e.Outcome == DeliveryOutcome.Failed)
                    logger.LogWarning("webhook delivery {DeliveryId} given up after {Attempts} attempts", e.DeliveryId, e.Attempt);
            }
        }
    }

    /// <summary>Sleeps until the next retry is due, an attempt in flight finishes, or the poll interval passes.</summary>
    private async Task WaitAsync(CancellationToken cancellationToken)
    {
        var wait = options.PollInterval;
        var now = time.GetUtcNow();
        if (_inFlight.Count < options.MaxConcurrentDeliveries)
        {
            foreach (var p in _pending.Values)
            {
                if (!_inFlight.ContainsKey(p.Scheduled.DeliveryId) && p.NextAttemptAt - now < wait) wait = p.NextAttemptAt - now;
            }
        }

        if (wait <= TimeSpan.Zero) return;
        if (_inFlight.Count == 0)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait, time, wake.Token);
        await Task.WhenAny(_inFlight.Values.Append<Task>(delay)).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
        await delay.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Waits for every attempt in flight and forgets their results: those deliveries stay pending and are sent again.</summary>
    private async Task DrainAsync()
    {
        if (_inFlight.Count == 0) return;
        await ((Task)Task.WhenAll(_inFlight.Values)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _inFlight.Clear();
    }
}
