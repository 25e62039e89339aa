namespace Microchain.Runtime.Journal;

public static class EventJournalExtensions
{
    /// <summary>Reads a whole stream from a version on, page by page (<see cref="JournalLimits.MaxReadCount"/> per page).</summary>
    public static async Task<IReadOnlyList<StoredEvent>> ReadAsync(
        this IEventJournal journal,
        string streamId,
        long fromVersion,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var all = new List<StoredEvent>();
        var next = fromVersion;
        while (true)
        {
            var page = await journal.ReadAsync(streamId, next, JournalLimits.MaxReadCount, cancellationToken)
                .ConfigureAwait(false);
            all.AddRange(page);
            if (page.Count < JournalLimits.MaxReadCount)
            {
                return all;
            }

            next = page[^1].Version + 1;
        }
    }
}
