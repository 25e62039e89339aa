using System.Collections.Concurrent;
using Npgsql;
using Xunit;

namespace Microchain.Testing.Support.Postgres;

/// <summary>
/// A private PostgreSQL server for the test run, started on first use in a temp directory, listening on
/// 127.0.0.1 only, stopped and deleted at the end. Test projects register it as an assembly fixture. Set MICROCHAIN_TEST_POSTGRES to a connection string to use
/// an existing server instead. Without PostgreSQL binaries the tests that need it are skipped.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string OverrideVariable = "MICROCHAIN_TEST_POSTGRES";

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> databases = new(StringComparer.Ordinal);
    private PostgresProcess? process;
    private string? adminConnectionString;
    private string? skipReason;
    private Exception? startFailure;
    private bool started;

    /// <summary>
    /// Returns a connection string to a fresh schema (first on the search path) in a database shared by
    /// <paramref name="databaseKey"/>; skips the calling test if no PostgreSQL is available.
    /// </summary>
    public async Task<string> CreateSchemaAsync(string databaseKey, CancellationToken cancellationToken)
    {
        var database = await databases.GetOrAdd(databaseKey, key => new Lazy<Task<string>>(() => CreateDatabaseAsync(key))).Value;
        var schema = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(database) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>
    /// Returns a connection string to a new, empty database of its own (for a whole server under test, which makes
    /// its tables in the default schema); skips the calling test if no PostgreSQL is available.
    /// </summary>
    public Task<string> CreateDatabaseAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return CreateDatabaseAsync(key);
    }

    /// <summary>Why PostgreSQL tests are skipped on this machine, or null when a server is (or can be) started.</summary>
    public async Task<string?> UnavailableReasonAsync()
    {
        await EnsureStartedAsync();
        return skipReason;
    }

    private async Task<string> CreateDatabaseAsync(string key)
    {
        var admin = await GetAdminConnectionStringAsync();
        var name = "mc_" + new string([.. key.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30)]) + "_"
            + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }

    private async Task<string> GetAdminConnectionStringAsync()
    {
        await EnsureStartedAsync();
        if (startFailure is not null)
        {
            throw new InvalidOperationException("The private PostgreSQL server did not start.", startFailure);
        }

        if (skipReason is not null)
        {
            Assert.Skip(skipReason);
        }

        return adminConnectionString!;
    }

    private async Task EnsureStartedAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (!started)
            {
                started = true;
                await StartAsync();
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            adminConnectionString = external;
            return;
        }

        var binaries = PostgresBinaries.Find();
        if (binaries is null)
        {
            skipReason = "No PostgreSQL binaries (initdb, pg_ctl, postgres) found in "
                + $"{PostgresBinaries.FolderVariable}, /usr/lib/postgresql/*/bin or on PATH, and {OverrideVariable} is not set.";
            return;
        }

        if (Environment.IsPrivilegedProcess && !PostgresProcess.OsUserExists("postgres"))
        {
            skipReason = "Running as root, and there is no 'postgres' OS user to run PostgreSQL as (it refuses root).";
            return;
        }

        try
        {
            process = await PostgresProcess.StartAsync(binaries);
            adminConnectionString = process.AdminConnectionString;
        }
#pragma warning disable CA1031 // Remembered and rethrown to every test that needs the server.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            startFailure = ex;
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (process is not null)
        {
            await process.DisposeAsync();
        }

        gate.Dispose();
    }
}
