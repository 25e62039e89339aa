namespace Microchain.Planning.Routing;

/// <summary>
/// An interval in which service may start, in the time unit of the travel matrix (inclusive bounds).
/// </summary>
/// <param name="Start">Earliest service start.</param>
/// <param name="End">Latest service start.</param>
public readonly record struct TimeWindow(long Start, long End)
{
    /// <summary>Largest time the solver accepts (about 31 years in milliseconds); keeps route sums far from overflow.</summary>
    public const long MaxTime = 1_000_000_000_000_000;

    /// <summary>A window that never binds.</summary>
    public static TimeWindow Always => new(0, MaxTime);

    /// <summary>True when <paramref name="time"/> lies in the window.</summary>
    public bool Contains(long time) => time >= Start && time <= End;
}
