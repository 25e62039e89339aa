using Microchain.Domain.Transfers;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;
using Microchain.Runtime.Nodes;
using Microchain.Runtime.Transfers;
using Microchain.Server.Auth;
using Microchain.Server.Errors;
using Microchain.Server.Networks;
using Microchain.Server.Orders;
using Microchain.Server.Transfers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Microchain.Server.Endpoints;

/// <summary>
/// Transfers between nodes: ship, receive (in parts), close short with reasons, view and list. A refusal is a
/// problem and changes nothing; a retry of a step (same transfer id, same receipt id) gets the same answer.
/// </summary>
public static class TransferEndpoints
{
    public static IEndpointRouteBuilder MapTransferEndpoints(this IEndpointRouteBuilder app)
    {
        var index = new TransferIndex(app.ServiceProvider.GetRequiredService<IEventJournal>());
        app.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(index.Dispose);
        var group = app.MapGroup("/v1/transfers").WithTags("Transfers");
        group.MapPost("", async Task<IResult> (HttpContext http, NetworkCatalog catalog, IGrainFactory grains,
                [FromHeader(Name = IdempotencyKey.Header)] string? key, TransferRequest body, CancellationToken ct) =>
            {
                if (key is not null && IdempotencyKey.Check(key) is { } keyError) return Problems.BadRequest("idempotency-key", keyError);
                var id = TransferRequestChecks.IdOf(body.TransferId, key, http.Tenant(), "t-");
                if (id is null) return Problems.BadRequest("transfer-id-required", $"give a transferId or an {IdempotencyKey.Header} header");
                if (!TransferRequestChecks.IsId(id)) return Problems.BadRequest("bad-transfer-id", "transferId must be 1..64 letters, digits, '-', '_' or '.'");
                if (TransferRequestChecks.Lines(body.Lines) is { } linesError) return Problems.BadRequest("bad-lines", linesError);
                var network = catalog.Get(http.Tenant());
                foreach (var nodeId in new[] { body.FromNodeId, body.ToNodeId })
                    if (nodeId is null || network?.FindNode(nodeId) is null)
                        return Problems.Create(StatusCodes.Status422UnprocessableEntity, "unknown-node", "No such node", $"no node '{nodeId}'");
                var destination = grains.GetGrain<INodeGrain>(GrainKey.Compose(http.Tenant(), body.ToNodeId));
                foreach (var sku in body.Lines!.Select(l => l.SkuId).Distinct(StringComparer.Ordinal))
                    if (await destination.GetPosition(sku, ct) is null)
                        return Problems.Create(StatusCodes.Status422UnprocessableEntity, "unknown-position", "No such stock position", $"node {body.ToNodeId} holds no position for '{sku}'");
                var outcome = await Grain(grains, http, id).Ship(new ShipTransfer(body.FromNodeId, body.ToNodeId, TransferRequestChecks.ToStock(body.Lines!), body.Reference), ct);
                return outcome.Result is TransferResult.Done or TransferResult.Replayed
                    ? Replayed(http, outcome, TypedResults.Created($"/v1/transfers/{id}", outcome.Transfer))
                    : Problem(outcome, "transfer", id);
            })
            .WithSummary("Ships stock from one node to another: off the source's shelves (never below what is reserved), in transit at the destination. Idempotent by transferId or Idempotency-Key.");
        group.MapPost("/{transferId}/receipts", async Task<IResult> (HttpContext http, IGrainFactory grains, string transferId,
                [FromHeader(Name = IdempotencyKey.Header)] string? key, ReceiptRequest body, CancellationToken ct) =>
            {
                if (key is not null && IdempotencyKey.Check(key) is { } keyError) return Problems.BadRequest("idempotency-key", keyError);
                var receiptId = TransferRequestChecks.IdOf(body.ReceiptId, key, http.Tenant(), "r-");
                if (receiptId is null) return Problems.BadRequest("receipt-id-required", $"give a receiptId or an {IdempotencyKey.Header} header");
                if (!TransferRequestChecks.IsId(receiptId)) return Problems.BadRequest("bad-receipt-id", "receiptId must be 1..64 letters, digits, '-', '_' or '.'");
                if (TransferRequestChecks.Lines(body.Lines) is { } linesError) return Problems.BadRequest("bad-lines", linesError);
                var outcome = await Grain(grains, http, transferId).Receive(receiptId, TransferRequestChecks.ToStock(body.Lines!), ct);
                return outcome.Result is TransferResult.Done or TransferResult.Replayed ? Replayed(http, outcome, TypedResults.Ok(outcome.Transfer)) : Problem(outcome, "transfer", transferId);
            })
            .WithSummary("Receives some or all of what is in transit: in transit becomes on hand at the destination. The receipt that leaves nothing open closes the transfer.");
        group.MapPost("/{transferId}:close", async Task<IResult> (HttpContext http, IGrainFactory grains, string transferId, CloseRequest? body, CancellationToken ct) =>
            {
                if (body?.Lines is { Count: > Domain.Limits.MaxLinesPerOrder }) return Problems.BadRequest("bad-lines", $"at most {Domain.Limits.MaxLinesPerOrder} line reasons");
                if (body?.Lines?.Any(l => l is null || string.IsNullOrWhiteSpace(l.SkuId) || l.Reason is null) == true) return Problems.BadRequest("bad-lines", "every line needs a skuId and a reason");
                if (body?.Lines?.Select(l => l.SkuId).Distinct(StringComparer.Ordinal).Count() < body?.Lines?.Count) return Problems.BadRequest("bad-lines", "one reason per SKU");
                var reasons = (body?.Lines ?? []).ToDictionary(l => l.SkuId, l => l.Reason, StringComparer.Ordinal);
                var outcome = await Grain(grains, http, transferId).Close(new CloseTransfer(reasons, body?.Reason), ct);
                return outcome.Result is TransferResult.Done or TransferResult.Replayed ? Replayed(http, outcome, TypedResults.Ok(outcome.Transfer)) : Problem(outcome, "transfer", transferId);
            })
            .WithSummary($"Closes a transfer short: what is still in transit is written off per line with a reason (lost, damaged, short-shipped, other).");
        group.MapGet("/{transferId}", async Task<Results<Ok<TransferView>, ProblemHttpResult>> (HttpContext http, IGrainFactory grains, string transferId, CancellationToken ct) =>
                await Grain(grains, http, transferId).Get(ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound("transfer", transferId))
            .WithSummary("One transfer: status, lines shipped, received, in transit and written off, and its full event history.");
        group.MapGet("", async Task<Results<Ok<Page<TransferSummary>>, ProblemHttpResult>> (HttpContext http, TransferStatus? status, string? from, string? to,
                int? offset, int? limit, CancellationToken ct) =>
            {
                if (Paging.Check(offset, limit) is { } error) return Problems.BadRequest("bad-paging", error);
                await index.CatchUpAsync(ct);
                var (items, total) = index.List(http.Tenant(), new TransferFilter(status, from, to), offset ?? 0, limit ?? Paging.DefaultLimit);
                return TypedResults.Ok(new Page<TransferSummary>(items, total, offset ?? 0, limit ?? Paging.DefaultLimit));
            })
            .WithSummary("Transfers newest first, filtered by status and source (from) and destination (to) node, paged.");
        return app;
    }

    private static ITransferGrain Grain(IGrainFactory grains, HttpContext http, string transferId) =>
        grains.GetGrain<ITransferGrain>(GrainKey.Compose(http.Tenant(), transferId));

    private static IResult Replayed(HttpContext http, TransferOutcome outcome, IResult done)
    {
        if (outcome.Result == TransferResult.Replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
        return done;
    }

    private static ProblemHttpResult Problem(TransferOutcome outcome, string what, string id) => outcome.Result switch
    {
        TransferResult.NotFound => Problems.NotFound(what, id),
        TransferResult.KeyReused => Problems.Create(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "Id used with another request",
            "this transfer or receipt id was used before with another body; nothing was done"),
        _ => Problems.Create(StatusOf(outcome.ErrorCode!), outcome.ErrorCode!, "The transfer step was refused", outcome.Message),
    };

    /// <summary>Conflicts with the state of stock or of the transfer are 409; malformed values 400; the rest 422.</summary>
    public static int StatusOf(string code) => code switch
    {
        "transfer.insufficient" or "transfer.over_receipt" or "transfer.closed" or "transfer.conflict" or "transfer.receipt_conflict"
            or "stock.over_capacity" or "stock.in_transit" => StatusCodes.Status409Conflict,
        "node.busy" => StatusCodes.Status503ServiceUnavailable,
        "transfer.lines" or "transfer.quantity" or "transfer.reference" or "id.empty" or "id.too_long" => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}
