using System.Data.Common;

namespace Microchain.Runtime.Journal;

/// <summary>The writer's connection and its reusable (statement-cached) commands for the hot path.</summary>
internal sealed class WriteSession : IAsyncDisposable
{
    private readonly DbCommand selectHead;
    private readonly DbCommand insertEvent;
    private readonly DbCommand insertOutbox;
    private readonly GroupStatements? group;
    private bool lockPending;

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
        group = dialect.CreateGroupStatements(connection);
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
        SetTransaction(transaction);
        lockPending = false;
        return transaction;
    }

    /// <summary>
    /// Begins a transaction whose first call must be <see cref="ReadHeadsAsync"/>: with set-based statements,
    /// that call also takes the writer exclusion; any other statement before it is refused.
    /// </summary>
    public async Task<DbTransaction> BeginForGroupAsync(CancellationToken cancellationToken)
    {
        if (group is null)
        {
            return await BeginAsync(cancellationToken).ConfigureAwait(false);
        }

        var transaction = await Dialect.BeginWriteLockedByFirstStatementAsync(Connection, cancellationToken).ConfigureAwait(false);
        SetTransaction(transaction);
        lockPending = true;
        return transaction;
    }

    private void SetTransaction(DbTransaction transaction)
    {
        Transaction = transaction;
        selectHead.Transaction = transaction;
        insertEvent.Transaction = transaction;
        insertOutbox.Transaction = transaction;
    }

    private void ThrowIfLockPending()
    {
        if (lockPending)
        {
            throw new InvalidOperationException("The writer exclusion is not taken yet: read the group's heads first.");
        }
    }

    /// <summary>The stream's current version inside the write transaction; 0 if it has no events.</summary>
    public async Task<long> ReadHeadAsync(string streamId, CancellationToken cancellationToken)
    {
        ThrowIfLockPending();
        selectHead.Parameters[0].Value = streamId;
        var value = await selectHead.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Reads the heads of <paramref name="streamIds"/> into <paramref name="heads"/> inside the write transaction.</summary>
    public async Task ReadHeadsAsync(IReadOnlyList<string> streamIds, Dictionary<string, long> heads, CancellationToken cancellationToken)
    {
        if (group is not null)
        {
            await group.ReadHeadsAsync(streamIds, heads, Transaction!, lockPending, cancellationToken).ConfigureAwait(false);
            lockPending = false;
            return;
        }

        foreach (var streamId in streamIds)
        {
            heads[streamId] = await ReadHeadAsync(streamId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Inserts the rows of a group inside the write transaction, events first, each in row order.</summary>
    public async Task InsertRowsAsync(AppendRows rows, object at, CancellationToken cancellationToken)
    {
        ThrowIfLockPending();
        if (group is not null)
        {
            await group.InsertAsync(rows, at, Transaction!, cancellationToken).ConfigureAwait(false);
            return;
        }

        for (var i = 0; i < rows.EventCount; i++)
        {
            await InsertEventAsync(rows.StreamIds[i], rows.Versions[i], rows.Types[i], rows.Data[i], at, cancellationToken)
                .ConfigureAwait(false);
        }

        for (var i = 0; i < rows.OutboxTopics.Count; i++)
        {
            await InsertOutboxAsync(rows.OutboxTopics[i], rows.OutboxData[i], at, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task InsertEventAsync(string streamId, long version, string type, string data, object at, CancellationToken cancellationToken)
    {
        ThrowIfLockPending();
        var p = insertEvent.Parameters;
        p[0].Value = streamId;
        p[1].Value = version;
        p[2].Value = type;
        p[3].Value = data;
        p[4].Value = at;
        return insertEvent.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task InsertOutboxAsync(string topic, string data, object at, CancellationToken cancellationToken)
    {
        ThrowIfLockPending();
        var p = insertOutbox.Parameters;
        p[0].Value = topic;
        p[1].Value = data;
        p[2].Value = at;
        return insertOutbox.ExecuteNonQueryAsync(cancellationToken);
    }

    public DbCommand CreateCommand(string sql)
    {
        ThrowIfLockPending();
        return Connection.CreateCommand(sql, Transaction);
    }

    public async ValueTask DisposeAsync()
    {
        await selectHead.DisposeAsync().ConfigureAwait(false);
        await insertEvent.DisposeAsync().ConfigureAwait(false);
        await insertOutbox.DisposeAsync().ConfigureAwait(false);
        if (group is not null)
        {
            await group.DisposeAsync().ConfigureAwait(false);
        }

        await Connection.DisposeAsync().ConfigureAwait(false);
    }
}
