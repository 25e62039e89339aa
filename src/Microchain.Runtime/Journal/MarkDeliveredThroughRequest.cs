namespace Microchain.Runtime.Journal;

/// <summary>
/// Marks every outbox message up to an id delivered by moving the outbox cursor: one row written, however many
/// messages (the cursor never moves back).
/// </summary>
internal sealed class MarkDeliveredThroughRequest(long lastId) : WriteRequest<bool>
{
    public override async Task ExecuteAsync(WriteSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = session.CreateCommand(JournalSql.MarkDeliveredThrough);
        command.AddParameter("@through", lastId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        Result = true;
    }
}
