using CsCheck;
using Microchain.Planning.Routing;

namespace Microchain.Planning.Tests.Routing;

/// <summary>CsCheck generators of small rich instances: two capacity dimensions, windows, skills, shifts, costs.</summary>
internal static class RandomProblems
{
    private static readonly HashSet<string> Chilled = ["chilled"];
    private static readonly HashSet<string> None = [];

    private static readonly Gen<TimeWindow[]> Windows =
        from count in Gen.Int[0, 2]
        from start in Gen.Int[0, 150]
        from length in Gen.Int[5, 60]
        from gap in Gen.Int[1, 80]
        from length2 in Gen.Int[5, 60]
        select count switch
        {
            0 => Array.Empty<TimeWindow>(),
            1 => [new TimeWindow(start, start + length)],
            _ => [new TimeWindow(start, start + length), new TimeWindow(start + length + gap, start + length + gap + length2)],
        };

    private static readonly Gen<Func<int, Job>> Jobs =
        from weight in Gen.Int[0, 10]
        from volume in Gen.Int[0, 10]
        from service in Gen.Int[0, 10]
        from windows in Windows
        from chilled in Gen.Int[0, 4]
        from priority in Gen.Int[1, 3]
        select (Func<int, Job>)(i => new Job
        {
            Id = $"j{i}", Location = i + 1, Demand = [weight, volume], ServiceDuration = service, TimeWindows = windows,
            RequiredSkills = chilled == 0 ? Chilled : None, Priority = priority,
        });

    private static readonly Gen<Func<int, Vehicle>> Vehicles =
        from weight in Gen.Int[5, 30]
        from volume in Gen.Int[5, 30]
        from shiftStart in Gen.Int[0, 30]
        from shiftLength in Gen.Int[100, 400]
        from limited in Gen.Bool
        from maxDuration in Gen.Int[50, 300]
        from chilled in Gen.Bool
        from fixedCost in Gen.Int[0, 50]
        from costPerTime in Gen.Int[0, 2]
        select (Func<int, Vehicle>)(v => new Vehicle
        {
            Id = $"v{v}", StartLocation = 0, EndLocation = v % 2 == 0 ? 0 : 1, Capacity = [weight, volume],
            ShiftStart = shiftStart, ShiftEnd = shiftStart + shiftLength, MaxRouteDuration = limited ? maxDuration : null,
            Skills = chilled ? Chilled : None, FixedCost = fixedCost, CostPerTimeUnit = costPerTime,
        });

    /// <summary>1–9 jobs, 1–3 vehicles, points in a 50×50 square.</summary>
    public static readonly Gen<RoutingProblem> Problems =
        from jobCount in Gen.Int[1, 9]
        from vehicleCount in Gen.Int[1, 3]
        from points in Gen.Select(Gen.Int[0, 50], Gen.Int[0, 50]).Array[jobCount + 1]
        from jobs in Jobs.Array[jobCount]
        from vehicles in Vehicles.Array[vehicleCount]
        select TestProblems.Euclidean(points,
            [.. vehicles.Select((make, v) => make(v))],
            [.. jobs.Select((make, i) => make(i))]);
}

/// <summary>Instances the granular local search applies to: one window per job, no skills, no time costs, shared depot.</summary>
internal static class RandomTimeWindowProblems
{
    private static readonly Gen<Func<int, Job>> Jobs =
        from weight in Gen.Int[0, 10]
        from service in Gen.Int[0, 10]
        from start in Gen.Int[0, 200]
        from length in Gen.Int[10, 120]
        select (Func<int, Job>)(i => new Job
        {
            Id = $"j{i}", Location = i + 1, Demand = [weight], ServiceDuration = service,
            TimeWindows = [new TimeWindow(start, start + length)],
        });

    /// <summary>4–14 jobs, 2–4 identical vehicles, points in a 50×50 square.</summary>
    public static readonly Gen<RoutingProblem> Problems =
        from jobCount in Gen.Int[4, 14]
        from vehicleCount in Gen.Int[2, 4]
        from capacity in Gen.Int[10, 40]
        from points in Gen.Select(Gen.Int[0, 50], Gen.Int[0, 50]).Array[jobCount + 1]
        from jobs in Jobs.Array[jobCount]
        select TestProblems.Euclidean(points,
            [.. Enumerable.Range(0, vehicleCount).Select(v => TestProblems.Van($"v{v}", capacity, shiftEnd: 600))],
            [.. jobs.Select((make, i) => make(i))]);
}
