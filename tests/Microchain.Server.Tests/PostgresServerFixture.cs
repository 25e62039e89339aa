using Microchain.Runtime.Hosting;
using Microchain.Testing.Support.Postgres;

namespace Microchain.Server.Tests;

/// <summary>The same server as <see cref="ServerFixture"/>, its journal in a database of its own on the run's private PostgreSQL.</summary>
public sealed class PostgresServerFixture(PostgresServer postgres) : ServerFixture
{
    protected override async Task<RuntimeOptions?> RuntimeAsync(string dataDirectory)
    {
        if (await postgres.UnavailableReasonAsync() is { } reason)
        {
            Unavailable(reason);
            return null;
        }
        var connection = await postgres.CreateDatabaseAsync("server", TestContext.Current.CancellationToken);
        return new RuntimeOptions { DataDirectory = dataDirectory, Store = StoreKind.Postgres, PostgresConnectionString = connection };
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresServerTestGroup : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "server-postgres";
}
