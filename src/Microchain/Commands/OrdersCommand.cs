using System.CommandLine;
using System.Text.Json;
using Microchain.Cli.Hosting;
using Microchain.Server.Networks;
using Microchain.Server.Orders;

namespace Microchain.Cli.Commands;

/// <summary><c>microchain orders import FILE</c>: capture a file of orders through a running server's import endpoint.</summary>
internal static class OrdersCommand
{
    /// <summary>Order lines read from one CSV file; bigger files are split by the user.</summary>
    public const int MaxFileRows = 1_000_000;

    public static Command Build(TextWriter output)
    {
        var command = new Command("orders", "Work with the orders of a running server.");
        command.Subcommands.Add(Import(output));
        return command;
    }

    private static Command Import(TextWriter output)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Orders as CSV (.csv, format in docs/orders.md) or JSON (.json: {\"orders\":[{idempotencyKey, order}]})." };
        var url = new Option<string>("--url") { Description = "The server.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var apiKey = new Option<string?>("--api-key") { Description = "API key; defaults to the dev key of --data-dir (written by 'microchain demo' and 'serve')." };
        var dataDir = new Option<string>("--data-dir") { Description = "Data directory whose dev API key to use.", DefaultValueFactory = _ => "./microchain-data" };
        var chunk = new Option<int>("--chunk") { Description = "Orders per call (1..1000).", DefaultValueFactory = _ => 500 };
        var json = new Option<bool>("--json") { Description = "Print the per-order results as one JSON object instead of a summary." };
        url.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && !(Uri.TryCreate(r.Tokens[0].Value, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
                r.AddError("--url must be an absolute http(s) URL");
        });
        chunk.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, out var n) && n is < 1 or > 1000) r.AddError("--chunk must be within 1..1000");
        });
        var command = new Command("import", "Capture every order of a file (CSV or JSON) through POST /v1/orders:import, in chunks; a re-import replays.")
            { file, url, apiKey, dataDir, chunk, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var orders = OrderFile.Read(path);
            var key = parse.GetValue(apiKey) ?? DevKey(new DataDirectory(Path.GetFullPath(parse.GetValue(dataDir)!)));
            var error = parse.InvocationConfiguration.Error;
            var client = new OrderImportClient(new Uri(parse.GetValue(url)!), key);
            var results = await client.ImportAsync(orders, parse.GetValue(chunk), (done, total) => error.WriteLine($"  imported {done:N0}/{total:N0} orders"), cancellationToken);
            var answer = ImportAnswer.Of(results);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(answer, OrderImportClient.Json));
            }
            else
            {
                output.WriteLine($"Imported {answer.Orders:N0} orders from {path.Name}: {answer.Allocated:N0} allocated, {answer.Rejected:N0} rejected, " +
                    $"{answer.Refused:N0} refused, {answer.Replayed:N0} replayed");
                foreach (var r in results.Where(r => r.OrderStatus is null).Take(10))
                    output.WriteLine($"  {(r.Row is { } row ? $"row {row}" : $"order {r.Index + 1}")} (key {r.Key}): {r.Status} {r.Code}: {r.Detail}");
            }
            return 0;
        });
        return command;
    }

    private static string DevKey(DataDirectory data) =>
        File.Exists(data.DevApiKeyFile)
            ? File.ReadAllText(data.DevApiKeyFile).Trim()
            : throw new CliException($"no API key: pass --api-key, or --data-dir of a server started with 'microchain demo' or 'serve' (no {data.DevApiKeyFile})");
}
