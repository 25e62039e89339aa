using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Microchain.Runtime.Journal;

/// <summary>
/// PostgreSQL's grouped append in three round trips: BEGIN, the writer lock and the heads of all streams; the
/// events and outbox rows of the whole group (two INSERT … SELECT FROM unnest(arrays) statements); COMMIT. All
/// statements are prepared once per writer connection. WITH ORDINALITY … ORDER BY keeps the identities
/// (position, outbox id) in row order.
/// </summary>
internal sealed class PostgresGroupStatements : GroupStatements
{
    private const string SelectHeads =
        "SELECT s.id, COALESCE((SELECT e.version FROM journal_events e WHERE e.stream_id = s.id " +
        "ORDER BY e.version DESC LIMIT 1), 0) FROM unnest($1::text[]) AS s(id)";

    private const string InsertEvents =
        "INSERT INTO journal_events (stream_id, version, type, data, recorded_at) " +
        "SELECT u.s, u.v, u.t, u.d, $5 FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[]) " +
        "WITH ORDINALITY AS u(s, v, t, d, o) ORDER BY u.o";

    private const string InsertOutbox =
        "INSERT INTO journal_outbox (topic, data, recorded_at) " +
        "SELECT u.t, u.d, $3 FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(t, d, o) ORDER BY u.o";

    private const string TakeLock = "SELECT pg_advisory_xact_lock($1)";

    private readonly NpgsqlCommand heads;
    private readonly NpgsqlBatch lockAndHeads;
    private readonly NpgsqlBatch insert;
    private bool prepared;

    public PostgresGroupStatements(NpgsqlConnection connection, long lockKey)
    {
        heads = new NpgsqlCommand(SelectHeads, connection);
        heads.Parameters.Add(TextArray());

        // Two statements in one round trip: under READ COMMITTED the heads query takes its snapshot after the
        // lock is granted, so it sees every commit of the writer that held the lock before.
        lockAndHeads = new NpgsqlBatch(connection);
        var takeLock = new NpgsqlBatchCommand(TakeLock);
        takeLock.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = lockKey });
        lockAndHeads.BatchCommands.Add(takeLock);
        var lockedHeads = new NpgsqlBatchCommand(SelectHeads);
        lockedHeads.Parameters.Add(TextArray());
        lockAndHeads.BatchCommands.Add(lockedHeads);

        insert = new NpgsqlBatch(connection);
        var events = new NpgsqlBatchCommand(InsertEvents);
        events.Parameters.Add(TextArray());
        events.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = Array.Empty<long>() });
        events.Parameters.Add(TextArray());
        events.Parameters.Add(TextArray());
        events.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = DateTimeOffset.UnixEpoch });
        insert.BatchCommands.Add(events);
        var outbox = new NpgsqlBatchCommand(InsertOutbox);
        outbox.Parameters.Add(TextArray());
        outbox.Parameters.Add(TextArray());
        outbox.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = DateTimeOffset.UnixEpoch });
        insert.BatchCommands.Add(outbox);
    }

    public override async Task ReadHeadsAsync(
        IReadOnlyList<string> streamIds,
        Dictionary<string, long> heads,
        DbTransaction transaction,
        bool takeLock,
        CancellationToken cancellationToken)
    {
        await PrepareOnceAsync(cancellationToken).ConfigureAwait(false);
        NpgsqlDataReader reader;
        if (takeLock)
        {
            lockAndHeads.Transaction = (NpgsqlTransaction)transaction;
            lockAndHeads.BatchCommands[1].Parameters[0].Value = streamIds;
            reader = await lockAndHeads.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            // The first result is the lock's single void row.
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            this.heads.Transaction = (NpgsqlTransaction)transaction;
            this.heads.Parameters[0].Value = streamIds;
            reader = await this.heads.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var disposeReader = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            heads[reader.GetString(0)] = reader.GetInt64(1);
        }
    }

    public override async Task InsertAsync(AppendRows rows, object at, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await PrepareOnceAsync(cancellationToken).ConfigureAwait(false);
        insert.Transaction = (NpgsqlTransaction)transaction;
        var events = insert.BatchCommands[0].Parameters;
        events[0].Value = rows.StreamIds;
        events[1].Value = rows.Versions;
        events[2].Value = rows.Types;
        events[3].Value = rows.Data;
        events[4].Value = at;
        var outbox = insert.BatchCommands[1].Parameters;
        outbox[0].Value = rows.OutboxTopics;
        outbox[1].Value = rows.OutboxData;
        outbox[2].Value = at;
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        await heads.DisposeAsync().ConfigureAwait(false);
        await lockAndHeads.DisposeAsync().ConfigureAwait(false);
        await insert.DisposeAsync().ConfigureAwait(false);
    }

    private static NpgsqlParameter TextArray() =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = Array.Empty<string>() };

    // Server-side prepared statements live as long as the connection, which lives as long as this object.
    private async Task PrepareOnceAsync(CancellationToken cancellationToken)
    {
        if (!prepared)
        {
            await heads.PrepareAsync(cancellationToken).ConfigureAwait(false);
            await lockAndHeads.PrepareAsync(cancellationToken).ConfigureAwait(false);
            await insert.PrepareAsync(cancellationToken).ConfigureAwait(false);
            prepared = true;
        }
    }
}
