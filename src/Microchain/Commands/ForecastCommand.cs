using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microchain.Server.Forecasting;
using Microchain.Server.Networks;

namespace Microchain.Cli.Commands;

/// <summary><c>microchain forecast FILE</c>: forecasts posted-style demand histories, with progress and JSON/CSV output.</summary>
internal static class ForecastCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        WriteIndented = true,
    };

    public static Command Build(TextWriter output)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Forecast request JSON: {series: [{id, history, seasonLength, method}], horizon, quantiles, aggregate}." };
        var horizon = new Option<int?>("--horizon") { Description = "Periods to forecast (overrides the file)." };
        var outFile = new Option<FileInfo?>("--out") { Description = "Write the forecasts as JSON (standard output if neither --out nor --csv)." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Write the forecasts as CSV: series,method,step,mean,q…" };
        var command = new Command("forecast", "Forecast demand series (e.g. node × SKU) with automatic method selection, means and quantiles.") { file, horizon, outFile, csv };
        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw new CliException($"{path.FullName} does not exist");
            ForecastRequest request;
            try
            {
                request = JsonSerializer.Deserialize<ForecastRequest>(File.ReadAllText(path.FullName), Json) ?? throw new CliException($"{path.FullName}: empty request");
            }
            catch (JsonException ex)
            {
                throw new CliException($"{path.FullName}: {ex.Message}");
            }
            if (parse.GetValue(horizon) is { } h) request = request with { Horizon = h };
            var toFile = parse.GetValue(outFile) is not null || parse.GetValue(csv) is not null;
            var total = request.Series?.Count ?? 0;
            var progress = new Hosting.SyncProgress<int>(done =>
            {
                if (toFile && (done % 250 == 0 || done == total)) output.WriteLine($"  forecast {done:N0}/{total:N0} series");
            });
            var response = ForecastService.Run(request, progress, cancellationToken);
            if (parse.GetValue(outFile) is { } json) DataDirectory.WriteAtomically(json.FullName, JsonSerializer.Serialize(response, Json));
            if (parse.GetValue(csv) is { } table) DataDirectory.WriteAtomically(table.FullName, Csv(response));
            if (!toFile) output.WriteLine(JsonSerializer.Serialize(response, Json));
            return Task.FromResult(0);
        });
        return command;
    }

    private static string Csv(ForecastResponse response)
    {
        var rows = response.Series.Concat(response.Aggregate is null ? [] : [response.Aggregate]).ToArray();
        var levels = rows.Length == 0 ? [] : rows[0].Quantiles.Keys.ToArray();
        var text = new StringBuilder("series,method,step,mean" + string.Concat(levels.Select(l => ",q" + l)) + "\n");
        foreach (var s in rows)
            for (var t = 0; t < s.Mean.Count; t++)
                text.Append(CultureInfo.InvariantCulture, $"{s.Id},{s.Method},{t + 1},{s.Mean[t]}{string.Concat(levels.Select(l => "," + s.Quantiles[l][t].ToString(CultureInfo.InvariantCulture)))}\n");
        return text.ToString();
    }
}
