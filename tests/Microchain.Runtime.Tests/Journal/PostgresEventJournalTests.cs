using Microchain.Runtime.Journal;
using Microchain.Runtime.Tests.Postgres;
using Xunit;

namespace Microchain.Runtime.Tests.Journal;

/// <summary>The conformance suite on PostgreSQL: one database for this class, a fresh schema per test.</summary>
public sealed class PostgresEventJournalTests(PostgresServer server) : EventJournalConformance
{
    protected override Task<string> CreateStoreAsync(CancellationToken cancellationToken) =>
        server.CreateSchemaAsync(nameof(PostgresEventJournalTests), cancellationToken);

    protected override async Task<IEventJournal> OpenStoreAsync(string location, TimeProvider time, CancellationToken cancellationToken) =>
        await PostgresEventJournal.OpenAsync(location, time, cancellationToken);
}
