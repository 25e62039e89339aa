namespace Microchain.Runtime.Journal;

internal sealed class SnapshotRequest(string streamId, long version, string type, string data) : WriteRequest<bool>
{
    public override async Task ExecuteAsync(WriteSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var head = await session.ReadHeadAsync(streamId, cancellationToken).ConfigureAwait(false);
        if (version > head)
        {
            throw new ArgumentException(
                $"Stream '{streamId}' is at version {head}; a snapshot at version {version} cannot be ahead of it.");
        }

        await using var command = session.CreateCommand(JournalSql.UpsertSnapshot);
        command.AddParameter("@stream", streamId);
        command.AddParameter("@version", version);
        command.AddParameter("@type", type);
        command.AddParameter("@data", data);
        command.AddParameter("@at", session.Dialect.ToDbTime(now));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        Result = true;
    }
}
