using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microchain.Simulation.DemoCity;

namespace Microchain.Bench.Pipeline;

/// <summary>What one load phase measured. Latencies are of acknowledged orders (201, or 409 recorded as rejected).</summary>
public sealed record OrderLoadResult(double Seconds, long Acknowledged, long Allocated, long Refused, long Errors, double P50Ms, double P99Ms, double MaxMs)
{
    /// <summary>Refusals by status and problem type, e.g. "422 order-invalid".</summary>
    public IReadOnlyDictionary<string, long> RefusedBy { get; init; } = new Dictionary<string, long>();

    public double OrdersPerSecond => Seconds > 0 ? Acknowledged / Seconds : 0;

    /// <summary>This process's CPU time in the window (server and load generator: they share the process).</summary>
    public double ProcessCpuSeconds { get; init; }

    /// <summary>CPU per acknowledged order: robust on a shared machine, where orders/s also measures the neighbours.</summary>
    public double CpuMillisecondsPerOrder => Acknowledged > 0 ? ProcessCpuSeconds * 1e3 / Acknowledged : 0;

    /// <summary>What the process's garbage collector did in the window (server and load generator).</summary>
    public GcFigures Gc { get; init; }

    /// <summary>Bytes allocated per acknowledged order, in KiB.</summary>
    public double AllocatedKibPerOrder => Acknowledged > 0 ? Gc.AllocatedBytes / 1024.0 / Acknowledged : 0;
}

/// <summary>Garbage-collector work over a window: bytes allocated, collections per generation, time paused.</summary>
public readonly record struct GcFigures(long AllocatedBytes, int Gen0, int Gen1, int Gen2, double PausedMs)
{
    public static GcFigures Now() =>
        new(GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalMilliseconds);

    public GcFigures Since(GcFigures start) =>
        new(AllocatedBytes - start.AllocatedBytes, Gen0 - start.Gen0, Gen1 - start.Gen1, Gen2 - start.Gen2, PausedMs - start.PausedMs);
}

/// <summary>
/// Orders over real HTTP/1.1 on loopback, from a lean client (see <see cref="LoopbackHttpConnection"/>): closed loop (each client sends its next order when the last is answered) for the
/// highest rate, or open loop at a fixed rate for latency (measured from the scheduled send time, so a stall is
/// not hidden by sending less).
/// </summary>
public sealed class OrderLoad(Uri baseAddress, string apiKey, DemoCity city, int seed) : IDisposable
{
    /// <summary>Bodies are drawn before the timed window so that drawing them is not measured.</summary>
    public const int MaxPreparedOrders = 2_000_000;

    /// <summary>Connections open at once (closed-loop clients, or open-loop requests in flight).</summary>
    public const int MaxConnections = 4_096;

    private readonly IPEndPoint _endPoint = new(IPAddress.Parse(baseAddress.Host), baseAddress.Port);
    private readonly System.Collections.Concurrent.ConcurrentBag<LoopbackHttpConnection> _idle = [];
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private int _open;
    private byte[][] _bodies = [];
    private long _next = -1;

    /// <summary>Draws <paramref name="count"/> demo orders (no window: the rules then never refuse them for the clock).</summary>
    public void Prepare(int count)
    {
        var generator = new DemoOrderGenerator(city, seed, orderIdPrefix: null);
        var now = DateTimeOffset.UtcNow;
        _bodies = new byte[Math.Min(count, MaxPreparedOrders)][];
        for (var i = 0; i < _bodies.Length; i++)
        {
            var o = generator.Next(now);
            _bodies[i] = JsonSerializer.SerializeToUtf8Bytes(new
            {
                customerId = o.CustomerId,
                lines = o.Lines.Select(l => new { skuId = l.SkuId, quantity = l.Quantity }),
                deliverTo = o.LockerId is null ? new { lat = o.DeliverTo.Lat, lon = o.DeliverTo.Lon } : null,
                lockerId = o.LockerId,
            });
        }
    }

