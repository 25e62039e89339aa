using Microchain.Runtime.Journal;

namespace Microchain.Runtime.Hosting;

/// <summary>Opens the configured journal: a SQLite file under the data directory, or PostgreSQL.</summary>
public static class JournalFactory
{
    public static async Task<IEventJournal> OpenAsync(RuntimeOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.DataDirectory);
        return options.Store switch
        {
            StoreKind.Sqlite => await SqliteEventJournal.OpenAsync(options.SqlitePath, time, cancellationToken),
            StoreKind.Postgres => await PostgresEventJournal.OpenAsync(options.PostgresConnectionString!, time, cancellationToken),
            _ => throw new InvalidOperationException($"unknown store {options.Store}"),
        };
    }
}
