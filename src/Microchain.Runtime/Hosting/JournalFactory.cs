using Microchain.Runtime.Journal;

namespace Microchain.Runtime.Hosting;

/// <summary>Opens the configured journal: a SQLite file under the data directory, or PostgreSQL.</summary>
public static class JournalFactory
{
    public static IEventJournal Open(RuntimeOptions options, TimeProvider time)
    {
        Directory.CreateDirectory(options.DataDirectory);
        return options.Store switch
        {
            StoreKind.Sqlite => SqliteEventJournal.Open(options.SqlitePath, time),
            StoreKind.Postgres => PostgresEventJournal.Open(options.PostgresConnectionString!, time),
            _ => throw new InvalidOperationException($"unknown store {options.Store}"),
        };
    }
}
