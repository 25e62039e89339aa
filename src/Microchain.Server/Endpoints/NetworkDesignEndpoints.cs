using Microchain.Domain.Geo;
using Microchain.Planning.NetworkDesign.FromData;
using Microchain.Server.Auth;
using Microchain.Server.Errors;
using Microchain.Server.Networks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchain.Server.Endpoints;

/// <summary>The network-design nanoservice: where MFCs should be for the tenant's network and demand.</summary>
public static class NetworkDesignEndpoints
{
    public const int MaxDemandSamples = 200_000;

    public sealed record DemandSampleDto(double Lat, double Lon, double OrdersPerWeek, string SegmentId);

    public sealed record DesignRequestDto(
        DesignProblem Problem = DesignProblem.CapacitatedSingleSource,
        double CellMeters = 1_000,
        int ExtraCandidates = 0,
        int MinSites = 0,
        int? MaxSites = null,
        long? BudgetCents = null,
        IReadOnlyList<string>? ForceOpen = null,
        IReadOnlyList<string>? ForceClosed = null,
        double CoverMinutes = 15,
        bool EnforcePromise = true,
        int HorizonWeeks = 52,
        double TimeLimitSeconds = 30,
        IReadOnlyList<DemandSampleDto>? Demand = null)
    {
        public DesignRequest ToRequest() => new()
        {
            Problem = Problem, CellMeters = CellMeters, ExtraCandidates = ExtraCandidates, MinSites = MinSites, MaxSites = MaxSites,
            BudgetCents = BudgetCents, ForceOpen = ForceOpen ?? [], ForceClosed = ForceClosed ?? [], CoverMinutes = CoverMinutes,
            EnforcePromise = EnforcePromise, HorizonWeeks = HorizonWeeks,
            TimeLimit = TimeLimitSeconds is > 0 and <= 3600 ? TimeSpan.FromSeconds(TimeLimitSeconds) : TimeSpan.Zero,
        };
    }

    public static IEndpointRouteBuilder MapNetworkDesignEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/network:design", Results<Ok<DesignResult>, ProblemHttpResult> (
                HttpContext http, NetworkCatalog catalog, DesignRequestDto body, CancellationToken cancellationToken) =>
            {
                var network = catalog.Get(http.Tenant());
                if (network is null) return Problems.NotFound("network", http.Tenant());
                if (body.Demand is { Count: > MaxDemandSamples }) return Problems.BadRequest("too-many-samples", $"at most {MaxDemandSamples} demand samples");
                var demand = body.Demand is null
                    ? DemandSamples.FromCustomers(network)
                    : body.Demand.Select(d => new DemandSample(new GeoPoint(d.Lat, d.Lon), d.OrdersPerWeek, d.SegmentId ?? "")).ToArray();
                if (demand.Any(d => !(d.OrdersPerWeek >= 0) || !double.IsFinite(d.OrdersPerWeek)))
                    return Problems.BadRequest("bad-demand", "ordersPerWeek must be finite and non-negative");
                try
                {
                    return TypedResults.Ok(NetworkDesigner.Design(network, demand, body.ToRequest(), new HaversineTravelModel(), cancellationToken: cancellationToken));
                }
                catch (ArgumentException ex)
                {
                    return Problems.Create(StatusCodes.Status422UnprocessableEntity, "bad-design-request", "The design request cannot be solved", ex.Message);
                }
            })
            .WithTags("Network design")
            .WithSummary("Where MFCs should be: capacitated/uncapacitated facility location, p-median or maximal coverage over the tenant's network and demand (its customers, or posted samples).");
        return app;
    }
}
