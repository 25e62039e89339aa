namespace Microchain.Bench.Journal;

/// <summary>The headline figures of one store: the journal's run and its two raw peers.</summary>
public sealed record StoreFigures(
    string Store,
    long Appends,
    double AppendsPerSecond,
    double EventsPerSecond,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    long Conflicts,
    double CpuMicrosecondsPerAppend,
    double RawSingleRowsPerSecond,
    int RawBatchRows,
    double RawBatchedRowsPerSecond,
    double JournalVsRawBatched,
    double JournalVsRawSingle)
{
    public static StoreFigures From(string store, JournalLoadResult load, RawLoadResult oneRow, RawLoadResult batched)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(oneRow);
        ArgumentNullException.ThrowIfNull(batched);
        return new StoreFigures(
            store,
            load.Appends,
            Math.Round(load.AppendsPerSecond),
            Math.Round(load.EventsPerSecond),
            Math.Round(load.P50Ms, 2),
            Math.Round(load.P99Ms, 2),
            Math.Round(load.MaxMs, 2),
            load.Conflicts,
            Math.Round(load.CpuMicrosecondsPerAppend, 1),
            Math.Round(oneRow.RowsPerSecond),
            batched.RowsPerCommit,
            Math.Round(batched.RowsPerSecond),
            Ratio(load.AppendsPerSecond, batched.RowsPerSecond),
            Ratio(load.AppendsPerSecond, oneRow.RowsPerSecond));
    }

    private static double Ratio(double a, double b) => b > 0 ? Math.Round(a / b, 3) : 0;
}
