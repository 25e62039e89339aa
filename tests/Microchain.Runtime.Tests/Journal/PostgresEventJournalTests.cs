using Microchain.Runtime.Journal;
using Microchain.Testing.Support.Postgres;
using Npgsql;
using Xunit;

namespace Microchain.Runtime.Tests.Journal;

/// <summary>The conformance suite on PostgreSQL: one database for this class, a fresh schema per test.</summary>
public sealed class PostgresEventJournalTests(PostgresServer server) : EventJournalConformance
{
    protected override Task<string> CreateStoreAsync(CancellationToken cancellationToken) =>
        server.CreateSchemaAsync(nameof(PostgresEventJournalTests), cancellationToken);

    protected override async Task<IEventJournal> OpenStoreAsync(string location, TimeProvider time, CancellationToken cancellationToken) =>
        await PostgresEventJournal.OpenAsync(location, time, cancellationToken);

    [Fact]
    public async Task Append_racing_a_writer_that_skips_the_lock_is_refused_by_the_unique_key()
    {
        var journal = await OpenAsync();
        var stream = NewStream();
        await using var foreign = new NpgsqlConnection(StoreLocation);
        await foreign.OpenAsync(Ct);
        await using var transaction = await foreign.BeginTransactionAsync(Ct);
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO journal_events (stream_id, version, type, data, recorded_at) VALUES (@s, 1, 'foreign', '{}', now())",
            foreign,
            transaction))
        {
            insert.Parameters.AddWithValue("s", stream);
            await insert.ExecuteNonQueryAsync(Ct);
        }

        // The journal sees version 0 (the foreign row is uncommitted) and its insert waits on the unique key.
        var append = journal.AppendAsync(stream, 0, Evs("mine"), Ct);
        await WaitForBlockedInsertAsync(foreign, transaction);
        await transaction.CommitAsync(Ct);

        var ex = await Assert.ThrowsAsync<JournalConcurrencyException>(() => append);
        Assert.Equal((stream, 0L, 1L), (ex.StreamId, ex.ExpectedVersion, ex.ActualVersion));
        Assert.Equal(["foreign"], (await journal.ReadAsync(stream, 1, Ct)).Select(e => e.Type));
    }

    // A phase barrier on the server's own state, not a sleep: returns once another session waits on our transaction.
    private static async Task WaitForBlockedInsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await using var query = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'transactionid' AND NOT granted AND pid <> pg_backend_pid()",
            connection,
            transaction);
        while ((long)(await query.ExecuteScalarAsync(Ct))! == 0)
        {
            await Task.Delay(5, Ct);
        }
    }
}
