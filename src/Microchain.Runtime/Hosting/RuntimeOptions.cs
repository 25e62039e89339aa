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
    /// <summary>Reservation expiry and sweep period of order placements; tests that kill the server shorten them.</summary>
    public Orders.ReservationTiming Reservations { get; init; } = Orders.ReservationTiming.Default;

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
        if (Reservations.Ttl < TimeSpan.FromSeconds(1) || Reservations.Ttl > TimeSpan.FromDays(1))
            problems.Add($"reservation TTL {Reservations.Ttl} is outside 1 s..1 day");
        if (Reservations.SweepPeriod <= TimeSpan.Zero || Reservations.SweepPeriod > Reservations.Ttl)
            problems.Add($"sweep period {Reservations.SweepPeriod} must be positive and at most the reservation TTL");
        return problems;
    }
}
