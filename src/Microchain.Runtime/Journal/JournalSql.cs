namespace Microchain.Runtime.Journal;

/// <summary>SQL shared by the stores (both accept @name parameters, LIMIT, ON CONFLICT).</summary>
internal static class JournalSql
{
    public const int SchemaVersion = 1;

    public const string SelectSchemaVersion = "SELECT MAX(version) FROM journal_schema_version";

    public const string InsertSchemaVersion = "INSERT INTO journal_schema_version (version) VALUES (@version)";

    public const string SelectHead =
        "SELECT version FROM journal_events WHERE stream_id = @stream ORDER BY version DESC LIMIT 1";

    public const string InsertEvent =
        "INSERT INTO journal_events (stream_id, version, type, data, recorded_at) VALUES (@stream, @version, @type, @data, @at)";

    public const string InsertOutbox =
        "INSERT INTO journal_outbox (topic, data, recorded_at) VALUES (@topic, @data, @at)";

    public const string ReadStream =
        "SELECT stream_id, version, type, data, recorded_at, position FROM journal_events " +
        "WHERE stream_id = @stream AND version >= @from ORDER BY version LIMIT @max";

    public const string LastPosition = "SELECT COALESCE(MAX(position), 0) FROM journal_events";

    // By position up to a head read first, so that a page short of @max has seen every match up to it. substr, not
    // LIKE: a prefix is matched as it is, with no wildcard to escape, the same way on both stores.
    public const string ReadGlobalWithPrefix =
        "SELECT stream_id, version, type, data, recorded_at, position FROM journal_events " +
        "WHERE position > @after AND position <= @head AND substr(stream_id, 1, @length) = @prefix ORDER BY position LIMIT @max";

    // Equal versions replace, so a snapshot re-taken in a new format wins; older ones never do.
    public const string UpsertSnapshot =
        "INSERT INTO journal_snapshots (stream_id, version, type, data, recorded_at) VALUES (@stream, @version, @type, @data, @at) " +
        "ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, type = excluded.type, data = excluded.data, " +
        "recorded_at = excluded.recorded_at WHERE excluded.version >= journal_snapshots.version";

    public const string LoadSnapshot =
        "SELECT stream_id, version, type, data, recorded_at FROM journal_snapshots WHERE stream_id = @stream";

    // Undelivered: above the cursor (everything at or below it was marked delivered in one move) and not marked alone.
    public const string ReadOutbox =
        "SELECT id, topic, data, recorded_at FROM journal_outbox WHERE delivered_at IS NULL " +
        "AND id > (SELECT delivered_through FROM journal_outbox_cursor WHERE id = 1) ORDER BY id LIMIT @max";

    public const string LastOutboxId = "SELECT COALESCE(MAX(id), 0) FROM journal_outbox";

    // One row whatever the number of messages: no message row is rewritten.
    public const string MarkDeliveredThrough =
        "UPDATE journal_outbox_cursor SET delivered_through = @through WHERE id = 1 AND delivered_through < @through";
}
