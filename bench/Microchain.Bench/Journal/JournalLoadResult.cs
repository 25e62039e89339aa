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
    double MaxMs)
{
    public double AppendsPerSecond => Seconds > 0 ? Appends / Seconds : 0;

    public double EventsPerSecond => Seconds > 0 ? Events / Seconds : 0;
}
