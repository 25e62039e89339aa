using Microchain.Domain.Orders;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Orders;
using Microchain.Server.Auth;
using Microchain.Server.Errors;
using Microchain.Server.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Microchain.Server.Endpoints;

/// <summary>
/// Order capture, view, list and cancel. A 201 means the order is in the journal, flushed, and holds its stock; a
/// retry with the same Idempotency-Key and body gets the same answer, never a second order.
/// </summary>
public static class OrderEndpoints
{
    public sealed record CancelRequest(string? Reason);

    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/orders").WithTags("Orders");
        group.MapPost("", async Task<IResult> (HttpContext http, OrderDesk desk, [FromHeader(Name = IdempotencyKey.Header)] string? key,
                OrderRequest request, CancellationToken cancellationToken) =>
            {
                if (IdempotencyKey.Check(key) is { } error) return Problems.BadRequest("idempotency-key", error);
                var answer = await desk.PlaceAsync(http.Tenant(), key!, request, cancellationToken);
                if (answer.Replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
                return Answer(answer);
            })
            .WithSummary("Captures an order: validates it, sources it, reserves its stock at one or more nodes and records it (Idempotency-Key required).");
        group.MapGet("/{orderId}", async Task<Results<Ok<OrderView>, ProblemHttpResult>> (HttpContext http, IGrainFactory grains, string orderId, CancellationToken cancellationToken) =>
                await grains.GetGrain<IOrderGrain>(GrainKey.Compose(http.Tenant(), orderId)).Get(cancellationToken) is { } view
                    ? TypedResults.Ok(view) : Problems.NotFound("order", orderId))
            .WithSummary("One order: status, allocations, promise and its full event history.");
        group.MapGet("", Results<Ok<Page<OrderSummary>>, ProblemHttpResult> (HttpContext http, OrderIndex index, OrderStatus? status, string? nodeId,
                string? segmentId, DateTimeOffset? from, DateTimeOffset? to, int? offset, int? limit) =>
            {
                if (Paging.Check(offset, limit) is { } error) return Problems.BadRequest("bad-paging", error);
                var (items, total) = index.List(http.Tenant(), new OrderFilter(status, nodeId, segmentId, from, to), offset ?? 0, limit ?? Paging.DefaultLimit);
                return TypedResults.Ok(new Page<OrderSummary>(items, total, offset ?? 0, limit ?? Paging.DefaultLimit));
            })
            .WithSummary("Orders newest first, filtered by status, node, segment and capture time [from, to), paged. Trails writes by a fraction of a second.");
        group.MapPost("/{orderId}:cancel", async Task<Results<Ok<OrderView>, ProblemHttpResult>> (HttpContext http, IGrainFactory grains, string orderId,
                CancelRequest? body, CancellationToken cancellationToken) =>
            {
                if (body?.Reason is { Length: > 200 }) return Problems.BadRequest("bad-reason", "reason is longer than 200 characters");
                var grain = grains.GetGrain<IOrderGrain>(GrainKey.Compose(http.Tenant(), orderId));
                var outcome = await grain.Cancel(body?.Reason ?? "cancelled by request", cancellationToken);
                if (outcome.Succeeded) return TypedResults.Ok((await grain.Get(cancellationToken))!);
                return outcome.ErrorCode == "order.not_found"
                    ? Problems.NotFound("order", orderId)
                    : Problems.Create(StatusCodes.Status409Conflict, "order-not-cancellable", "The order cannot be cancelled", outcome.Message);
            })
            .WithSummary("Cancels an order that is not yet dispatched and releases its reservations.");
        return app;
    }

    private static IResult Answer(DeskAnswer answer)
    {
        var outcome = DeskOutcome.Of(answer);
        return outcome.Created
            ? TypedResults.Created($"/v1/orders/{answer.Order!.OrderId}", answer.Order)
            : Problems.Create(outcome.Status, outcome.Code!, outcome.Title!, outcome.Detail, outcome.Extensions?.ToDictionary());
    }
}
