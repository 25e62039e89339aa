using System.CommandLine;
using Microchain.Runtime.Hosting;

namespace Microchain.Cli.Commands;

/// <summary>Options shared by the commands that start a server.</summary>
internal sealed class CommonOptions
{
    public Option<int> Port { get; } = new("--port") { Description = "Port on 127.0.0.1 for the HTTP API.", DefaultValueFactory = _ => 5080 };
    public Option<string> DataDir { get; } = new("--data-dir") { Description = "Directory of the journal, network file and API keys.", DefaultValueFactory = _ => "./microchain-data" };
    public Option<StoreKind> Store { get; } = new("--store") { Description = "Journal store: sqlite (a file in the data directory) or postgres.", DefaultValueFactory = _ => StoreKind.Sqlite };
    public Option<string?> Postgres { get; } = new("--postgres") { Description = "PostgreSQL connection string, with --store postgres." };
    public Option<int?> ReservationTtlSeconds { get; } = new("--reservation-ttl-seconds")
    {
        Description = "Seconds an order placement's reservations wait for the order to be recorded before the sweep releases them (default 120; the sweep runs every quarter of it, at most every 15 s). For crash tests.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Port);
        command.Options.Add(DataDir);
        command.Options.Add(Store);
        command.Options.Add(Postgres);
        command.Options.Add(ReservationTtlSeconds);
        ReservationTtlSeconds.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, out var seconds) && seconds is < 1 or > 86_400)
                r.AddError("--reservation-ttl-seconds must be within 1..86400");
        });
        Port.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, out var port) && port is < 1 or > 65535)
                r.AddError("--port must be within 1..65535");
        });
    }

    public RuntimeOptions Runtime(ParseResult parse) => new()
    {
        DataDirectory = Path.GetFullPath(parse.GetValue(DataDir)!),
        Store = parse.GetValue(Store),
        PostgresConnectionString = parse.GetValue(Postgres),
        Reservations = parse.GetValue(ReservationTtlSeconds) is { } seconds
            ? Microchain.Runtime.Orders.ReservationTiming.WithTtl(TimeSpan.FromSeconds(seconds))
            : Microchain.Runtime.Orders.ReservationTiming.Default,
    };
}
