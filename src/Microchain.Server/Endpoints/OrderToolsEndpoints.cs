using Microchain.Domain.Network;
using Microchain.Domain.Validation;
using Microchain.Planning.Promise;
using Microchain.Planning.Sourcing;
using Microchain.Server.Auth;
using Microchain.Server.Errors;
using Microchain.Server.Networks;
using Microchain.Server.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchain.Server.Endpoints;

/// <summary>
/// The stateless order nanoservices: validate, promise, source, re-optimise. None of them stores anything; they read
/// the tenant's network and live ATP / pick load from the node grains, and answer.
/// </summary>
public static class OrderToolsEndpoints
{
    public static IEndpointRouteBuilder MapOrderToolsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").WithTags("Order tools");
        group.MapPost("/orders:validate", Validate)
            .WithSummary("Checks an order against the tenant's order rules and network; 200 with every violation (code, path, message).");
        group.MapPost("/promise", PromiseAsync)
            .WithSummary("Delivery options (mode, window, nodes, locker, estimated cost, explanation) for a basket, from live ATP and pick load.");
        group.MapPost("/orders:source", SourceAsync)
            .WithSummary("Where an order's units would come from (strategy = min-cost-to-serve | closest-node | fewest-splits, default the network's), with every candidate and cost term; nothing is reserved.");
        group.MapPost("/orders:reoptimize", ReoptimizeAsync)
            .WithSummary($"Re-assigns up to {BatchReoptimizing.MaxOrders} captured orders jointly (each whole to one node) at least cost to serve; a proposal, nothing moves.");
        return app;
    }

    private static Results<Ok<ValidationAnswer>, ProblemHttpResult> Validate(HttpContext http, NetworkCatalog catalog, TimeProvider time, OrderRequest order)
    {
        if (catalog.Get(http.Tenant()) is not { } network) return Problems.NotFound("network", http.Tenant());
        var violations = OrderValidator.Validate(order.ToDraft(), network, network.OrderRules, OrderSourcing.Travel, time.GetUtcNow());
        return TypedResults.Ok(new ValidationAnswer(violations.Count == 0, violations));
    }

    private static async Task<Results<Ok<PromiseAnswer>, ProblemHttpResult>> PromiseAsync(
        HttpContext http, NetworkCatalog catalog, LiveNetwork liveNetwork, TimeProvider time, PromiseRequest request, CancellationToken cancellationToken)
    {
        if (catalog.Get(http.Tenant()) is not { } network) return Problems.NotFound("network", http.Tenant());
        if (PromiseQuerying.Check(request, network) is { Count: > 0 } violations) return Invalid("promise-request-invalid", "The promise request cannot be answered", violations);
        var live = await liveNetwork.ReadAsync(http.Tenant(), network, [.. request.Lines.Select(l => l.SkuId)], cancellationToken);
        var now = time.GetUtcNow();
        var options = PromiseCalculator.Options(PromiseQuerying.Query(request), network, LiveNetwork.State(network, live), OrderSourcing.Travel,
            PromiseQuerying.Promises(network, request.SegmentId), now, PromiseQuerying.Settings(network));
        return TypedResults.Ok(new PromiseAnswer(now, options));
    }

    private static async Task<Results<Ok<SourcingDecision>, ProblemHttpResult>> SourceAsync(
        HttpContext http, NetworkCatalog catalog, LiveNetwork liveNetwork, TimeProvider time, OrderRequest order,
        string? strategy, string? segment, CancellationToken cancellationToken)
    {
        if (catalog.Get(http.Tenant()) is not { } network) return Problems.NotFound("network", http.Tenant());
        if (strategy is not null && !SourcingPolicy.Strategies.Contains(strategy, StringComparer.Ordinal))
            return Problems.BadRequest("unknown-strategy", $"strategy must be one of {string.Join(", ", SourcingPolicy.Strategies)}");
        if (segment is not null && !network.Segments.Any(s => s.Id == segment))
            return Problems.BadRequest("unknown-segment", $"no segment '{segment}'");
        var draft = order.ToDraft();
        var violations = OrderValidator.Validate(draft, network, network.OrderRules, OrderSourcing.Travel, time.GetUtcNow());
        if (violations.Count > 0) return Invalid("order-invalid", "The order breaks the tenant's order rules", violations);
        var live = await liveNetwork.ReadAsync(http.Tenant(), network, [.. draft.Lines.Select(l => l.SkuId)], cancellationToken);
        return TypedResults.Ok(OrderSourcing.Decide(network, draft, live, strategy, OrderSourcing.DraftOrderId, segment));
    }

    private static async Task<Results<Ok<ReoptimizeAnswer>, ProblemHttpResult>> ReoptimizeAsync(
        HttpContext http, NetworkCatalog catalog, LiveNetwork liveNetwork, ReoptimizeRequest request, CancellationToken cancellationToken)
    {
        if (catalog.Get(http.Tenant()) is not { } network) return Problems.NotFound("network", http.Tenant());
        if (request.Orders is { Count: > BatchReoptimizing.MaxOrders })
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, "too-many-orders", "The batch is too large",
                $"{request.Orders.Count} orders exceed the limit of {BatchReoptimizing.MaxOrders}");
        if (BatchReoptimizing.Check(request, network) is { Count: > 0 } violations) return Invalid("batch-invalid", "The batch cannot be re-optimised", violations);
        var orders = BatchReoptimizing.Orders(request, network);
        var skus = orders.SelectMany(o => o.Request.Lines.Select(l => l.SkuId)).Distinct(StringComparer.Ordinal).ToArray();
        var live = BatchReoptimizing.WithHeldUnits(await liveNetwork.ReadAsync(http.Tenant(), network, skus, cancellationToken), orders);
        var context = OrderSourcing.Context(network, live);
        // Branch and bound is CPU-bound (bounded per request by OrderBranchNodeBudget): run it off the request thread.
        var result = await Task.Run(() => BatchReoptimizer.Reoptimize(orders, context, BatchReoptimizing.Settings(orders.Count)), cancellationToken);
        return TypedResults.Ok(BatchReoptimizing.Answer(result));
    }

    private static ProblemHttpResult Invalid(string code, string title, IReadOnlyList<Violation> violations) =>
        Problems.Create(StatusCodes.Status422UnprocessableEntity, code, title, $"{violations.Count} violation(s)",
            new Dictionary<string, object?> { ["violations"] = violations });
}
