using Microchain.Server.Errors;
using Microchain.Server.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchain.Server.Endpoints;

/// <summary>The route-planning nanoservice: VROOM-shaped input, native or VROOM-shaped output.</summary>
public static class RouteEndpoints
{
    public static IEndpointRouteBuilder MapRouteEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/routes:solve", async Task<Results<Ok<object>, ProblemHttpResult>> (RouteRequest request, CancellationToken cancellationToken) =>
            {
                try
                {
                    // The search is CPU-bound for its time limit: run it off the request thread.
                    var (model, solution, elapsed) = await Task.Run(() => RouteSolving.Solve(request, null, cancellationToken), cancellationToken);
                    return TypedResults.Ok(RouteSolving.Answer(model, solution, elapsed));
                }
                catch (ArgumentException ex)
                {
                    return Problems.Create(StatusCodes.Status422UnprocessableEntity, "bad-routing-request", "The routing request cannot be solved", ex.Message);
                }
            })
            .WithTags("Routing")
            .WithSummary("Plans vehicle routes: VROOM's input (vehicles, jobs, matrices) with capacities, skills, time windows, shifts and costs; answers with routes, ETAs, loads, GeoJSON and the unassigned, or in VROOM's output shape with options.format = vroom.");
        return app;
    }
}
