using Microchain.Runtime.Journal;
using Microchain.Testing.Support.Postgres;

namespace Microchain.Runtime.Tests.Journal;

public sealed class PostgresJournalKillTests(PostgresServer server) : JournalKillTests
{
    protected override string Provider => "postgres";

    protected override Task<string> CreateStoreAsync(CancellationToken cancellationToken) =>
        server.CreateSchemaAsync(nameof(PostgresJournalKillTests), cancellationToken);

    protected override async Task<IEventJournal> OpenAsync(string store, CancellationToken cancellationToken) =>
        await PostgresEventJournal.OpenAsync(store, TimeProvider.System, cancellationToken);
}
