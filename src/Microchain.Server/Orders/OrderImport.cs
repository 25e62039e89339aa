using Microchain.Domain.Orders;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Microchain.Server.Orders;

/// <summary>One order of a JSON import: the key it would carry as Idempotency-Key and the order.</summary>
public sealed record ImportOrder(string? IdempotencyKey, OrderRequest? Order);

/// <summary>The JSON body of <c>POST /v1/orders:import</c>.</summary>
public sealed record ImportRequest(IReadOnlyList<ImportOrder>? Orders);

/// <summary>
/// What happened to one imported order. <see cref="Status"/> is the HTTP status <c>POST /v1/orders</c> would have
/// answered alone (201, 409 out of stock, 422 invalid, ...); <see cref="Code"/> and <see cref="Detail"/> its problem.
/// <see cref="Row"/> is the CSV row of the order's first line (null for JSON).
/// </summary>
public sealed record ImportResult(int Index, int? Row, string? Key, string? OrderId, int Status, OrderStatus? OrderStatus, bool Replayed,
    string? Code, string? Detail);

/// <summary>The answer of an import: counts, then one result per order in the order sent.</summary>
public sealed record ImportAnswer(int Orders, int Allocated, int Rejected, int Refused, int Replayed, IReadOnlyList<ImportResult> Results)
{
    public static ImportAnswer Of(IReadOnlyList<ImportResult> results) => new(
        results.Count,
        results.Count(r => r.OrderStatus == Domain.Orders.OrderStatus.Allocated),
        results.Count(r => r.OrderStatus == Domain.Orders.OrderStatus.Rejected),
        results.Count(r => r.OrderStatus is null),
        results.Count(r => r.Replayed),
        results);
}

/// <summary>
/// Batch capture: every order goes through <see cref="OrderDesk"/> exactly as <c>POST /v1/orders</c> would take it
/// (same validation, sourcing, reservation, idempotency per key), a few at a time.
/// </summary>
public sealed class OrderImporter(OrderDesk desk, ILogger<OrderImporter> logger)
{
    /// <summary>Orders placed at once: enough to overlap journal flushes, few enough to leave the API responsive.</summary>
    public const int Parallelism = 8;

    public async Task<IReadOnlyList<ImportResult>> ImportAsync(string tenant, IReadOnlyList<(string? Key, int? Row, OrderRequest? Order)> orders,
        CancellationToken cancellationToken)
    {
        var results = new ImportResult[orders.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, orders.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await PlaceOneAsync(tenant, i, orders[i], ct));
        return results;
    }

    private async Task<ImportResult> PlaceOneAsync(string tenant, int index, (string? Key, int? Row, OrderRequest? Order) item, CancellationToken cancellationToken)
    {
        if (IdempotencyKey.Check(item.Key) is { } keyError)
            return Refused(StatusCodes.Status400BadRequest, "idempotency-key", keyError.Replace($"the {IdempotencyKey.Header} header", "idempotencyKey", StringComparison.Ordinal));
        if (item.Order is null) return Refused(StatusCodes.Status400BadRequest, "bad-request", "order is missing");
        DeskAnswer answer;
        try
        {
            answer = await desk.PlaceAsync(tenant, item.Key!, item.Order, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // One order's failure must not hide what happened to the others, which are already recorded.
            logger.LogError(ex, "import: order with key {Key} failed", item.Key);
            return Refused(StatusCodes.Status500InternalServerError, "internal", "an unexpected error occurred; retry this order with the same key");
        }
        var outcome = DeskOutcome.Of(answer);
        return new ImportResult(index, item.Row, item.Key, answer.Order?.OrderId, outcome.Status, answer.Order?.Status, answer.Replayed, outcome.Code, outcome.Detail);

        ImportResult Refused(int status, string code, string detail) => new(index, item.Row, item.Key, null, status, null, false, code, detail);
    }
}
