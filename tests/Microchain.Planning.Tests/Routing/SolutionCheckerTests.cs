using Microchain.Planning.Routing;
using Xunit;

namespace Microchain.Planning.Tests.Routing;

public sealed class SolutionCheckerTests
{
    // Depot (0,0); j0 at (10,0); j1 at (20,0). Travel time equals distance.
    private static RoutingProblem Problem(long? maxDuration = null) => TestProblems.Euclidean(
        [(0, 0), (10, 0), (20, 0)],
        [TestProblems.Van("v1", capacity: 5) with { MaxRouteDuration = maxDuration, Skills = new HashSet<string> { "chilled" } },
         TestProblems.Van("v2", capacity: 5)],
        [TestProblems.Job(0, demand: 2, new TimeWindow(0, 100)) with { ServiceDuration = 5, RequiredSkills = new HashSet<string> { "chilled" } },
         TestProblems.Job(1, demand: 3, new TimeWindow(20, 30)) with { ServiceDuration = 5 }]);

    private static PlannedRoute Route(int vehicle, params RouteStop[] stops) => new()
    {
        VehicleIndex = vehicle, VehicleId = $"v{vehicle + 1}", Departure = 0, Arrival = 50, Stops = stops,
        Distance = 40, Load = [5], Cost = 40,
    };

    private static RoutingSolution Valid() => new()
    {
        Routes = [Route(0, new RouteStop(0, "j0", 10, 10, 3), new RouteStop(1, "j1", 25, 25, 0))],
        Unassigned = [], Cost = 40, Objective = 40, Iterations = 0,
    };

    private static IReadOnlyList<string> Kinds(RoutingSolution s, RoutingProblem? p = null) =>
        [.. SolutionChecker.Check(p ?? Problem(), s).Select(v => v.Kind).Distinct()];

    [Fact]
    public void Check_validSolution_noViolation() => Assert.Empty(SolutionChecker.Check(Problem(), Valid()));

    [Fact]
    public void Check_jobServedTwice_duplicate()
    {
        var s = Valid() with { Unassigned = [new UnassignedJob(1, "j1", UnassignedReason.Capacity)] };
        Assert.Equal([ViolationKind.Duplicate], Kinds(s));
    }

    [Fact]
    public void Check_jobDropped_missing()
    {
        var s = Valid() with { Routes = [Route(0, new RouteStop(0, "j0", 10, 10, 0)) with { Distance = 20, Load = [2], Cost = 20, Arrival = 25 }], Cost = 20 };
        Assert.Equal([ViolationKind.Missing], Kinds(s));
    }

    [Fact]
    public void Check_overloadedRoute_capacity()
    {
        var p = TestProblems.Euclidean([(0, 0), (10, 0), (20, 0)],
            [TestProblems.Van("v1", capacity: 4) with { Skills = new HashSet<string> { "chilled" } }],
            Problem().Jobs);
        Assert.Equal([ViolationKind.Capacity], Kinds(Valid(), p));
    }

    [Fact]
    public void Check_serviceOutsideWindow_timeWindow()
    {
        var s = Valid() with { Routes = [Route(0, new RouteStop(0, "j0", 10, 10, 3), new RouteStop(1, "j1", 25, 31, 0)) with { Arrival = 56 }] };
        Assert.Equal([ViolationKind.TimeWindow], Kinds(s));
    }

    [Fact]
    public void Check_returnAfterShift_shift()
    {
        var p = TestProblems.Euclidean([(0, 0), (10, 0), (20, 0)],
            [TestProblems.Van("v1", capacity: 5, shiftEnd: 49) with { Skills = new HashSet<string> { "chilled" } }],
            Problem().Jobs);
        Assert.Equal([ViolationKind.Shift], Kinds(Valid(), p));
    }

    [Fact]
    public void Check_routeTooLong_routeDuration() =>
        Assert.Equal([ViolationKind.RouteDuration], Kinds(Valid(), Problem(maxDuration: 49)));

    [Fact]
    public void Check_arrivalFasterThanTravel_schedule()
    {
        var s = Valid() with { Routes = [Route(0, new RouteStop(0, "j0", 9, 10, 3), new RouteStop(1, "j1", 25, 25, 0))] };
        Assert.Equal([ViolationKind.Schedule], Kinds(s));
    }

    [Fact]
    public void Check_vehicleWithoutSkill_skills()
    {
        var s = Valid() with { Routes = [Route(1, new RouteStop(0, "j0", 10, 10, 3), new RouteStop(1, "j1", 25, 25, 0))] };
        Assert.Equal([ViolationKind.Skills], Kinds(s));
    }

    [Fact]
    public void Check_wrongDistance_accounting()
    {
        var s = Valid() with { Routes = [Route(0, new RouteStop(0, "j0", 10, 10, 3), new RouteStop(1, "j1", 25, 25, 0)) with { Distance = 39 }] };
        Assert.Equal([ViolationKind.Accounting], Kinds(s));
    }

    [Fact]
    public void Check_vehicleUsedTwice_reference()
    {
        var s = Valid() with
        {
            Routes = [Route(0, new RouteStop(0, "j0", 10, 10, 0)) with { Distance = 20, Load = [2], Cost = 20, Arrival = 25 },
                      Route(0, new RouteStop(1, "j1", 20, 20, 0)) with { Distance = 40, Load = [3], Cost = 40, Arrival = 45 }],
            Cost = 60,
        };
        Assert.Equal([ViolationKind.Reference], Kinds(s));
    }
}
