namespace Microchain.Server.Dispatch;

/// <summary>How the dispatcher runs waves: its clock, how often it looks at the schedule, and the solver's budget per wave.</summary>
public sealed record DispatchOptions
{
    /// <summary>Whether scheduled waves run; <c>dispatch:run</c> works either way.</summary>
    public bool Scheduled { get; init; } = true;

    /// <summary>The dispatcher's clock (wave slots, ETAs); null = the system clock. Tests pass a fake one.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>How often the dispatcher checks whether a node's next wave is due.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Search time per vehicle kind of a wave: short, a wave must not hold the node up.</summary>
    public TimeSpan SolveTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Search iterations per vehicle kind; when this, not time, ends the search, a wave is reproducible for its seed.</summary>
    public long MaxIterations { get; init; } = long.MaxValue;

    /// <summary>Seed of the solver.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Most orders routed in one wave; the rest wait for the next (reason <c>wave_full</c>).</summary>
    public int MaxOrdersPerWave { get; init; } = 500;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Tick <= TimeSpan.Zero || Tick > TimeSpan.FromHours(1)) problems.Add("dispatch tick must be within (0, 1 h]");
        if (SolveTime <= TimeSpan.Zero || SolveTime > TimeSpan.FromMinutes(5)) problems.Add("dispatch solve time must be within (0, 5 min]");
        if (MaxIterations < 1) problems.Add("dispatch max iterations must be positive");
        if (MaxOrdersPerWave is < 1 or > 2_000) problems.Add("dispatch max orders per wave must be within 1..2000");
        return problems;
    }
}
