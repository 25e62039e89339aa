using System.Text.Json;
using Microchain.Server.Orders;

namespace Microchain.Cli.Hosting;

/// <summary>Reads an order file for import: CSV by the server's own parser (so errors name the file's row:column), or JSON.</summary>
internal static class OrderFile
{
    public static IReadOnlyList<(string? Key, int? Row, OrderRequest? Order)> Read(FileInfo path)
    {
        if (!path.Exists) throw new CliException($"{path.FullName} does not exist");
        var text = File.ReadAllText(path.FullName);
        if (path.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            var csv = OrderCsv.Parse(text, Commands.OrdersCommand.MaxFileRows);
            if (csv.TooManyRows) throw new CliException($"{path.Name} has more than {Commands.OrdersCommand.MaxFileRows:N0} rows; split it");
            if (csv.Error is { } error) throw new CliException($"{path.Name}:{error}");
            return csv.Orders.Select(o => ((string?)o.Key, (int?)o.Row, (OrderRequest?)o.Order)).ToArray();
        }
        if (path.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            ImportRequest? request;
            try
            {
                request = JsonSerializer.Deserialize<ImportRequest>(text, OrderImportClient.Json);
            }
            catch (JsonException ex)
            {
                throw new CliException($"{path.Name} is not valid JSON: {ex.Message}");
            }
            if (request?.Orders is null) throw new CliException($"{path.Name} must be an object with an 'orders' array");
            return request.Orders.Select(o => (o?.IdempotencyKey, (int?)null, o?.Order)).ToArray();
        }
        throw new CliException($"{path.Name}: expected a .csv or .json file");
    }
}
