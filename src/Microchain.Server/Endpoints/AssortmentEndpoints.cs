using Microchain.Domain.Validation;
using Microchain.Server.Assortment;
using Microchain.Server.Auth;
using Microchain.Server.Errors;
using Microchain.Server.Networks;
using Microchain.Server.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;


namespace Microchain.Server.Endpoints;

/// <summary>Assortment per node: plan (dry run or apply), set, read and clear; sourcing respects what is set.</summary>
public static class AssortmentEndpoints
{
    public sealed record AssortmentPut(IReadOnlyList<string> Skus);

    /// <summary>A node's assortment; <paramref name="Restricted"/> false = none set, it stocks everything it holds.</summary>
    public sealed record AssortmentView(string NodeId, bool Restricted, IReadOnlyList<string>? Skus, string? Source, DateTimeOffset? UpdatedAt,
        IReadOnlyList<string>? Added = null, IReadOnlyList<string>? Dropped = null);

    public static IEndpointRouteBuilder MapAssortmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/nodes/{nodeId}/assortment").WithTags("Assortment");
        group.MapGet("", async Task<Results<Ok<AssortmentView>, ProblemHttpResult>> (HttpContext http, NetworkCatalog catalog, AssortmentBook book, string nodeId, CancellationToken ct) =>
            {
                if (catalog.Get(http.Tenant())?.FindNode(nodeId) is null) return Problems.NotFound("node", nodeId);
                return TypedResults.Ok(View(nodeId, await book.GetAsync(http.Tenant(), nodeId, ct)));
            })
            .WithSummary("The SKUs a node stocks; restricted=false when no assortment is set (it stocks everything it holds).");
        group.MapPut("", async Task<Results<Ok<AssortmentView>, ProblemHttpResult>> (HttpContext http, NetworkCatalog catalog, AssortmentBook book, string nodeId, AssortmentPut body, CancellationToken ct) =>
            {
                var network = catalog.Get(http.Tenant());
                if (network?.FindNode(nodeId) is null) return Problems.NotFound("node", nodeId);
                if (!ValidationContext.For(network).FulfilmentNodes.Any(n => n.Id == nodeId))
                    return Problems.Create(StatusCodes.Status422UnprocessableEntity, "not-a-fulfilment-node", "The node does not fulfil orders", $"node '{nodeId}' is not an open fulfilment node");
                if (body.Skus is null || body.Skus.Count > AssortmentBook.MaxSkus) return Problems.BadRequest("bad-assortment", $"skus: a list of at most {AssortmentBook.MaxSkus} SKU ids");
                var known = network.Skus.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
                if (body.Skus.Any(s => s is null || !known.Contains(s)))
                    return Problems.Create(StatusCodes.Status422UnprocessableEntity, "unknown-sku", "Unknown SKU", $"no SKU '{body.Skus.First(s => s is null || !known.Contains(s))}'");
                var (set, added, dropped) = await book.SetAsync(http.Tenant(), nodeId, body.Skus, "api", ct);
                return TypedResults.Ok(View(nodeId, set) with { Added = added, Dropped = dropped });
            })
            .WithSummary("Sets the SKUs a node stocks (durable in the journal); sourcing no longer takes other SKUs from it.");
        group.MapDelete("", async Task<Results<NoContent, ProblemHttpResult>> (HttpContext http, NetworkCatalog catalog, AssortmentBook book, string nodeId, CancellationToken ct) =>
            {
                if (catalog.Get(http.Tenant())?.FindNode(nodeId) is null) return Problems.NotFound("node", nodeId);
                return await book.ClearAsync(http.Tenant(), nodeId, ct) ? TypedResults.NoContent() : Problems.NotFound("assortment", nodeId);
            })
            .WithSummary("Removes a node's assortment: it stocks everything it holds again.");

        app.MapPost("/v1/assortment:plan", async Task<Results<Ok<AssortmentPlanResponse>, ProblemHttpResult>> (
                HttpContext http, NetworkCatalog catalog, AssortmentBook book, OrderDemandHistory history, AssortmentPlanRequest request, CancellationToken ct) =>
            {
                var tenant = http.Tenant();
                if (catalog.Get(tenant) is not { } network) return Problems.NotFound("network", tenant);
                try
                {
                    var demand = request.Demand is { } posted ? AssortmentPlanning.Posted(network, posted) : AssortmentPlanning.FromHistory(network, await history.ReadCapturedAsync(tenant, ct));
                    var current = (await book.AllAsync(tenant, ct)).ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value.Skus.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
                    var plan = AssortmentPlanning.Plan(network, demand, current, request);
                    if (request.Apply)
                        foreach (var node in plan.Nodes) await book.SetAsync(tenant, node.NodeId, node.Skus, "plan", ct);
                    return TypedResults.Ok(new AssortmentPlanResponse(request.Demand is null ? "order-history" : "posted", demand.Count, request.Apply, plan));
                }
                catch (ArgumentException ex)
                {
                    return Problems.Create(StatusCodes.Status422UnprocessableEntity, "bad-assortment-request", "The assortment plan request cannot be answered", ex.Message);
                }
            })
            .WithTags("Assortment")
            .WithSummary("Plans which SKUs each small node stocks under its capacity (multi-zone knapsack with a bound and gap, hysteresis against flapping); a dry run unless apply=true.");
        return app;
    }

    private static AssortmentView View(string nodeId, NodeAssortment? a) =>
        a is null ? new AssortmentView(nodeId, false, null, null, null) : new AssortmentView(nodeId, true, a.Skus, a.Source, a.UpdatedAt);
}
