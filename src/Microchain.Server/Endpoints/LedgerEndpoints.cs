using System.Text.Json;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Journal;
using Microchain.Runtime.Nodes;
using Microchain.Server.Auth;
using Microchain.Server.Errors;
using Microchain.Server.Networks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchain.Server.Endpoints;

/// <summary>Ledger corrections (adjustments with a reason, cycle counts) and the audit trail of a node's stock.</summary>
public static class LedgerEndpoints
{
    /// <summary>Why stock changed outside receipts and picks; anything else is refused.</summary>
    public static readonly IReadOnlySet<string> ReasonCodes = new HashSet<string>(StringComparer.Ordinal)
        { "damaged", "expired", "lost", "found", "returned", "correction" };

    public sealed record AdjustmentRequest(string SkuId, int Delta, string ReasonCode);

    public sealed record CountRequest(string SkuId, int Counted);

    public sealed record LedgerEntry(long Version, string Type, DateTimeOffset RecordedAt, JsonElement Event);

    public sealed record LedgerPage(string NodeId, long FromVersion, IReadOnlyList<LedgerEntry> Entries);

    public static IEndpointRouteBuilder MapLedgerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/nodes/{nodeId}").WithTags("Stock");
        group.MapPost("/adjustments", (HttpContext http, NetworkCatalog catalog, IGrainFactory grains, string nodeId, AdjustmentRequest body, CancellationToken ct) =>
                ReasonCodes.Contains(body.ReasonCode ?? "")
                    ? Write(http, catalog, grains, nodeId, body.SkuId, g => g.Adjust(body.SkuId, body.Delta, body.ReasonCode!, ct), ct)
                    : Task.FromResult<Results<Ok<StockRow>, ProblemHttpResult>>(Problems.Create(StatusCodes.Status422UnprocessableEntity, "unknown-reason",
                        "Unknown reason code", $"reasonCode must be one of {string.Join(", ", ReasonCodes.Order(StringComparer.Ordinal))}")))
            .WithSummary("Corrects on hand by a signed delta with a reason code (damaged, expired, lost, found, returned, correction); never below what is reserved.");
        group.MapPost("/counts", (HttpContext http, NetworkCatalog catalog, IGrainFactory grains, string nodeId, CountRequest body, CancellationToken ct) =>
                Write(http, catalog, grains, nodeId, body.SkuId, g => g.Count(body.SkuId, body.Counted, ct), ct))
            .WithSummary("Records a cycle count: on hand becomes the counted quantity (not below what is reserved).");
        group.MapGet("/ledger", async Task<Results<Ok<LedgerPage>, ProblemHttpResult>> (HttpContext http, NetworkCatalog catalog, IEventJournal journal,
                string nodeId, long? fromVersion, int? limit, CancellationToken ct) =>
            {
                if (catalog.Get(http.Tenant())?.FindNode(nodeId) is null) return Problems.NotFound("node", nodeId);
                if (fromVersion is < 1 || limit is < 1 or > Paging.MaxLimit) return Problems.BadRequest("bad-paging", $"fromVersion ≥ 1 and limit within 1..{Paging.MaxLimit}");
                var events = await journal.ReadAsync("node/" + GrainKey.Compose(http.Tenant(), nodeId), fromVersion ?? 1, limit ?? Paging.DefaultLimit, ct);
                return TypedResults.Ok(new LedgerPage(nodeId, fromVersion ?? 1,
                    events.Select(e => new LedgerEntry(e.Version, e.Type, e.RecordedAt, JsonDocument.Parse(e.Data).RootElement.Clone())).ToArray()));
            })
            .WithSummary("The audit trail of a node's stock: every receipt, adjustment, count, reservation and pick, in order, paged by version.");
        return app;
    }

    private static async Task<Results<Ok<StockRow>, ProblemHttpResult>> Write(HttpContext http, NetworkCatalog catalog, IGrainFactory grains,
        string nodeId, string? skuId, Func<INodeGrain, Task<CommandOutcome>> command, CancellationToken ct)
    {
        if (catalog.Get(http.Tenant())?.FindNode(nodeId) is null) return Problems.NotFound("node", nodeId);
        var grain = grains.GetGrain<INodeGrain>(GrainKey.Compose(http.Tenant(), nodeId));
        if (skuId is null || await grain.GetPosition(skuId, ct) is null) return Problems.Create(StatusCodes.Status422UnprocessableEntity, "unknown-position", "No such stock position", $"node {nodeId} holds no position for '{skuId}'");
        var outcome = await command(grain);
        if (!outcome.Succeeded)
        {
            var status = outcome.ErrorCode is "stock.over_capacity" or "stock.adjust_below_reserved" or "stock.count_below_reserved" ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            return Problems.Create(status, outcome.ErrorCode!, "The change was refused", outcome.Message);
        }
        return TypedResults.Ok((await grain.GetPosition(skuId, ct))!);
    }
}
