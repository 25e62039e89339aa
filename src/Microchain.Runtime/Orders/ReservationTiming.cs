namespace Microchain.Runtime.Orders;

/// <summary>
/// How long a placement's reservations wait for their order to be recorded, and how often a node's sweep looks for
/// expired ones. Production keeps the defaults; kill tests shorten both so that the crash window closes in seconds.
/// </summary>
public sealed record ReservationTiming
{
    /// <summary>Expiry of the reservations of an attempt that has not been recorded yet.</summary>
    public TimeSpan Ttl { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Period of each node grain's sweep timer.</summary>
    public TimeSpan SweepPeriod { get; init; } = TimeSpan.FromSeconds(15);

    public static ReservationTiming Default { get; } = new();

    /// <summary>A TTL with a sweep period that fits it: a quarter of the TTL, at most the default 15 s, at least 250 ms.</summary>
    public static ReservationTiming WithTtl(TimeSpan ttl) => new()
    {
        Ttl = ttl,
        SweepPeriod = TimeSpan.FromTicks(Math.Clamp(ttl.Ticks / 4, TimeSpan.FromMilliseconds(250).Ticks, Default.SweepPeriod.Ticks)),
    };
}
