using System.Data;
using System.Data.Common;
using Npgsql;

namespace Microchain.Runtime.Journal;

/// <summary>
/// The production journal on PostgreSQL. Tables live in the first schema of the connection's search path.
/// Write transactions of all processes on one database are serialized by an advisory lock, which keeps global
/// positions in commit order; the unique (stream_id, version) key still guards every insert.
/// </summary>
public sealed class PostgresEventJournal : SqlEventJournal
{
    /// <summary>Connections one journal holds at most (a smaller Maximum Pool Size in the connection string wins).</summary>
    public const int MaxConnections = 20;

    private PostgresEventJournal(SqlJournalDialect dialect, TimeProvider timeProvider)
        : base(dialect, timeProvider)
    {
    }

    public static async Task<PostgresEventJournal> OpenAsync(
        string connectionString,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // Npgsql's default pool (100) exceeds what a PostgreSQL server admits from one client: under a burst of
        // grain activations every read opened its own connection and the server refused the rest ("too many
        // clients", a 500 to the caller). Capped, a burst waits for a pooled connection instead.
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        settings.MaxPoolSize = Math.Min(settings.MaxPoolSize, MaxConnections);
        settings.MinPoolSize = Math.Min(settings.MinPoolSize, settings.MaxPoolSize);
        // The journal uses built-in types only: skipping the type catalog load saves catalog queries on open.
        var dataSource = new NpgsqlDataSourceBuilder(settings.ConnectionString)
            .ConfigureTypeLoading(types => types.EnableTypeLoading(false))
            .Build();
        var journal = new PostgresEventJournal(new PostgresDialect(dataSource), timeProvider);
        try
        {
            await journal.StartAsync(cancellationToken).ConfigureAwait(false);
            return journal;
        }
        catch
        {
            await journal.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private sealed class PostgresDialect(NpgsqlDataSource dataSource) : SqlJournalDialect
    {
        // Arbitrary but fixed: every Microchain journal writer on a database takes this lock.
        private const long WriterLockKey = 0x4D6963726F4A6E6C; // "MicroJnl"

        public override IReadOnlyList<string> SchemaStatements { get; } =
        [
            "CREATE TABLE IF NOT EXISTS journal_schema_version (version integer NOT NULL)",
            """
            CREATE TABLE IF NOT EXISTS journal_events (
                position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                stream_id text NOT NULL,
                version bigint NOT NULL CHECK (version >= 1),
                type text NOT NULL,
                data text NOT NULL,
                recorded_at timestamptz NOT NULL,
                CONSTRAINT journal_events_stream_version UNIQUE (stream_id, version))
            """,
            """
            CREATE TABLE IF NOT EXISTS journal_snapshots (
                stream_id text PRIMARY KEY,
                version bigint NOT NULL,
                type text NOT NULL,
                data text NOT NULL,
                recorded_at timestamptz NOT NULL)
            """,
            """
            CREATE TABLE IF NOT EXISTS journal_outbox (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                topic text NOT NULL,
                data text NOT NULL,
                recorded_at timestamptz NOT NULL,
                delivered_at timestamptz NULL)
            """,
            "CREATE INDEX IF NOT EXISTS journal_outbox_pending ON journal_outbox (id) WHERE delivered_at IS NULL",
            "CREATE TABLE IF NOT EXISTS journal_outbox_cursor (id int PRIMARY KEY CHECK (id = 1), delivered_through bigint NOT NULL)",
            "INSERT INTO journal_outbox_cursor (id, delivered_through) VALUES (1, 0) ON CONFLICT (id) DO NOTHING",
        ];

        public override async Task<DbConnection> OpenWriteConnectionAsync(CancellationToken cancellationToken)
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // An acknowledged append must be flushed, whatever the server default says.
                await using var command = connection.CreateCommand("SET synchronous_commit = on", null);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        public override async Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken) =>
            await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken)
                .ConfigureAwait(false);
            try
            {
                // Held to commit and released after the commit is visible: positions become visible in order,
                // so a projection that resumes after position p never skips a smaller one committed later.
                await using var command = connection.CreateCommand("SELECT pg_advisory_xact_lock(@key)", transaction);
                command.AddParameter("@key", WriterLockKey);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return transaction;
            }
            catch
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        public override GroupStatements CreateGroupStatements(DbConnection connection) =>
            new PostgresGroupStatements((NpgsqlConnection)connection, WriterLockKey);

        // The lock is taken by the group's heads read, in the same round trip (see PostgresGroupStatements).
        public override async Task<DbTransaction> BeginWriteLockedByFirstStatementAsync(
            DbConnection connection,
            CancellationToken cancellationToken) =>
            await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

        public override string MarkDeliveredSql =>
            "UPDATE journal_outbox SET delivered_at = @at WHERE id = ANY(@ids) AND delivered_at IS NULL";

        public override object OutboxIds(IReadOnlyList<long> ids) => ids.ToArray();

        public override bool IsUniqueViolation(Exception exception) =>
            exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

        public override object ToDbTime(DateTimeOffset time) => time;

        public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
            reader.GetFieldValue<DateTimeOffset>(ordinal);

        public override ValueTask DisposeAsync() => dataSource.DisposeAsync();
    }
}
