using System.Text.Json;
using Microchain.Server.Auth;
using Microchain.Server.Errors;
using Microchain.Server.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Microchain.Server.Endpoints;

/// <summary>
/// Batch capture: <c>POST /v1/orders:import</c> takes JSON (<see cref="ImportRequest"/>) or CSV (<see cref="OrderCsv"/>)
/// and answers 200 with one result per order. A re-import of the same file replays each order's first answer.
/// </summary>
public static class OrderImportEndpoints
{
    public const string CsvMediaType = "text/csv";

    public static IEndpointRouteBuilder MapOrderImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/orders:import", async Task<IResult> (HttpContext http, OrderImporter importer, ServerOptions server,
                IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
            {
                var read = await ReadAsync(http.Request, server, json.Value.SerializerOptions, cancellationToken);
                if (read.Problem is not null) return read.Problem;
                var results = await importer.ImportAsync(http.Tenant(), read.Orders!, cancellationToken);
                return TypedResults.Ok(ImportAnswer.Of(results));
            })
            .WithTags("Orders")
            .Accepts<ImportRequest>("application/json", CsvMediaType)
            .Produces<ImportAnswer>()
            .WithSummary("Captures a batch of orders (JSON or CSV), each exactly as POST /v1/orders would, and answers one result per order.");
        return app;
    }

    private sealed record Read(IReadOnlyList<(string? Key, int? Row, OrderRequest? Order)>? Orders, IResult? Problem);

    private static async Task<Read> ReadAsync(HttpRequest request, ServerOptions server, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        if (request.HasJsonContentType())
        {
            var body = await JsonSerializer.DeserializeAsync<ImportRequest>(request.Body, options, cancellationToken);
            if (body?.Orders is null) return Problem(Problems.BadRequest("bad-import", "the body must be an object with an 'orders' array"));
            if (body.Orders.Count > server.MaxImportOrders) return TooMany($"{body.Orders.Count} orders; at most {server.MaxImportOrders} per call");
            var duplicate = body.Orders.Where(o => o?.IdempotencyKey is not null).GroupBy(o => o.IdempotencyKey, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) return Problem(Problems.BadRequest("duplicate-key", $"idempotencyKey '{duplicate.Key}' appears more than once in this import"));
            return new Read(body.Orders.Select(o => (o?.IdempotencyKey, (int?)null, o?.Order)).ToArray(), null);
        }
        if (request.ContentType is { } type && type.Split(';')[0].Trim().Equals(CsvMediaType, StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(request.Body);
            var csv = OrderCsv.Parse(await reader.ReadToEndAsync(cancellationToken), server.MaxImportRows);
            if (csv.TooManyRows) return TooMany($"more than {server.MaxImportRows} rows; at most {server.MaxImportRows} per call");
            if (csv.Error is { } error) return Problem(Problems.Create(StatusCodes.Status400BadRequest, "bad-csv", "The CSV is not valid", error.ToString(),
                new Dictionary<string, object?> { ["row"] = error.Row, ["column"] = error.Column }));
            if (csv.Orders.Count > server.MaxImportOrders) return TooMany($"{csv.Orders.Count} orders; at most {server.MaxImportOrders} per call");
            return new Read(csv.Orders.Select(o => ((string?)o.Key, (int?)o.Row, (OrderRequest?)o.Order)).ToArray(), null);
        }
        return Problem(Problems.Create(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported media type",
            $"send application/json or {CsvMediaType}"));

        static Read Problem(IResult problem) => new(null, problem);
        static Read TooMany(string detail) => Problem(Problems.Create(StatusCodes.Status413PayloadTooLarge, "import-too-large", "The import is too large", detail));
    }
}
