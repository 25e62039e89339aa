using System.Data.Common;

namespace Microchain.Runtime.Journal;

/// <summary>What differs between the SQL stores: connections, how a write transaction starts, column types.</summary>
internal abstract class SqlJournalDialect : IAsyncDisposable
{
    /// <summary>DDL run on open; every statement must be idempotent (IF NOT EXISTS).</summary>
    public abstract IReadOnlyList<string> SchemaStatements { get; }

    /// <summary>Opens the single writer connection, configured for durable commits.</summary>
    public abstract Task<DbConnection> OpenWriteConnectionAsync(CancellationToken cancellationToken);

    public abstract Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Read sessions (open connection and its commands) kept between reads. 0: every read opens a connection and
    /// closes it afterwards (for a store whose driver pools connections and prepares statements itself).
    /// </summary>
    public virtual int MaxIdleReadSessions => 0;

    /// <summary>
    /// Begins a write transaction that excludes every other writer of the same store until it ends, so that
    /// version checks see the latest committed state and global positions are committed in order.
    /// </summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Begins a write transaction for a group of appends whose exclusion is taken by its first statement,
    /// <see cref="GroupStatements.ReadHeadsAsync"/> with <c>takeLock</c> (PostgreSQL: one round trip fewer).
    /// Only called when <see cref="CreateGroupStatements"/> returned statements.
    /// </summary>
    public virtual Task<DbTransaction> BeginWriteLockedByFirstStatementAsync(DbConnection connection, CancellationToken cancellationToken) =>
        BeginWriteAsync(connection, cancellationToken);

    /// <summary>Set-based statements for grouped appends on the writer connection; null: single-row statements in a loop.</summary>
    public virtual GroupStatements? CreateGroupStatements(DbConnection connection) => null;

    /// <summary>Marks every outbox id in @ids (see <see cref="OutboxIds"/>) delivered at @at, in one statement.</summary>
    public abstract string MarkDeliveredSql { get; }

    /// <summary>The value of @ids in <see cref="MarkDeliveredSql"/>.</summary>
    public abstract object OutboxIds(IReadOnlyList<long> ids);

    public abstract bool IsUniqueViolation(Exception exception);

    public abstract object ToDbTime(DateTimeOffset time);

    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    public abstract ValueTask DisposeAsync();
}
