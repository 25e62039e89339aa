namespace Microchain.Runtime.Journal;

internal sealed class MarkDeliveredRequest(IReadOnlyList<long> ids) : WriteRequest<bool>
{
    public override async Task ExecuteAsync(WriteSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One statement for the whole batch: a fan-out of 100 messages is one write, not 100.
        await using var command = session.CreateCommand(session.Dialect.MarkDeliveredSql);
        command.AddParameter("@ids", session.Dialect.OutboxIds(ids));
        command.AddParameter("@at", session.Dialect.ToDbTime(now));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        Result = true;
    }
}
