using Microchain.Planning.Replenishment;
using Microchain.Server.Auth;
using Microchain.Server.Errors;
using Microchain.Server.Networks;
using Microchain.Server.Replenishment;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchain.Server.Endpoints;

/// <summary>Replenishment runs: start one now, list the recorded ones (scheduled and on demand), read one's proposals.</summary>
public static class ReplenishmentEndpoints
{
    /// <summary>An on-demand run: kind <c>nightly</c> (default) or <c>intraDay</c>, suppliers to mark unavailable, one service level.</summary>
    public sealed record RunRequest(string? Kind = null, IReadOnlyList<string>? Disrupt = null, double? ServiceLevel = null);

    /// <summary>Most suppliers one run may mark unavailable.</summary>
    public const int MaxDisrupted = 100;

    public static IEndpointRouteBuilder MapReplenishmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/replenishment").WithTags("Replenishment");
        app.MapPost("/v1/replenishment:run", async Task<Results<Created<ReplenishmentRunSummary>, ProblemHttpResult>> (
                HttpContext http, ReplenishmentRunner runner, NetworkCatalog catalog, RunRequest? request, CancellationToken cancellationToken) =>
            {
                request ??= new RunRequest();
                ReplenishmentRun kind;
                if (request.Kind is null or "nightly") kind = ReplenishmentRun.Nightly;
                else if (request.Kind == "intraDay") kind = ReplenishmentRun.IntraDay;
                else return Problems.BadRequest("bad-run-kind", "kind must be nightly or intraDay");
                if (request.ServiceLevel is { } level && !(level is > 0 and < 1)) return Problems.BadRequest("bad-service-level", "serviceLevel must be in (0, 1)");
                var disrupt = request.Disrupt ?? [];
                if (disrupt.Count > MaxDisrupted) return Problems.BadRequest("too-many-suppliers", $"at most {MaxDisrupted} suppliers to disrupt");
                var network = catalog.Get(http.Tenant());
                if (network is null) return Problems.NotFound("network", http.Tenant());
                if (disrupt.FirstOrDefault(s => !network.Suppliers.Any(x => x.Id == s)) is { } unknown)
                    return Problems.Create(StatusCodes.Status422UnprocessableEntity, "unknown-supplier", "Unknown supplier", $"no supplier '{unknown}'");
                var (run, refusal) = await runner.RunAsync(http.Tenant(), new RunChoices(kind, disrupt, request.ServiceLevel), RunTrigger.Api, wait: false, cancellationToken);
                return refusal switch
                {
                    ReplenishmentRunner.Refusal.Busy => Problems.Create(StatusCodes.Status409Conflict, "run-in-progress", "A replenishment run is in progress", "try again when it has finished"),
                    ReplenishmentRunner.Refusal.NoNetwork => Problems.NotFound("network", http.Tenant()),
                    _ => TypedResults.Created($"/v1/replenishment/runs/{run!.RunId}", run),
                };
            })
            .WithTags("Replenishment")
            .WithSummary("Runs replenishment now on live stock and the order history: transfer proposals DC → nodes and (nightly) purchase proposals supplier → DC, each with its reason; recorded in the journal.");
        group.MapGet("/runs", async Task<Results<Ok<Page<ReplenishmentRunSummary>>, ProblemHttpResult>> (
                HttpContext http, ReplenishmentRunStore store, int? offset, int? limit, CancellationToken cancellationToken) =>
            {
                if (Paging.Check(offset, limit) is { } problem) return Problems.BadRequest("bad-paging", problem);
                return TypedResults.Ok(Paging.Of(await store.ListAsync(http.Tenant(), cancellationToken), offset, limit));
            })
            .WithSummary("Recorded replenishment runs, newest first, paged: kind, trigger, planning day and totals.");
        group.MapGet("/runs/{runId}", async Task<Results<Ok<ReplenishmentRunView>, ProblemHttpResult>> (
                HttpContext http, ReplenishmentRunStore store, string runId, CancellationToken cancellationToken) =>
                await store.FindAsync(http.Tenant(), runId, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound("replenishment run", runId))
            .WithSummary("One recorded run with its transfer and purchase proposals and their reasons.");
        return app;
    }
}
