using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Microchain.Runtime.Journal;

/// <summary>
/// The embedded journal: one SQLite file in WAL mode with synchronous=FULL, so a commit is on disk
/// (WAL fsynced) before an append is acknowledged.
/// </summary>
public sealed class SqliteEventJournal : SqlEventJournal
{
    /// <summary>
    /// Idle read connections kept open with their compiled statements. Concurrent reads beyond this open more
    /// connections, closed after their read.
    /// </summary>
    public const int MaxIdleReadSessions = 8;

    private SqliteEventJournal(SqlJournalDialect dialect, TimeProvider timeProvider)
        : base(dialect, timeProvider)
    {
    }

    /// <summary>Opens (creating if needed) the journal in the database file at <paramref name="databasePath"/>.</summary>
    public static async Task<SqliteEventJournal> OpenAsync(
        string databasePath,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var journal = new SqliteEventJournal(new SqliteDialect(databasePath), timeProvider);
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

    private sealed class SqliteDialect(string databasePath) : SqlJournalDialect
    {
        private const int BusyTimeoutMilliseconds = 10_000;

        private readonly string connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(databasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();

        public override IReadOnlyList<string> SchemaStatements { get; } =
        [
            "CREATE TABLE IF NOT EXISTS journal_schema_version (version INTEGER NOT NULL)",
            """
            CREATE TABLE IF NOT EXISTS journal_events (
                position INTEGER PRIMARY KEY,
                stream_id TEXT NOT NULL,
                version INTEGER NOT NULL CHECK (version >= 1),
                type TEXT NOT NULL,
                data TEXT NOT NULL,
                recorded_at INTEGER NOT NULL,
                UNIQUE (stream_id, version))
            """,
            """
            CREATE TABLE IF NOT EXISTS journal_snapshots (
                stream_id TEXT PRIMARY KEY,
                version INTEGER NOT NULL,
                type TEXT NOT NULL,
                data TEXT NOT NULL,
                recorded_at INTEGER NOT NULL)
            """,
            """
            CREATE TABLE IF NOT EXISTS journal_outbox (
                id INTEGER PRIMARY KEY,
                topic TEXT NOT NULL,
                data TEXT NOT NULL,
                recorded_at INTEGER NOT NULL,
                delivered_at INTEGER NULL)
            """,
            "CREATE INDEX IF NOT EXISTS journal_outbox_pending ON journal_outbox (id) WHERE delivered_at IS NULL",
            "CREATE TABLE IF NOT EXISTS journal_outbox_cursor (id INTEGER PRIMARY KEY CHECK (id = 1), delivered_through INTEGER NOT NULL)",
            "INSERT INTO journal_outbox_cursor (id, delivered_through) VALUES (1, 0) ON CONFLICT (id) DO NOTHING",
        ];

        public override async Task<DbConnection> OpenWriteConnectionAsync(CancellationToken cancellationToken)
        {
            var connection = new SqliteConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (var wal = connection.CreateCommand("PRAGMA journal_mode=WAL", null))
                {
                    var mode = (string?)await wal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                    if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new InvalidOperationException($"SQLite refused WAL mode for '{databasePath}' (got '{mode}').");
                    }
                }

                // FULL: the WAL is fsynced at every commit, so an acknowledged append survives power loss.
                // SQLite's default page cache and checkpoint (every 1,000 pages, on the committing connection) are
                // kept on purpose: a 64 MiB cache halved preads but SQLite truncated it often enough to cost ~4.5% of
                // the pipeline's CPU, and larger checkpoint thresholds (or a checkpointer on its own connection) raised
                // throughput by 10-15% but let the p99 at half rate go past 50 ms (docs/benchmarks.md).
                await using var pragmas = connection.CreateCommand(
                    $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={BusyTimeoutMilliseconds};", null);
                await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        public override int MaxIdleReadSessions => SqliteEventJournal.MaxIdleReadSessions;

        public override async Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken)
        {
            var connection = new SqliteConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                // No PRAGMA mmap_size: mapping the file cut pread syscalls by 4x on read-only runs, but while the writer
                // commits and checkpoints, reads of fresh pages fault and remap, and an outbox batch read took 2-3x longer.
                return connection;
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        // BEGIN IMMEDIATE takes SQLite's write lock up front: no other connection or process can write between
        // the version check and the commit.
        public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
            Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

        // The ids travel as one JSON array: one statement, compiled once, whatever the batch size.
        public override string MarkDeliveredSql =>
            "UPDATE journal_outbox SET delivered_at = @at " +
            "WHERE id IN (SELECT value FROM json_each(@ids)) AND delivered_at IS NULL";

        public override object OutboxIds(IReadOnlyList<long> ids)
        {
            var json = new StringBuilder(2 + (ids.Count * 12));
            json.Append('[');
            for (var i = 0; i < ids.Count; i++)
            {
                if (i > 0)
                {
                    json.Append(',');
                }

                json.Append(ids[i].ToString(CultureInfo.InvariantCulture));
            }

            return json.Append(']').ToString();
        }

        public override bool IsUniqueViolation(Exception exception) =>
            exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

        public override object ToDbTime(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

        public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
            DateTimeOffset.UnixEpoch.AddTicks(checked(reader.GetInt64(ordinal) * 10));

        public override ValueTask DisposeAsync()
        {
            // Pooled connections keep the file open; release them so the file can be moved or deleted.
            using var connection = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(connection);
            return ValueTask.CompletedTask;
        }
    }
}
