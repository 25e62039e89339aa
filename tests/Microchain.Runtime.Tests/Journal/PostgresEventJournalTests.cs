using Microchain.Runtime.Journal;
using Microchain.Testing.Support.Postgres;
using Npgsql;
using Xunit;

namespace Microchain.Runtime.Tests.Journal;

/// <summary>The conformance suite on PostgreSQL: one database for this class, a fresh schema per test.</summary>
public sealed class PostgresEventJournalTests(PostgresServer server) : EventJournalConformance
{
    // The journal's advisory lock key ("MicroJnl"), as in PostgresEventJournal.
    private const long WriterLockKey = 0x4D6963726F4A6E6C;

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

    [Fact]
    public async Task Append_refused_by_the_unique_key_fails_alone_and_the_appends_queued_with_it_commit()
    {
        // The grouped insert fails as a whole on the foreign row; the writer must redo the batch request by
        // request so that only the append on the contested stream fails.
        var journal = await OpenAsync();
        var (contested, free) = (NewStream("contested"), NewStream("free"));
        await using var foreign = new NpgsqlConnection(StoreLocation);
        await foreign.OpenAsync(Ct);
        await using var transaction = await foreign.BeginTransactionAsync(Ct);
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO journal_events (stream_id, version, type, data, recorded_at) VALUES (@s, 1, 'foreign', '{}', now())",
            foreign,
            transaction))
        {
            insert.Parameters.AddWithValue("s", contested);
            await insert.ExecuteNonQueryAsync(Ct);
        }

        var before = journal.AppendAsync(free, 0, Evs("f1"), [new OutboxMessage("t", "f1")], Ct);
        var append = journal.AppendAsync(contested, 0, Evs("mine"), [new OutboxMessage("t", "mine")], Ct);
        var after = journal.AppendAsync(free, 1, Evs("f2"), [new OutboxMessage("t", "f2")], Ct);
        await WaitForBlockedInsertAsync(foreign, transaction);
        await transaction.CommitAsync(Ct);

        var ex = await Assert.ThrowsAsync<JournalConcurrencyException>(() => append);
        Assert.Equal((contested, 0L, 1L), (ex.StreamId, ex.ExpectedVersion, ex.ActualVersion));
        Assert.Equal((1L, 2L), (await before, await after));
        Assert.Equal(["f1", "f2"], (await journal.ReadAsync(free, 1, Ct)).Select(Tag));
        Assert.Equal(["foreign"], (await journal.ReadAsync(contested, 1, Ct)).Select(e => e.Type));
        Assert.Equal(["f1", "f2"], (await journal.ReadOutboxAsync(10, Ct)).Select(m => m.Data));
    }

    [Fact]
    public async Task Append_waits_for_the_writer_lock_that_keeps_positions_in_commit_order()
    {
        // Another writer (here: a bare session) holds the journal's advisory lock; the append's group must wait
        // for it before it reads heads or writes, or a smaller position could become visible after a larger one.
        var journal = await OpenAsync();
        await journal.AppendAsync(NewStream("warm"), 0, Evs("w"), Ct); // the writer session is open and prepared
        await using var other = new NpgsqlConnection(StoreLocation);
        await other.OpenAsync(Ct);
        await using var transaction = await other.BeginTransactionAsync(Ct);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", other, transaction))
        {
            take.Parameters.AddWithValue("key", WriterLockKey);
            await take.ExecuteNonQueryAsync(Ct);
        }

        var stream = NewStream();
        var append = journal.AppendAsync(stream, 0, Evs("after-lock"), Ct);
        await using (var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", other, transaction))
        {
            // Ends when the append waits for the lock, or when it completed without waiting (the failure).
            while (!append.IsCompleted && (long)(await waiting.ExecuteScalarAsync(Ct))! == 0)
            {
                await Task.Delay(5, Ct);
            }
        }

        Assert.False(append.IsCompleted);
        await transaction.CommitAsync(Ct);
        Assert.Equal(1, await append);
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
