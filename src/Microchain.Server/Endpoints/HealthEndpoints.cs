using Microchain.Server.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchain.Server.Endpoints;

public static class HealthEndpoints
{
    public sealed record HealthStatus(string Status);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health");
        group.MapGet("/live", () => TypedResults.Ok(new HealthStatus("live")))
            .WithSummary("The process is up.");
        group.MapGet("/ready", Results<Ok<HealthStatus>, ProblemHttpResult> (ReadinessState readiness) =>
                readiness.IsReady
                    ? TypedResults.Ok(new HealthStatus("ready"))
                    : Problems.Create(StatusCodes.Status503ServiceUnavailable, "not-ready", "Not ready", readiness.Reason))
            .WithSummary("The server can take requests: journal open, silo up, network loaded.");
        return app;
    }
}
