using Microchain.Server.Errors;
using Microchain.Server.Forecasting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchain.Server.Endpoints;

/// <summary>The forecasting nanoservice: posted histories in, means and quantiles out; nothing is stored.</summary>
public static class ForecastEndpoints
{
    public static IEndpointRouteBuilder MapForecastEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/forecasts", Results<Ok<ForecastResponse>, ProblemHttpResult> (ForecastRequest request, CancellationToken cancellationToken) =>
            {
                try
                {
                    return TypedResults.Ok(ForecastService.Run(request, null, cancellationToken));
                }
                catch (ArgumentException ex)
                {
                    return Problems.Create(StatusCodes.Status422UnprocessableEntity, "bad-forecast-request", "The forecast request cannot be answered", ex.Message);
                }
            })
            .WithTags("Forecasting")
            .WithSummary("Forecasts demand series (e.g. node × SKU): automatic selection among intermittent and seasonal methods by rolling-origin cross-validation, means and quantiles per period, optional sum across series.");
        return app;
    }
}