    public async Task<OrderLoadResult> ClosedLoopAsync(int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var gc = GcFigures.Now();
        var tallies = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            var tally = new Tally();
            while (Stopwatch.GetTimestamp() < end) await SendAsync(Stopwatch.GetTimestamp(), tally, cancellationToken);
            return tally;
        }, cancellationToken)));
        return Tally.Merge(tallies, duration.TotalSeconds) with
        {
            ProcessCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,
            Gc = GcFigures.Now().Since(gc),
        };
    }

    public async Task<OrderLoadResult> OpenLoopAsync(double ordersPerSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var gc = GcFigures.Now();
        var total = (long)(ordersPerSecond * duration.TotalSeconds);
        var tally = new Tally();
        var inFlight = new List<Task>();
        for (long i = 0; i < total; i++)
        {
            var due = start + (long)(i / ordersPerSecond * Stopwatch.Frequency);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > Stopwatch.Frequency / 1000) await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), cancellationToken);
            inFlight.Add(SendAsync(due, tally, cancellationToken));
            if (inFlight.Count > 4_096) inFlight.RemoveAll(t => t.IsCompleted);
        }
        await Task.WhenAll(inFlight);
        return Tally.Merge([tally], duration.TotalSeconds) with { Gc = GcFigures.Now().Since(gc) };
    }

    private async Task SendAsync(long scheduled, Tally tally, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _next);
        var request = LoopbackHttpConnection.Post($"{baseAddress.Host}:{baseAddress.Port}", "/v1/orders",
            [("X-Api-Key", apiKey), ("Idempotency-Key", $"bench-{_run}-{n}")], _bodies[n % _bodies.Length]);
        LoopbackHttpConnection? connection = null;
        try
        {
            connection = await RentAsync(cancellationToken);
            var (code, body) = await connection.SendAsync(request, skipBodyOf: (int)HttpStatusCode.Created, cancellationToken);
            var ticks = Stopwatch.GetTimestamp() - scheduled;
            Return(connection);
            connection = null;
            if (code == (int)HttpStatusCode.Created)
            {
                tally.Add(true, false, ticks, error: false);
                return;
            }
            var text = Encoding.UTF8.GetString(body ?? []);
            var outOfStock = code == (int)HttpStatusCode.Conflict && text.Contains("out-of-stock", StringComparison.Ordinal);
            tally.Add(false, outOfStock, ticks, code >= 500, outOfStock ? null : $"{code} {ProblemType(text)}");
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or IOException)
        {
            tally.Add(false, false, 0, error: true);
        }
        finally
        {
            if (connection is not null) Discard(connection);
        }
    }

    private async Task<LoopbackHttpConnection> RentAsync(CancellationToken cancellationToken)
    {
        if (_idle.TryTake(out var idle)) return idle;
        if (Interlocked.Increment(ref _open) > MaxConnections)
        {
            Interlocked.Decrement(ref _open);
            throw new HttpRequestException($"more than {MaxConnections} connections would be open");
        }
        try
        {
            return await LoopbackHttpConnection.OpenAsync(_endPoint, cancellationToken);
        }
        catch
        {
            Interlocked.Decrement(ref _open);
            throw;
        }
    }

    private void Return(LoopbackHttpConnection connection)
    {
        if (connection.Closed) Discard(connection);
        else _idle.Add(connection);
    }

    private void Discard(LoopbackHttpConnection connection)
    {
        connection.Dispose();
        Interlocked.Decrement(ref _open);
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var connection)) connection.Dispose();
    }

    /// <summary>The problem type's last segment and the first violation code, if the body says them.</summary>
    private static string ProblemType(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var type = doc.RootElement.TryGetProperty("type", out var t) ? t.GetString()?.Split(':')[^1] : null;
            var first = doc.RootElement.TryGetProperty("violations", out var v) && v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0
                && v[0].TryGetProperty("code", out var c) ? " " + c.GetString() : "";
            return (type ?? "?") + first;
        }
        catch (JsonException)
        {
            return "(not problem+json)";
        }
    }

    private sealed class Tally
    {
        private readonly Lock _lock = new();
        private readonly List<long> _latencyTicks = [];
        private readonly Dictionary<string, long> _refusedBy = new(StringComparer.Ordinal);
        private long _allocated, _rejected, _refused, _errors;

        public void Add(bool allocated, bool outOfStock, long ticks, bool error, string? refusal = null)
        {
            lock (_lock)
            {
                if (error) _errors++;
                else if (allocated || outOfStock)
                {
                    if (allocated) _allocated++; else _rejected++;
                    _latencyTicks.Add(ticks);
                }
                else
                {
                    _refused++;
                    if (refusal is not null) _refusedBy[refusal] = _refusedBy.GetValueOrDefault(refusal) + 1;
                }
            }
        }

        public static OrderLoadResult Merge(IReadOnlyList<Tally> tallies, double seconds)
        {
            var latencies = tallies.SelectMany(t => t._latencyTicks).Order().ToArray();
            double Ms(double q) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)(q * latencies.Length))] * 1000.0 / Stopwatch.Frequency;
            var allocated = tallies.Sum(t => t._allocated);
            return new OrderLoadResult(seconds, allocated + tallies.Sum(t => t._rejected), allocated, tallies.Sum(t => t._refused), tallies.Sum(t => t._errors),
                Ms(0.50), Ms(0.99), latencies.Length == 0 ? 0 : latencies[^1] * 1000.0 / Stopwatch.Frequency)
            {
                RefusedBy = tallies.SelectMany(t => t._refusedBy).GroupBy(p => p.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal),
            };
        }
    }
}
