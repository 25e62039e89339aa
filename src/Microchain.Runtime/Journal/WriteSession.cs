using System.Data.Common;

namespace Microchain.Runtime.Journal;

/// <summary>The writer's connection and its reusable (statement-cached) commands for the hot path.</summary>
internal sealed class WriteSession : IAsyncDisposable
{
    private readonly DbCommand selectHead;
    private readonly DbCommand insertEvent;
    private readonly DbCommand insertOutbox;

    private WriteSession(SqlJournalDialect dialect, DbConnection connection)
    {
        Dialect = dialect;
        Connection = connection;
        selectHead = connection.CreateCommand(JournalSql.SelectHead, null);
        selectHead.AddParameter("@stream", string.Empty);
        insertEvent = connection.CreateCommand(JournalSql.InsertEvent, null);
        insertEvent.AddParameter("@stream", string.Empty);
        insertEvent.AddParameter("@version", 0L);
        insertEvent.AddParameter("@type", string.Empty);
        insertEvent.AddParameter("@data", string.Empty);
        insertEvent.AddParameter("@at", dialect.ToDbTime(DateTimeOffset.UnixEpoch));
        insertOutbox = connection.CreateCommand(JournalSql.InsertOutbox, null);
        insertOutbox.AddParameter("@topic", string.Empty);
        insertOutbox.AddParameter("@data", string.Empty);
        insertOutbox.AddParameter("@at", dialect.ToDbTime(DateTimeOffset.UnixEpoch));
    }

    public SqlJournalDialect Dialect { get; }

    public DbConnection Connection { get; }

    public DbTransaction? Transaction { get; private set; }

    public static async Task<WriteSession> OpenAsync(SqlJournalDialect dialect, CancellationToken cancellationToken)
    {
        var connection = await dialect.OpenWriteConnectionAsync(cancellationToken).ConfigureAwait(false);
        return new WriteSession(dialect, connection);
    }

    public async Task<DbTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var transaction = await Dialect.BeginWriteAsync(Connection, cancellationToken).ConfigureAwait(false);
        Transaction = transaction;
        selectHead.Transaction = transaction;
        insertEvent.Transaction = transaction;
        insertOutbox.Transaction = transaction;
        return transaction;
    }

    /// <summary>The stream's current version inside the write transaction; 0 if it has no events.</summary>
    public async Task<long> ReadHeadAsync(string streamId, CancellationToken cancellationToken)
    {
        selectHead.Parameters[0].Value = streamId;
        var value = await selectHead.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task InsertEventAsync(string streamId, long version, EventData data, object at, CancellationToken cancellationToken)
    {
        var p = insertEvent.Parameters;
        p[0].Value = streamId;
        p[1].Value = version;
        p[2].Value = data.Type;
        p[3].Value = data.Data;
        p[4].Value = at;
        return insertEvent.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task InsertOutboxAsync(OutboxMessage message, object at, CancellationToken cancellationToken)
    {
        var p = insertOutbox.Parameters;
        p[0].Value = message.Topic;
        p[1].Value = message.Data;
        p[2].Value = at;
        return insertOutbox.ExecuteNonQueryAsync(cancellationToken);
    }

    public DbCommand CreateCommand(string sql) => Connection.CreateCommand(sql, Transaction);

    public async ValueTask DisposeAsync()
    {
        await selectHead.DisposeAsync().ConfigureAwait(false);
        await insertEvent.DisposeAsync().ConfigureAwait(false);
        await insertOutbox.DisposeAsync().ConfigureAwait(false);
        await Connection.DisposeAsync().ConfigureAwait(false);
    }
}
