using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Nodes;
using Microchain.Server.Auth;
using Microchain.Server.Errors;
using Microchain.Server.Networks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchain.Server.Endpoints;

/// <summary>Writes to a node's stock ledger. A 200 means the event is in the journal and flushed to disk.</summary>
public static class StockEndpoints
{
    public sealed record ReceiptRequest(string SkuId, int Quantity, string? Reference);

    public static IEndpointRouteBuilder MapStockEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/nodes/{nodeId}").WithTags("Stock");
        group.MapPost("/receipts", async Task<Results<Ok<StockRow>, ProblemHttpResult>> (
                HttpContext http, NetworkCatalog catalog, IGrainFactory grains, string nodeId, ReceiptRequest receipt, CancellationToken cancellationToken) =>
            {
                var network = catalog.Get(http.Tenant());
                if (network?.FindNode(nodeId) is null) return Problems.NotFound("node", nodeId);
                if (receipt.SkuId is null || !network.Skus.Any(s => s.Id == receipt.SkuId) && !network.Components.Any(c => c.Id == receipt.SkuId))
                    return Problems.Create(StatusCodes.Status422UnprocessableEntity, "unknown-sku", "Unknown SKU", $"no SKU or component '{receipt.SkuId}'");
                if (receipt.Reference is { Length: > 200 }) return Problems.BadRequest("bad-reference", "reference is longer than 200 characters");
                var grain = grains.GetGrain<INodeGrain>(GrainKey.Compose(http.Tenant(), nodeId));
                var outcome = await grain.Receive(receipt.SkuId, receipt.Quantity, receipt.Reference ?? "api", cancellationToken);
                if (!outcome.Succeeded)
                {
                    var status = outcome.ErrorCode == "stock.over_capacity" ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
                    return Problems.Create(status, outcome.ErrorCode!, "The receipt was refused", outcome.Message);
                }
                return TypedResults.Ok((await grain.GetPosition(receipt.SkuId, cancellationToken))!);
            })
            .WithSummary("Receives units of a SKU into a node's stock (within its capacity).");
        return app;
    }
}
