using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microchain.Server.Orders;

namespace Microchain.Cli.Hosting;

/// <summary>Posts orders to <c>/v1/orders:import</c> in chunks and gathers the per-order results in file order.</summary>
internal sealed class OrderImportClient(Uri server, string apiKey)
{
    /// <summary>One call of up to 1,000 orders; the server places 8 at a time.</summary>
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(5);

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<IReadOnlyList<ImportResult>> ImportAsync(IReadOnlyList<(string? Key, int? Row, OrderRequest? Order)> orders, int chunkSize,
        Action<int, int> progress, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = CallTimeout };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var results = new List<ImportResult>(orders.Count);
        for (var offset = 0; offset < orders.Count; offset += chunkSize)
        {
            var chunk = orders.Skip(offset).Take(chunkSize).ToArray();
            var body = new ImportRequest(chunk.Select(o => new ImportOrder(o.Key, o.Order)).ToArray());
            HttpResponseMessage response;
            try
            {
                response = await http.PostAsJsonAsync("/v1/orders:import", body, Json, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw new CliException($"cannot reach {server}: {ex.Message}");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CliException($"{server} did not answer within {CallTimeout.TotalMinutes} minutes (orders {offset + 1}..{offset + chunk.Length})");
            }
            using (response)
            {
                if (!response.IsSuccessStatusCode)
                    throw new CliException($"import of orders {offset + 1}..{offset + chunk.Length} failed: {(int)response.StatusCode} {await Detail(response, cancellationToken)}");
                var answer = await response.Content.ReadFromJsonAsync<ImportAnswer>(Json, cancellationToken)
                    ?? throw new CliException($"{server} answered an empty import result");
                var rowsFrom = offset;
                results.AddRange(answer.Results.Select(r => r with { Index = r.Index + rowsFrom, Row = orders[r.Index + rowsFrom].Row }));
            }
            progress(results.Count, orders.Count);
        }
        return results;
    }

    private static async Task<string> Detail(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var json = JsonDocument.Parse(text).RootElement;
            return json.TryGetProperty("detail", out var d) && d.GetString() is { } detail ? detail
                : json.TryGetProperty("title", out var t) ? t.GetString() ?? text : text;
        }
        catch (JsonException)
        {
            return text.Length > 200 ? text[..200] : text;
        }
    }
}
