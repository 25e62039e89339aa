using System.CommandLine;
using Microchain.Runtime.Journal;
using Npgsql;

namespace Microchain.Bench.Journal;

/// <summary>
/// <c>microchain bench journal</c>: acknowledged (durable) appends per second and append latency of the event
/// journal on SQLite and PostgreSQL under N concurrent writers, against the same store without the journal
/// (plain INSERT transactions, one row per commit and N rows per commit) measured in the same run.
/// </summary>
public static class JournalBench
{
    public static Command Build()
    {
        var writers = new Option<int>("--writers") { Description = "Concurrent writers, 1..4096.", DefaultValueFactory = _ => 64 };
        var seconds = new Option<double>("--seconds") { Description = "Measured seconds per run (each store: journal, 2 raw runs), 1..600.", DefaultValueFactory = _ => 10 };
        var store = new Option<string>("--store") { Description = "all, sqlite or postgres.", DefaultValueFactory = _ => "all" };
        store.AcceptOnlyFromAmong("all", "sqlite", "postgres");
        var pg = new Option<string?>("--pg") { Description = "PostgreSQL connection string; without it a private server is started if PostgreSQL is installed." };
        var json = new Option<bool>("--json") { Description = "End with one JSON line of headline figures." };
        var command = new Command("journal", "Event journal: durable appends/s and latency on SQLite and PostgreSQL vs plain INSERT transactions.");
        command.Options.Add(writers);
        command.Options.Add(seconds);
        command.Options.Add(store);
        command.Options.Add(pg);
        command.Options.Add(json);
        command.SetAction((parse, ct) => RunAsync(
            Console.Out,
            Math.Clamp(parse.GetValue(writers), 1, JournalLoad.MaxWriters),
            TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(seconds), 1, 600)),
            parse.GetValue(store) ?? "all",
            parse.GetValue(pg),
            parse.GetValue(json),
            ct));
        return command;
    }

    private static async Task<int> RunAsync(
        TextWriter output, int writers, TimeSpan duration, string store, string? pg, bool json, CancellationToken cancellationToken)
    {
        output.WriteLine($"journal bench: {writers} writers, {duration.TotalSeconds:0.#} s per run, orders of 2 appends (1 event of ~300 B each; 1 outbox message per order)");
        StoreFigures? sqlite = null;
        StoreFigures? postgres = null;
        string? postgresSkipped = null;
        if (store is "all" or "sqlite")
        {
            sqlite = await RunSqliteAsync(writers, duration, cancellationToken).ConfigureAwait(false);
            Print(output, sqlite);
        }

        if (store is "all" or "postgres")
        {
            (postgres, postgresSkipped) = await RunPostgresAsync(output, writers, duration, pg, cancellationToken).ConfigureAwait(false);
            if (postgres is not null)
            {
                Print(output, postgres);
            }
            else
            {
                output.WriteLine($"postgres: skipped — {postgresSkipped}");
            }
        }

        if (json)
        {
            BenchJson.WriteHeadline(output, new
            {
                bench = "journal",
                writers,
                seconds = duration.TotalSeconds,
                sqlite,
                postgres,
                postgresSkipped,
            });
        }

        return 0;
    }

    private static async Task<StoreFigures> RunSqliteAsync(int writers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("microchain-bench-journal-").FullName;
        try
        {
            JournalLoadResult load;
            await using (var journal = await SqliteEventJournal.OpenAsync(Path.Combine(folder, "journal.db"), TimeProvider.System, cancellationToken)
                             .ConfigureAwait(false))
            {
                load = await JournalLoad.RunAsync(journal, writers, duration, cancellationToken).ConfigureAwait(false);
            }

            var single = await RawLoad.RunSqliteAsync(Path.Combine(folder, "raw1.db"), 1, duration, cancellationToken).ConfigureAwait(false);
            var batched = await RawLoad.RunSqliteAsync(Path.Combine(folder, "rawn.db"), writers, duration, cancellationToken).ConfigureAwait(false);
            SqliteClear();
            return StoreFigures.From("sqlite", load, single, batched);
        }
        finally
        {
            SqliteClear();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void SqliteClear() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    private static async Task<(StoreFigures? Figures, string? Skipped)> RunPostgresAsync(
        TextWriter output, int writers, TimeSpan duration, string? pg, CancellationToken cancellationToken)
    {
        PrivatePostgres? server = null;
        if (string.IsNullOrWhiteSpace(pg))
        {
            if (PrivatePostgres.FindBinaries() is not { } bin)
            {
                return (null, "no --pg connection string and no PostgreSQL binaries under /usr/lib/postgresql/*/bin");
            }

            if (Environment.IsPrivilegedProcess && !File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)))
            {
                return (null, "running as root without a 'postgres' OS user to run a private server; pass --pg");
            }

            output.WriteLine($"postgres: starting a private server from {bin} (fsync on, default settings)");
            server = await PrivatePostgres.StartAsync(bin, cancellationToken).ConfigureAwait(false);
            pg = server.ConnectionString;
        }

        try
        {
            // A schema of its own, dropped at the end, so that a shared database is left as it was.
            var schema = "bench_journal_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync(pg, $"CREATE SCHEMA {schema}", cancellationToken).ConfigureAwait(false);
            try
            {
                var scoped = new NpgsqlConnectionStringBuilder(pg) { SearchPath = schema }.ConnectionString;
                JournalLoadResult load;
                await using (var journal = await PostgresEventJournal.OpenAsync(scoped, TimeProvider.System, cancellationToken).ConfigureAwait(false))
                {
                    load = await JournalLoad.RunAsync(journal, writers, duration, cancellationToken).ConfigureAwait(false);
                }

                var single = await RawLoad.RunPostgresAsync(scoped, 1, duration, cancellationToken).ConfigureAwait(false);
                var batched = await RawLoad.RunPostgresAsync(scoped, writers, duration, cancellationToken).ConfigureAwait(false);
                return (StoreFigures.From("postgres", load, single, batched), null);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(pg, $"DROP SCHEMA {schema} CASCADE", CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
#pragma warning disable CA2100 // The schema name is generated here, not taken from input.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Print(TextWriter output, StoreFigures f)
    {
        output.WriteLine($"{f.Store}: journal {f.AppendsPerSecond:N0} appends/s ({f.EventsPerSecond:N0} events/s), " +
                         $"latency p50 {f.P50Ms:F1} ms, p99 {f.P99Ms:F1} ms, max {f.MaxMs:F1} ms; {f.Appends:N0} appends, {f.Conflicts} conflicts; " +
                         $"{f.CpuMicrosecondsPerAppend:F0} us CPU of this process per append");
        output.WriteLine($"{f.Store}: raw INSERT, 1 row/commit {f.RawSingleRowsPerSecond:N0} rows/s; " +
                         $"{f.RawBatchRows} rows/commit {f.RawBatchedRowsPerSecond:N0} rows/s");
        output.WriteLine($"{f.Store}: journal/raw batched {f.JournalVsRawBatched:F2}, journal/raw 1 row {f.JournalVsRawSingle:F1}x");
    }
}
