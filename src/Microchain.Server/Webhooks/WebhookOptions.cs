namespace Microchain.Server.Webhooks;

/// <summary>Limits and timing of webhook subscriptions and their delivery. Checked at start: a bad value stops the boot.</summary>
public sealed record WebhookOptions
{
    /// <summary>Runs the dispatcher; off, subscriptions can still be managed but nothing is sent.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Outbox messages read per poll.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>How long the dispatcher waits between outbox polls when idle.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Attempts per delivery, the first included; after the last failure the delivery is given up.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>Wait after the first failure; doubles per failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Up to this fraction of each wait is taken off at random, so receivers that fail together do not retry together.</summary>
    public double JitterFraction { get; init; } = 0.2;

    /// <summary>Seed of the jitter generator: same seed, same schedule.</summary>
    public int JitterSeed { get; init; } = 1;

    /// <summary>One POST, connect to response headers; a slower receiver counts as a failed attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>POSTs in flight at once.</summary>
    public int MaxConcurrentDeliveries { get; init; } = 16;

    /// <summary>Deliveries awaiting success in memory; above it the dispatcher stops reading the outbox (which keeps the rest durably).</summary>
    public int MaxPendingDeliveries { get; init; } = 10_000;

    /// <summary>
    /// UTF-8 bytes of one outbox message's data that may be delivered; larger messages are logged and skipped. It keeps
    /// one message's fan-out to every subscription of a tenant within a single journal append.
    /// </summary>
    public int MaxPayloadBytes { get; init; } = 64 * 1024;

    /// <summary>Active subscriptions one tenant may hold.</summary>
    public int MaxSubscriptionsPerTenant { get; init; } = 20;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (BatchSize is < 1 or > 1_000) problems.Add("webhook batch size must be within 1..1000");
        if (PollInterval < TimeSpan.FromMilliseconds(1) || PollInterval > TimeSpan.FromMinutes(1)) problems.Add("webhook poll interval must be within 1 ms..1 min");
        if (MaxAttempts is < 1 or > 20) problems.Add("webhook max attempts must be within 1..20");
        if (BaseBackoff < TimeSpan.FromMilliseconds(1) || BaseBackoff > TimeSpan.FromHours(1)) problems.Add("webhook base backoff must be within 1 ms..1 h");
        if (MaxBackoff < BaseBackoff || MaxBackoff > TimeSpan.FromDays(1)) problems.Add("webhook max backoff must be within base backoff..1 day");
        if (!(JitterFraction is >= 0 and <= 1)) problems.Add("webhook jitter fraction must be within 0..1");
        if (AttemptTimeout < TimeSpan.FromMilliseconds(10) || AttemptTimeout > TimeSpan.FromMinutes(1)) problems.Add("webhook attempt timeout must be within 10 ms..1 min");
        if (MaxConcurrentDeliveries is < 1 or > 100) problems.Add("webhook concurrent deliveries must be within 1..100");
        if (MaxPendingDeliveries is < 1 or > 1_000_000) problems.Add("webhook pending deliveries must be within 1..1000000");
        if (MaxPayloadBytes is < 1024 or > 64 * 1024) problems.Add("webhook max payload must be within 1 KiB..64 KiB");
        // A fan-out writes one stream per subscription in one atomic append, which the journal caps at 100 streams.
        if (MaxSubscriptionsPerTenant is < 1 or > 100) problems.Add("webhook subscriptions per tenant must be within 1..100");
        return problems;
    }
}
