using Microchain.Runtime.Journal;
using Microchain.Testing.Support.Postgres;
using Npgsql;
using Xunit;

namespace Microchain.Runtime.Tests.Journal;

/// <summary>
/// Regression: the PostgreSQL journal used Npgsql's default pool of 100 connections, so a burst of concurrent reads
/// (200 order grains activating at once) ran the server out of connections and callers got "53300: too many clients".
/// </summary>
public sealed class PostgresConnectionLimitTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Too_many_clients_burst_of_concurrent_reads_waits_for_the_capped_pool_instead_of_failing()
    {
        var location = await server.CreateSchemaAsync(nameof(PostgresConnectionLimitTests), Ct);
        // Tagged, so that only the journal's own connections are counted.
        var tagged = new NpgsqlConnectionStringBuilder(location) { ApplicationName = "connection-limit-test" }.ConnectionString;
        await using var journal = await PostgresEventJournal.OpenAsync(tagged, TimeProvider.System, Ct);
        var peak = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var readers = Enumerable.Range(0, 200).Select(async i =>
        {
            await start.Task;
            return await journal.ReadAsync($"burst/{i}", 1, Ct);
        }).ToArray();
        await using var watcher = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(location) { Pooling = false }.ConnectionString);
        await watcher.OpenAsync(Ct);
        start.SetResult();
        while (!readers.All(r => r.IsCompleted))
        {
            await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'connection-limit-test'", watcher);
            peak = Math.Max(peak, (int)(long)(await count.ExecuteScalarAsync(Ct))!);
        }

        Assert.All(await Task.WhenAll(readers), Assert.Empty); // every read answered, none refused
        Assert.InRange(peak, 0, PostgresEventJournal.MaxConnections);
    }
}
