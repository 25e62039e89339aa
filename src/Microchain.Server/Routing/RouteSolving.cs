using System.Diagnostics;
using Microchain.Domain.Geo;
using Microchain.Planning.Routing;

namespace Microchain.Server.Routing;

/// <summary>Solves a route request end to end; shared by the HTTP nanoservice and <c>microchain plan routes</c>.</summary>
public static class RouteSolving
{
    public const double MaxTimeLimitSeconds = 300;

    public static (RouteModel Model, RoutingSolution Solution, TimeSpan Elapsed) Solve(RouteRequest request, IProgress<SearchProgress>? progress, CancellationToken cancellationToken)
    {
        var options = request.Options ?? new RouteOptions();
        if (!(options.TimeLimit is > 0 and <= MaxTimeLimitSeconds)) throw new ArgumentException($"options.time_limit must be within (0, {MaxTimeLimitSeconds}] seconds");
        if (options.Format is not ("microchain" or "vroom")) throw new ArgumentException("options.format must be microchain or vroom");
        var model = RouteProblemBuilder.Build(request, new HaversineTravelModel());
        var clock = Stopwatch.StartNew();
        var solution = RoutingSolver.Solve(model.Problem, new SolveOptions
        {
            TimeLimit = TimeSpan.FromSeconds(options.TimeLimit),
            Seed = options.Seed,
            MinimizeVehicles = options.MinimizeVehicles,
            Progress = progress,
        }, cancellationToken: cancellationToken);
        return (model, solution, clock.Elapsed);
    }

    public static object Answer(RouteModel model, RoutingSolution solution, TimeSpan elapsed) =>
        (model.Request.Options?.Format ?? "microchain") == "vroom" ? RouteAnswers.Vroom(model, solution, elapsed) : RouteAnswers.Native(model, solution, elapsed);
}
