using Microchain.Runtime.Journal;
using Xunit;

namespace Microchain.Runtime.Tests.Journal;

public sealed class SqliteEventJournalTests : EventJournalConformance
{
    protected override Task<string> CreateStoreAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Path.Combine(Directory.CreateTempSubdirectory("microchain-journal-").FullName, "journal.db"));

    protected override async Task<IEventJournal> OpenStoreAsync(string location, TimeProvider time, CancellationToken cancellationToken) =>
        await SqliteEventJournal.OpenAsync(location, time, cancellationToken);

    protected override ValueTask DeleteStoreAsync(string location)
    {
        Directory.Delete(Path.GetDirectoryName(location)!, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Open_sets_wal_mode_and_records_schema_version()
    {
        await OpenAsync();
        var path = StoreLocation!;

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode; SELECT version FROM journal_schema_version;";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        Assert.Equal("wal", reader.GetString(0));
        Assert.True(await reader.NextResultAsync(Ct) && await reader.ReadAsync(Ct));
        Assert.Equal(1, reader.GetInt32(0));
        Assert.False(await reader.ReadAsync(Ct));
    }
}
