namespace Microchain.Runtime.Journal;

internal sealed class MarkDeliveredRequest(IReadOnlyList<long> ids) : WriteRequest<bool>
{
    public override async Task ExecuteAsync(WriteSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = session.CreateCommand(JournalSql.MarkDelivered);
        var id = command.AddParameter("@id", 0L);
        command.AddParameter("@at", session.Dialect.ToDbTime(now));
        foreach (var value in ids)
        {
            id.Value = value;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        Result = true;
    }
}
