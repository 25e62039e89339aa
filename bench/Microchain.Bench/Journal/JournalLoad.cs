using System.Diagnostics;
using System.Globalization;
using Microchain.Runtime.Journal;

namespace Microchain.Bench.Journal;

/// <summary>
/// The journal's acknowledged append rate under concurrent writers, shaped like the order pipeline: each writer
/// runs orders one after another, each order a new stream with two appends of one ~300-byte event, the first
/// carrying one outbox message. Each writer has one append in flight, so the journal sees up to
/// <c>writers</c> concurrent appends to group. Reusable by other benchmarks as the store's durable floor.
/// </summary>
public static class JournalLoad
{
    public const int MaxWriters = 4_096;

    /// <summary>About the size of an order event: ids, a few lines, money in minor units.</summary>
    private const string Payload =
        "{\"customer\":\"C-004211\",\"node\":\"MFC-03\",\"lines\":[{\"sku\":\"SKU-10293\",\"qty\":2,\"priceCents\":1299}," +
        "{\"sku\":\"SKU-20411\",\"qty\":1,\"priceCents\":349},{\"sku\":\"SKU-00817\",\"qty\":6,\"priceCents\":89}]," +
        "\"promisedBy\":\"2026-01-05T11:30:00Z\",\"channel\":\"app\",\"totalCents\":3481,\"currency\":\"EUR\",\"pad\":\"";

    /// <summary>
    /// Runs <paramref name="writers"/> writers for a short warm-up (a fifth of the window, at most 1 s, not
    /// counted) and then for <paramref name="duration"/>; counts the appends acknowledged inside the window.
    /// </summary>
    public static async Task<JournalLoadResult> RunAsync(
        IEventJournal journal,
        int writers,
        TimeSpan duration,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(writers, MaxWriters);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);

        var run = Guid.NewGuid().ToString("N")[..8];
        var warmUp = TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerSecond, duration.Ticks / 5));
        var start = Stopwatch.GetTimestamp();
        var windowStart = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var cpu = new CpuWindow(windowStart, windowEnd);
        var tasks = new Task<WriterTally>[writers];
        for (var w = 0; w < writers; w++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"order-{run}-{w}-");
            tasks[w] = Task.Run(() => WriteAsync(journal, prefix, windowStart, windowEnd, cancellationToken), cancellationToken);
        }

        var tallies = await Task.WhenAll(tasks).ConfigureAwait(false);
        var cpuSeconds = await cpu.Task.ConfigureAwait(false);
        var latencies = tallies.SelectMany(t => t.LatencyTicks).ToArray();
        Array.Sort(latencies);
        return new JournalLoadResult(
            writers,
            duration.TotalSeconds,
            tallies.Sum(t => t.Appends),
            tallies.Sum(t => t.Events),
            tallies.Sum(t => t.Outbox),
            tallies.Sum(t => t.Conflicts),
            Milliseconds(Percentile(latencies, 0.50)),
            Milliseconds(Percentile(latencies, 0.99)),
            Milliseconds(latencies.Length == 0 ? 0 : latencies[^1]),
            cpuSeconds);
    }

    private static async Task<WriterTally> WriteAsync(
        IEventJournal journal,
        string prefix,
        long windowStart,
        long windowEnd,
        CancellationToken cancellationToken)
    {
        var tally = new WriterTally();
        var order = 0;
        while (Stopwatch.GetTimestamp() < windowEnd)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stream = prefix + order.ToString(CultureInfo.InvariantCulture);
            var data = Payload + stream + "\"}";
            OutboxMessage[] placed = [new OutboxMessage("orders.placed", data)];
            await AppendAsync(journal, stream, 0, new EventData("OrderPlaced", data), placed, tally, windowStart, windowEnd, cancellationToken)
                .ConfigureAwait(false);
            await AppendAsync(journal, stream, 1, new EventData("OrderAllocated", data), [], tally, windowStart, windowEnd, cancellationToken)
                .ConfigureAwait(false);
            order++;
        }

        return tally;
    }

    private static async Task AppendAsync(
        IEventJournal journal,
        string stream,
        long expectedVersion,
        EventData e,
        OutboxMessage[] outbox,
        WriterTally tally,
        long windowStart,
        long windowEnd,
        CancellationToken cancellationToken)
    {
        var began = Stopwatch.GetTimestamp();
        try
        {
            await journal.AppendAsync(stream, expectedVersion, [e], outbox, cancellationToken).ConfigureAwait(false);
        }
        catch (JournalConcurrencyException)
        {
            // Cannot happen with one writer per stream; counted so that a broken journal shows in the report.
            tally.Conflicts++;
            return;
        }

        var acknowledged = Stopwatch.GetTimestamp();
        if (began >= windowStart && acknowledged <= windowEnd)
        {
            tally.Appends++;
            tally.Events++;
            tally.Outbox += outbox.Length;
            tally.LatencyTicks.Add(acknowledged - began);
        }
    }

    private static long Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    /// <summary>The process's CPU time between two timestamps (read by a timer-driven task, not by a writer).</summary>
    private sealed class CpuWindow(long start, long end)
    {
        public Task<double> Task { get; } = MeasureAsync(start, end);

        private static async Task<double> MeasureAsync(long start, long end)
        {
            await System.Threading.Tasks.Task.Delay(Until(start)).ConfigureAwait(false);
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            await System.Threading.Tasks.Task.Delay(Until(end)).ConfigureAwait(false);
            return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
        }

        private static TimeSpan Until(long timestamp)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    private sealed class WriterTally
    {
        public long Appends { get; set; }

        public long Events { get; set; }

        public long Outbox { get; set; }

        public long Conflicts { get; set; }

        public List<long> LatencyTicks { get; } = [];
    }
}
