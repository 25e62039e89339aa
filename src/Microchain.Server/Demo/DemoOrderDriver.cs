using Microchain.Domain.Orders;
using Microchain.Server.Orders;
using Microchain.Simulation.DemoCity;

namespace Microchain.Server.Demo;

/// <summary>What a driver has placed so far. Refused means the desk did not record an order (invalid, key clash, ...).</summary>
public readonly record struct DriverTally(long Placed, long Allocated, long Rejected, long Refused)
{
    /// <summary>Allocated over placed, 0..1 (0 before the first order).</summary>
    public double FillRate => Placed == 0 ? 0 : (double)Allocated / Placed;
}

/// <summary>
/// Places demo orders through the same <see cref="OrderDesk"/> as <c>POST /v1/orders</c>, drawn by a seeded
/// <see cref="DemoOrderGenerator"/>, with keys <c>prefix + counter</c> (deterministic for a seed and a run). Orders are
/// drawn on one thread (the generator is not thread-safe) and placed at most <see cref="MaxInFlight"/> at a time.
/// </summary>
/// <param name="maxWindowMinutes">The tenant's longest window (<c>OrderRules.MaxWindowMinutes</c>): longer drawn windows are cut to it.</param>
public sealed class DemoOrderDriver(OrderDesk desk, string tenant, DemoOrderGenerator generator, string keyPrefix, int maxWindowMinutes, TimeProvider time) : IDisposable
{
    /// <summary>Orders being placed at once; at a busy evening's pace (5/s) a handful is plenty.</summary>
    public const int MaxInFlight = 8;
    /// <summary>How far the pace may fall behind before the driver stops catching up (no burst after a stall).</summary>
    private static readonly TimeSpan MaxLag = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _slots = new(MaxInFlight, MaxInFlight);
    private long _counter, _placed, _allocated, _rejected, _refused;
    private volatile string? _lastRefusal;

    /// <summary>Why the latest refused order was refused (problem code and detail), for the live line.</summary>
    public string? LastRefusal => _lastRefusal;

    public DriverTally Tally => new(Interlocked.Read(ref _placed), Interlocked.Read(ref _allocated), Interlocked.Read(ref _rejected), Interlocked.Read(ref _refused));

    public void Dispose() => _slots.Dispose();

    /// <summary>The key prefix of one run: unique per run, the same for the same seed and run number.</summary>
    public static string KeyPrefix(int seed, long run) => $"demo-s{seed}-r{run}-";

    /// <summary>Places exactly <paramref name="count"/> orders as fast as the in-flight bound allows, then waits for them.</summary>
    public async Task PlaceAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var pending = new List<Task>(count);
        for (var i = 0; i < count; i++) pending.Add(await StartNextAsync(cancellationToken));
        await Task.WhenAll(pending);
    }

    /// <summary>Places orders at <paramref name="ordersPerMinute"/> until cancelled; then waits for the ones in flight.</summary>
    public async Task RunAsync(double ordersPerMinute, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ordersPerMinute);
        var interval = TimeSpan.FromMinutes(1) / ordersPerMinute;
        var pending = new List<Task>();
        var due = time.GetUtcNow();
        try
        {
            while (true)
            {
                var wait = due - time.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
                else if (-wait > MaxLag) due = time.GetUtcNow();
                pending.Add(await StartNextAsync(cancellationToken));
                if (pending.Count > 4 * MaxInFlight) pending.RemoveAll(t => t.IsCompleted);
                due += interval;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Task.WhenAll(pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<Task> StartNextAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        var now = time.GetUtcNow();
        var order = generator.Next(now);
        var key = keyPrefix + (++_counter).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        return PlaceOneAsync(key, Request(order, now, maxWindowMinutes), cancellationToken);
    }

    private async Task PlaceOneAsync(string key, OrderRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await desk.PlaceAsync(tenant, key, request, cancellationToken);
            Interlocked.Increment(ref _placed);
            switch (answer.Order?.Status)
            {
                case OrderStatus.Allocated: Interlocked.Increment(ref _allocated); break;
                case OrderStatus.Rejected: Interlocked.Increment(ref _rejected); break;
                default:
                    Interlocked.Increment(ref _refused);
                    var outcome = DeskOutcome.Of(answer);
                    _lastRefusal = $"{outcome.Code}: {outcome.Detail}";
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // A demo order that fails counts as refused; the evening goes on.
            Interlocked.Increment(ref _placed);
            Interlocked.Increment(ref _refused);
            _lastRefusal = "internal: " + ex.Message;
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>
    /// An "as soon as possible" order (its window opens at the moment it was drawn) is sent without a window, so the
    /// desk promises from the moment it places it rather than refusing a window that opened milliseconds ago. A pickup
    /// window longer than the tenant allows is cut to the allowed length (the customer comes within it).
    /// </summary>
    public static OrderRequest Request(DemoOrder order, DateTimeOffset drawnAt, int maxWindowMinutes) => new(
        order.CustomerId,
        order.Lines.Select(l => new OrderLineRequest(l.SkuId, l.Quantity)).ToArray(),
        order.LockerId is null ? order.DeliverTo : null,
        order.LockerId,
        order.Window.Start <= drawnAt ? null
            : new WindowRequest(order.Window.Start, Min(order.Window.End, order.Window.Start.AddMinutes(maxWindowMinutes))));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
