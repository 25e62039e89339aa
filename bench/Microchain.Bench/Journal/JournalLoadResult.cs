namespace Microchain.Bench.Journal;

/// <summary>What one timed window of appends achieved; latencies are of acknowledged appends (call to durable).</summary>
public sealed record JournalLoadResult(
    int Writers,
    double Seconds,
    long Appends,
    long Events,
    long OutboxMessages,
    long Conflicts,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    double ProcessCpuSeconds)
{
    /// <summary>This process's CPU time per acknowledged append (for SQLite, the whole store; for PostgreSQL, the client side).</summary>
    public double CpuMicrosecondsPerAppend => Appends > 0 ? ProcessCpuSeconds * 1e6 / Appends : 0;

    public double AppendsPerSecond => Seconds > 0 ? Appends / Seconds : 0;

    public double EventsPerSecond => Seconds > 0 ? Events / Seconds : 0;
}
