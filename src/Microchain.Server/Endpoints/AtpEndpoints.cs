using Microchain.Domain.Inventory;
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

/// <summary>Available to promise at one node, with what limits each modular product (a component or assembly capacity).</summary>
public static class AtpEndpoints
{
    /// <summary>SKUs per ATP request.</summary>
    public const int MaxSkus = 100;

    public static IEndpointRouteBuilder MapAtpEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/nodes/{nodeId}").WithTags("Stock").MapGet("/atp", async Task<Results<Ok<NodeAtp>, ProblemHttpResult>> (
                HttpContext http, NetworkCatalog catalog, IGrainFactory grains, string nodeId, string? skus, int? horizonMinutes, CancellationToken cancellationToken) =>
            {
                var network = catalog.Get(http.Tenant());
                if (network?.FindNode(nodeId) is null) return Problems.NotFound("node", nodeId);
                var ids = (skus ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();
                if (ids.Length is 0 or > MaxSkus) return Problems.BadRequest("bad-skus", $"skus must list 1..{MaxSkus} comma-separated SKU or component ids");
                if (horizonMinutes is < 1 or > AssemblySetup.MaxHorizonMinutes)
                    return Problems.BadRequest("bad-horizon", $"horizonMinutes must be within 1..{AssemblySetup.MaxHorizonMinutes}");
                var context = Domain.Validation.ValidationContext.For(network);
                var unknown = ids.Where(id => !context.Skus.ContainsKey(id) && !network.Components.Any(c => c.Id == id)).ToArray();
                if (unknown.Length > 0)
                    return Problems.Create(StatusCodes.Status422UnprocessableEntity, "unknown-sku", "Unknown SKU", $"no SKU or component {string.Join(", ", unknown.Select(u => $"'{u}'"))}");
                var grain = grains.GetGrain<INodeAssemblyGrain>(GrainKey.Compose(http.Tenant(), nodeId));
                return TypedResults.Ok(await grain.GetAtp(ids, horizonMinutes, cancellationToken));
            })
            .WithSummary("ATP of SKUs at a node; a modular SKU shows finished and assemblable units and its limit (component:{id} or assembly-capacity).");
        return app;
    }
}
