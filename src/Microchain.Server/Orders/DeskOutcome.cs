using Microchain.Domain.Orders;
using Microsoft.AspNetCore.Http;

namespace Microchain.Server.Orders;

/// <summary>
/// What an order request's answer is over HTTP: 201, or a problem with a stable code. One mapping shared by
/// <c>POST /v1/orders</c> and the import, so an imported order reports the status it would have had alone.
/// </summary>
public sealed record DeskOutcome(int Status, string? Code, string? Title, string? Detail, IReadOnlyDictionary<string, object?>? Extensions)
{
    public bool Created => Code is null;

    public static DeskOutcome Of(DeskAnswer answer) => answer.Verdict switch
    {
        DeskVerdict.NoNetwork => Problem(StatusCodes.Status409Conflict, "no-network", "No network", "this tenant has no network loaded"),
        DeskVerdict.InFlight => Problem(StatusCodes.Status409Conflict, "idempotency-in-flight", "Request in progress",
            "a request with this Idempotency-Key is still being processed; retry when it has finished"),
        DeskVerdict.KeyReused => Problem(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "Idempotency-Key reused",
            "this Idempotency-Key was used with another request body"),
        DeskVerdict.Abandoned => Problem(StatusCodes.Status409Conflict, "order-abandoned", "Order abandoned",
            "an earlier request with this Idempotency-Key was abandoned before it was recorded; send the order with a new key"),
        DeskVerdict.Invalid => Problem(StatusCodes.Status422UnprocessableEntity, "order-invalid", "The order breaks the tenant's rules",
            string.Join("; ", answer.Violations.Select(v => $"{v.Path}: {v.Message}")),
            new Dictionary<string, object?> { ["violations"] = answer.Violations }),
        _ when answer.Order!.Status == OrderStatus.Rejected => Problem(StatusCodes.Status409Conflict, "out-of-stock", "Out of stock",
            $"order {answer.Order.OrderId} was rejected: {string.Join(", ", answer.Order.RejectionCodes)}",
            new Dictionary<string, object?> { ["orderId"] = answer.Order.OrderId, ["rejectionCodes"] = answer.Order.RejectionCodes }),
        _ => new DeskOutcome(StatusCodes.Status201Created, null, null, null, null),
    };

    public static DeskOutcome Problem(int status, string code, string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(status, code, title, detail, extensions);
}
