namespace Microchain.Runtime.Hosting;

public enum StoreKind
{
    Sqlite,
    Postgres,
}

/// <summary>Where the runtime keeps its journal and how its embedded silo listens.</summary>
public sealed record RuntimeOptions
{
    public required string DataDirectory { get; init; }
    public StoreKind Store { get; init; } = StoreKind.Sqlite;
    /// <summary>Required for <see cref="StoreKind.Postgres"/>.</summary>
    public string? PostgresConnectionString { get; init; }
    /// <summary>Silo-to-silo and gateway ports on 127.0.0.1; 0 picks a free port.</summary>
    public int SiloPort { get; init; }
    public int GatewayPort { get; init; }

    public string SqlitePath => Path.Combine(DataDirectory, "journal.db");

    /// <summary>Every problem with the options, so that a bad configuration fails at start with all of them.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDirectory)) problems.Add("data directory must be set");
        if (Store == StoreKind.Postgres && string.IsNullOrWhiteSpace(PostgresConnectionString))
            problems.Add("the postgres store needs a connection string");
        if (SiloPort is < 0 or > 65535) problems.Add($"silo port {SiloPort} is outside 0..65535");
        if (GatewayPort is < 0 or > 65535) problems.Add($"gateway port {GatewayPort} is outside 0..65535");
        return problems;
    }
}
