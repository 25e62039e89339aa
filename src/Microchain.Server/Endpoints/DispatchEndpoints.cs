using Microchain.Server.Auth;
using Microchain.Server.Dispatch;
using Microchain.Server.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchain.Server.Endpoints;

/// <summary>Dispatch waves of a node: run one now, read them (JSON or GeoJSON), and courier reports per stop.</summary>
public static class DispatchEndpoints
{
    public sealed record StopReportRequest(string? Reason);

    private const int MaxReasonLength = 200;

    public static IEndpointRouteBuilder MapDispatchEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/nodes/{nodeId}").WithTags("Dispatch");
        group.MapPost("/dispatch:run", async Task<Results<Ok<WaveView>, NoContent, ProblemHttpResult>> (HttpContext http, WaveRunner runner, string nodeId, CancellationToken cancellationToken) =>
            {
                var run = await runner.RunAsync(http.Tenant(), nodeId, WaveTrigger.Manual, null, cancellationToken);
                return run.Status switch
                {
                    WaveRunStatus.NodeNotFound => Problems.NotFound("node", nodeId),
                    WaveRunStatus.NoOrders => TypedResults.NoContent(),
                    _ => TypedResults.Ok(WaveViews.Of(run.Wave!)),
                };
            })
            .WithSummary("Runs a dispatch wave of the node now: its picked orders are routed, recorded and dispatched with their ETAs. 204 when no order is waiting.");
        group.MapGet("/waves", async Task<Results<Ok<Page<WaveListed>>, ProblemHttpResult>> (HttpContext http, WaveStore store, string nodeId, int? offset, int? limit, CancellationToken cancellationToken) =>
            {
                if (Paging.Check(offset, limit) is { } error) return Problems.BadRequest("bad-paging", error);
                var waves = await store.ListAsync(http.Tenant(), nodeId, cancellationToken);
                return TypedResults.Ok(Paging.Of(waves.Reverse().ToArray(), offset, limit));
            })
            .WithSummary("The node's dispatch waves, newest first, paged.");
        group.MapGet("/waves/{waveId}", async Task<Results<Ok<WaveView>, Ok<object>, ProblemHttpResult>> (HttpContext http, WaveStore store, string nodeId, string waveId, string? format, CancellationToken cancellationToken) =>
            {
                if (format is not (null or "json" or "geojson")) return Problems.BadRequest("bad-format", "format must be json or geojson");
                if (await store.GetAsync(http.Tenant(), nodeId, waveId, cancellationToken) is not { } wave) return Problems.NotFound("wave", waveId);
                return format == "geojson" ? TypedResults.Ok(WaveViews.GeoJson(wave)) : TypedResults.Ok(WaveViews.Of(wave));
            })
            .WithSummary("One wave: routes with numbered stops, arrival times, ETA windows, loads, distance and cost, stop outcomes and the orders left for the next wave; ?format=geojson for a FeatureCollection.");
        group.MapPost("/waves/{waveId}/stops/{stop:int}:delivered", (HttpContext http, WaveRunner runner, string nodeId, string waveId, int stop, CancellationToken cancellationToken) =>
                Report(http, runner, nodeId, waveId, stop, StopOutcome.Delivered, null, cancellationToken))
            .WithSummary("A courier delivered the stop: every order of it is delivered. Repeating it changes nothing.");
        group.MapPost("/waves/{waveId}/stops/{stop:int}:failed", async Task<Results<Ok<WaveView>, ProblemHttpResult>> (HttpContext http, WaveRunner runner, string nodeId, string waveId, int stop,
                StopReportRequest body, CancellationToken cancellationToken) =>
            {
                if (body.Reason is not { Length: > 0 and <= MaxReasonLength } reason) return Problems.BadRequest("bad-reason", $"reason is required (at most {MaxReasonLength} characters)");
                return await Report(http, runner, nodeId, waveId, stop, StopOutcome.Failed, reason, cancellationToken);
            })
            .WithSummary("A courier could not deliver the stop: a home order goes to the nearest locker with room (when the node allows it), otherwise it fails and its stock returns to the node.");
        return app;
    }

    private static async Task<Results<Ok<WaveView>, ProblemHttpResult>> Report(HttpContext http, WaveRunner runner, string nodeId, string waveId, int stop, string outcome,
        string? reason, CancellationToken cancellationToken)
    {
        var result = await runner.ReportAsync(http.Tenant(), nodeId, waveId, stop, outcome, reason, cancellationToken);
        return result.Status switch
        {
            StopReportStatus.NotFound => result.Wave is null ? Problems.NotFound("wave", waveId) : Problems.NotFound("stop", stop.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            StopReportStatus.Conflict => Problems.Create(StatusCodes.Status409Conflict, "stop-reported", "The stop was reported otherwise", result.Message),
            _ => TypedResults.Ok(WaveViews.Of(result.Wave!)),
        };
    }
}
