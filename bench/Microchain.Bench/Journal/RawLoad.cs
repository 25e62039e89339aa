using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Microchain.Bench.Journal;

/// <summary>Rows committed in one timed window of plain INSERT transactions.</summary>
public sealed record RawLoadResult(int RowsPerCommit, double Seconds, long Commits, long Rows)
{
    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;
}

/// <summary>
/// The peer of <see cref="JournalLoad"/>: the same store without the journal. One connection commits
/// transactions of <c>rowsPerCommit</c> rows of the same size into a table shaped like journal_events (same
/// unique key), with the same durability (SQLite WAL + synchronous=FULL; PostgreSQL synchronous_commit=on).
/// One row per commit is the store's fsync rate; N rows per commit is what perfect group commit could reach.
/// </summary>
public static class RawLoad
{
    public const int MaxRowsPerCommit = 10_000;

    private static readonly string Payload = new('x', 300);

    public static async Task<RawLoadResult> RunSqliteAsync(
        string databasePath, int rowsPerCommit, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerCommit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rowsPerCommit, MaxRowsPerCommit);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath }.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection,
            "CREATE TABLE IF NOT EXISTS bench_raw_events (position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, " +
            "version INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, recorded_at INTEGER NOT NULL, UNIQUE (stream_id, version))",
            cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO bench_raw_events (stream_id, version, type, data, recorded_at) VALUES ($s, 1, 'RawEvent', $d, $at)";
        var stream = insert.Parameters.Add("$s", SqliteType.Text);
        insert.Parameters.AddWithValue("$d", Payload);
        insert.Parameters.AddWithValue("$at", 0L);
        var run = NewRun();
        return await TimeAsync(rowsPerCommit, duration, async (first, count) =>
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            insert.Transaction = transaction;
            for (var i = 0; i < count; i++)
            {
                stream.Value = StreamId(run, first + i);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<RawLoadResult> RunPostgresAsync(
        string connectionString, int rowsPerCommit, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerCommit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rowsPerCommit, MaxRowsPerCommit);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "SET synchronous_commit = on", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection,
            "CREATE TABLE IF NOT EXISTS bench_raw_events (position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, " +
            "stream_id text NOT NULL, version bigint NOT NULL, type text NOT NULL, data text NOT NULL, " +
            "recorded_at timestamptz NOT NULL, UNIQUE (stream_id, version))",
            cancellationToken).ConfigureAwait(false);
        // One row: a plain INSERT … VALUES; several: one INSERT … SELECT FROM unnest, the cheapest set insert.
        await using var insert = new NpgsqlCommand(
            rowsPerCommit == 1
                ? "INSERT INTO bench_raw_events (stream_id, version, type, data, recorded_at) VALUES ($1, 1, 'RawEvent', $2, now())"
                : "INSERT INTO bench_raw_events (stream_id, version, type, data, recorded_at) " +
                  "SELECT s, 1, 'RawEvent', $2, now() FROM unnest($1::text[]) AS u(s)",
            connection);
        var streams = new NpgsqlParameter
        {
            NpgsqlDbType = rowsPerCommit == 1 ? NpgsqlDbType.Text : NpgsqlDbType.Array | NpgsqlDbType.Text,
            Value = rowsPerCommit == 1 ? string.Empty : Array.Empty<string>(),
        };
        insert.Parameters.Add(streams);
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = Payload });
        await insert.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var run = NewRun();
        var ids = new string[rowsPerCommit];
        return await TimeAsync(rowsPerCommit, duration, async (first, count) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            insert.Transaction = transaction;
            if (rowsPerCommit == 1)
            {
                streams.Value = StreamId(run, first);
            }
            else
            {
                for (var i = 0; i < count; i++)
                {
                    ids[i] = StreamId(run, first + i);
                }

                streams.Value = ids;
            }

            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<RawLoadResult> TimeAsync(
        int rowsPerCommit, TimeSpan duration, Func<long, int, Task> commit, CancellationToken cancellationToken)
    {
        // Warm-up as in JournalLoad (a fifth of the window, at most 1 s), then the counted window.
        var warmUp = Stopwatch.StartNew();
        long next = 0;
        while (warmUp.Elapsed < TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerSecond, duration.Ticks / 5)))
        {
            await commit(next, rowsPerCommit).ConfigureAwait(false);
            next += rowsPerCommit;
        }

        long commits = 0;
        var window = Stopwatch.StartNew();
        while (window.Elapsed < duration)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await commit(next, rowsPerCommit).ConfigureAwait(false);
            next += rowsPerCommit;
            commits++;
        }

        return new RawLoadResult(rowsPerCommit, window.Elapsed.TotalSeconds, commits, commits * rowsPerCommit);
    }

    private static string NewRun() => Guid.NewGuid().ToString("N")[..8];

    private static string StreamId(string run, long n) => string.Create(CultureInfo.InvariantCulture, $"raw-{run}-{n}");

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant SQL only.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
