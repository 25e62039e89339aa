namespace Microchain.Runtime.Journal;

internal static class AppendValidation
{
    /// <summary>Checks an append call against <see cref="JournalLimits"/>; returns its data size in UTF-8 bytes.</summary>
    public static int Check(IReadOnlyList<StreamAppend> appends, IReadOnlyList<OutboxMessage> outbox)
    {
        ArgumentNullException.ThrowIfNull(appends);
        ArgumentNullException.ThrowIfNull(outbox);
        JournalValidation.Count(appends.Count, JournalLimits.MaxStreamsPerAppend, nameof(appends));
        if (outbox.Count > JournalLimits.MaxOutboxMessagesPerAppend)
        {
            throw new ArgumentOutOfRangeException(
                nameof(outbox), outbox.Count, $"At most {JournalLimits.MaxOutboxMessagesPerAppend} outbox messages per append.");
        }

        var streams = new HashSet<string>(StringComparer.Ordinal);
        long bytes = 0;
        var events = 0;
        foreach (var append in appends)
        {
            ArgumentNullException.ThrowIfNull(append, nameof(appends));
            JournalValidation.StreamId(append.StreamId, nameof(appends));
            JournalValidation.ExpectedVersion(append.ExpectedVersion, nameof(appends));
            if (!streams.Add(append.StreamId))
            {
                throw new ArgumentException($"Stream '{append.StreamId}' appears twice in one append.", nameof(appends));
            }

            ArgumentNullException.ThrowIfNull(append.Events, nameof(appends));
            if (append.Events.Count == 0)
            {
                throw new ArgumentException("An append needs at least one event.", nameof(appends));
            }

            events += append.Events.Count;
            if (events > JournalLimits.MaxEventsPerAppend)
            {
                throw new ArgumentException($"At most {JournalLimits.MaxEventsPerAppend} events per append.", nameof(appends));
            }

            foreach (var e in append.Events)
            {
                ArgumentNullException.ThrowIfNull(e, nameof(appends));
                JournalValidation.Name(e.Type, nameof(appends));
                bytes += JournalValidation.Data(e.Data, JournalLimits.MaxEventDataBytes, nameof(appends));
            }
        }

        foreach (var message in outbox)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(outbox));
            JournalValidation.Name(message.Topic, nameof(outbox));
            bytes += JournalValidation.Data(message.Data, JournalLimits.MaxEventDataBytes, nameof(outbox));
        }

        if (bytes > JournalLimits.MaxAppendBytes)
        {
            throw new ArgumentException($"An append carries {bytes} bytes of data, above the limit of {JournalLimits.MaxAppendBytes}.");
        }

        return (int)bytes;
    }
}
