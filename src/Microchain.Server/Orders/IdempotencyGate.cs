using System.Collections.Concurrent;

namespace Microchain.Server.Orders;

/// <summary>
/// Keys whose first request is still being processed in this process: a second request with the same key is told
/// 409 rather than waiting. Across processes the order grain (one per key) and the journal's version check keep it to
/// one order whatever happens here.
/// </summary>
public sealed class IdempotencyGate
{
    /// <summary>Requests in flight at once; beyond this new orders are refused as busy (503).</summary>
    public const int MaxInFlight = 100_000;

    private readonly ConcurrentDictionary<(string Tenant, string Key), byte> _inFlight = new();

    /// <summary>Enters the key; false when it is already in flight (or too many are). Dispose the result to leave.</summary>
    public bool TryEnter(string tenant, string key, out Lease lease)
    {
        lease = default;
        if (_inFlight.Count >= MaxInFlight || !_inFlight.TryAdd((tenant, key), 0)) return false;
        lease = new Lease(this, (tenant, key));
        return true;
    }

    public int InFlight => _inFlight.Count;

    public readonly struct Lease(IdempotencyGate gate, (string, string) key) : IDisposable
    {
        public void Dispose() => gate?._inFlight.TryRemove(key, out _);
    }
}
