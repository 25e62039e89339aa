using Microchain.Domain.Network;
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

/// <summary>Read endpoints for the network, its nodes and the stock of each node.</summary>
public static class NetworkEndpoints
{
    public sealed record NetworkSummary(string Name, IReadOnlyDictionary<string, int> NodesByKind, int Skus, int Components,
        int Segments, int Customers, int Suppliers, int Contracts, int Vehicles);

    public static IEndpointRouteBuilder MapNetworkEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").WithTags("Network");
        group.MapGet("/network", Results<Ok<NetworkSummary>, ProblemHttpResult> (HttpContext http, NetworkCatalog catalog) =>
                catalog.Get(http.Tenant()) is { } n ? TypedResults.Ok(Summarize(n)) : Problems.NotFound("network", http.Tenant()))
            .WithSummary("The tenant's network: counts of nodes by kind, SKUs, segments, customers, suppliers, vehicles.");
        group.MapGet("/nodes", Results<Ok<Page<Node>>, ProblemHttpResult> (HttpContext http, NetworkCatalog catalog, int? offset, int? limit) =>
                Paging.Check(offset, limit) is { } error ? Problems.BadRequest("bad-paging", error)
                : catalog.Get(http.Tenant()) is { } n ? TypedResults.Ok(Paging.Of(n.Nodes, offset, limit))
                : Problems.NotFound("network", http.Tenant()))
            .WithSummary("The nodes of the network, paged.");
        group.MapGet("/nodes/{nodeId}", Results<Ok<Node>, ProblemHttpResult> (HttpContext http, NetworkCatalog catalog, string nodeId) =>
                catalog.Get(http.Tenant())?.FindNode(nodeId) is { } node ? TypedResults.Ok(node) : Problems.NotFound("node", nodeId))
            .WithSummary("One node.");
        group.MapGet("/nodes/{nodeId}/stock", async Task<Results<Ok<StockPage>, ProblemHttpResult>> (
                HttpContext http, NetworkCatalog catalog, IGrainFactory grains, string nodeId, int? offset, int? limit, CancellationToken cancellationToken) =>
            {
                if (Paging.Check(offset, limit) is { } error) return Problems.BadRequest("bad-paging", error);
                if (catalog.Get(http.Tenant())?.FindNode(nodeId) is null) return Problems.NotFound("node", nodeId);
                var grain = grains.GetGrain<INodeGrain>(GrainKey.Compose(http.Tenant(), nodeId));
                return TypedResults.Ok(await grain.GetStock(offset ?? 0, limit ?? Paging.DefaultLimit, cancellationToken));
            })
            .WithSummary("Stock positions of one node (on hand, reserved, available, in transit, capacity), paged by SKU id.");
        return app;
    }

    private static NetworkSummary Summarize(NetworkModel n) => new(
        n.Name,
        n.Nodes.GroupBy(x => x.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(), g => g.Count()),
        n.Skus.Count, n.Components.Count, n.Segments.Count, n.Customers.Count, n.Suppliers.Count, n.Contracts.Count, n.Vehicles.Count);
}
