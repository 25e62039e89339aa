using Microchain.Domain.Orders;
using Microchain.Planning.Picking;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Nodes;
using Microchain.Runtime.Orders;
using Microchain.Server.Auth;
using Microchain.Server.Errors;
using Microchain.Server.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchain.Server.Endpoints;

/// <summary>
/// Pick and pack, and delivery outcomes: a node's pick lists in waves and zone batches, pick confirmation per node
/// (short units re-sourced or marked short), dispatch, delivery and failure. Every move is one journal append with
/// its notifications; an illegal move is a 409 and changes nothing.
/// </summary>
public static class PickingEndpoints
{
    public sealed record PickRequest(string? NodeId, IReadOnlyList<OrderLine>? Lines);

    public sealed record DispatchRequest(string? RouteId, DateTimeOffset? Eta);

    public sealed record FailRequest(string? Reason);

    private const int MaxTextLength = 200;

    public static IEndpointRouteBuilder MapPickingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/nodes/{nodeId}/picklists", async Task<Results<Ok<PickListView>, ProblemHttpResult>> (HttpContext http, PickLists lists, string nodeId,
                int? leadMinutes, int? waveMinutes, int? batchLines, CancellationToken cancellationToken) =>
            {
                var options = new WaveOptions(TimeSpan.FromMinutes(leadMinutes ?? 30), TimeSpan.FromMinutes(waveMinutes ?? 30), batchLines ?? 20);
                if (options.Problem() is { } problem) return Problems.BadRequest("bad-wave-options", problem);
                return await lists.BuildAsync(http.Tenant(), nodeId, options, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound("node", nodeId);
            })
            .WithTags("Picking")
            .WithSummary("Allocated orders still to pick at a node, in waves by cut-off (window start minus leadMinutes, slots of waveMinutes) and batches per temperature zone of at most batchLines lines.");

        var group = app.MapGroup("/v1/orders").WithTags("Picking");
        group.MapPost("/{orderId}:pick", async Task<Results<Ok<OrderView>, ProblemHttpResult>> (HttpContext http, PickDesk desk, string orderId,
                PickRequest body, CancellationToken cancellationToken) =>
            {
                if (body.NodeId is not { Length: > 0 and <= MaxTextLength }) return Problems.BadRequest("bad-node", "nodeId is required");
                if (body.Lines is null || body.Lines.Count > Domain.Limits.MaxLinesPerOrder)
                    return Problems.BadRequest("bad-lines", $"lines are required (at most {Domain.Limits.MaxLinesPerOrder})");
                var outcome = await desk.ConfirmAsync(http.Tenant(), orderId, body.NodeId, body.Lines, cancellationToken);
                return outcome.Status switch
                {
                    PickStatus.NotFound => Problems.NotFound("order", orderId),
                    PickStatus.Refused => Refusal(outcome.ErrorCode!, outcome.Message),
                    _ => TypedResults.Ok(outcome.Order!),
                };
            })
            .WithSummary("Confirms what a node picked of its part of the order: picked units leave its stock, missing units are re-sourced at another node or marked short (order.short). Repeating the same confirmation changes nothing.");
        group.MapPost("/{orderId}:dispatch", async Task<Results<Ok<OrderView>, ProblemHttpResult>> (HttpContext http, IGrainFactory grains, string orderId,
                DispatchRequest body, CancellationToken cancellationToken) =>
            {
                if (body.RouteId is not { Length: > 0 and <= MaxTextLength } routeId) return Problems.BadRequest("bad-route", $"routeId is required (at most {MaxTextLength} characters)");
                if (body.Eta is not { } eta) return Problems.BadRequest("bad-eta", "eta is required");
                return await Move(http, grains, orderId, g => g.Dispatch(routeId, eta, cancellationToken), cancellationToken);
            })
            .WithSummary("Records that a picked order left on a route, with its estimated arrival.");
        group.MapPost("/{orderId}:deliver", (HttpContext http, IGrainFactory grains, string orderId, CancellationToken cancellationToken) =>
                Move(http, grains, orderId, g => g.Deliver(cancellationToken), cancellationToken))
            .WithSummary("Records that a dispatched order was delivered.");
        group.MapPost("/{orderId}:fail", async Task<Results<Ok<OrderView>, ProblemHttpResult>> (HttpContext http, IGrainFactory grains, string orderId,
                FailRequest body, CancellationToken cancellationToken) =>
            {
                if (body.Reason is not { Length: > 0 and <= MaxTextLength } reason) return Problems.BadRequest("bad-reason", $"reason is required (at most {MaxTextLength} characters)");
                return await Move(http, grains, orderId, g => g.Fail(reason, cancellationToken), cancellationToken);
            })
            .WithSummary("Records that a dispatched order could not be delivered, and why.");
        return app;
    }

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> Move(HttpContext http, IGrainFactory grains, string orderId,
        Func<IOrderGrain, Task<CommandOutcome>> move, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<IOrderGrain>(GrainKey.Compose(http.Tenant(), orderId));
        var outcome = await move(grain);
        if (outcome.Succeeded) return TypedResults.Ok((await grain.Get(cancellationToken))!);
        return outcome.ErrorCode == "order.not_found" ? Problems.NotFound("order", orderId) : Refusal(outcome.ErrorCode!, outcome.Message);
    }

    /// <summary>A move the order's state or the pick's numbers do not allow: 409 for state, 422 for bad numbers.</summary>
    private static ProblemHttpResult Refusal(string code, string? message) => code switch
    {
        "order.over_pick" or "order.quantity" or "order.lines" or "id.empty" or "id.too_long" =>
            Problems.Create(StatusCodes.Status422UnprocessableEntity, "pick-invalid", "The pick does not fit the order", message),
        "node.busy" => Problems.Create(StatusCodes.Status503ServiceUnavailable, "node-busy", "Node busy", message),
        "order.illegal_transition" => Problems.Create(StatusCodes.Status409Conflict, "order-illegal-move", "The order cannot make this move", message),
        _ => Problems.Create(StatusCodes.Status409Conflict, code.Replace('.', '-').Replace('_', '-'), "The order cannot make this move", message),
    };
}
