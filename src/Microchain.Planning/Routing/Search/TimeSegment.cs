using System.Runtime.CompilerServices;

namespace Microchain.Planning.Routing.Search;

/// <summary>
/// Summary of a sequence of visits for time-warp evaluation (Vidal et al. 2013, "A hybrid genetic algorithm with
/// adaptive diversity management", concatenation of Nagata's time warp): two summaries concatenate in O(1), so a
/// local-search move over route pieces is priced in constant time whatever the route length.
/// </summary>
/// <param name="Duration">Least time from the first service start to the last service end (travel, service, waiting).</param>
/// <param name="Warp">Least total lateness that must be "warped back" to meet every latest start.</param>
/// <param name="Early">Earliest first service start that achieves <paramref name="Duration"/> and <paramref name="Warp"/>.</param>
/// <param name="Late">Latest first service start that achieves them.</param>
/// <param name="Distance">Distance driven inside the sequence.</param>
/// <param name="First">Location of the first visit.</param>
/// <param name="Last">Location of the last visit.</param>
internal readonly record struct TimeSegment(long Duration, long Warp, long Early, long Late, long Distance, int First, int Last)
{
    /// <summary>One visit with service <paramref name="service"/> that must start within [<paramref name="early"/>, <paramref name="late"/>].</summary>
    public static TimeSegment Visit(int location, long service, long early, long late) =>
        new(service, 0, early, late, 0, location, location);

    /// <summary>
    /// <paramref name="a"/> followed by <paramref name="b"/>, driving <paramref name="travelTime"/> and
    /// <paramref name="travelDistance"/> from the last visit of a to the first of b.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TimeSegment Concat(in TimeSegment a, in TimeSegment b, long travelTime, long travelDistance)
    {
        var delta = a.Duration - a.Warp + travelTime;
        var wait = Math.Max(b.Early - delta - a.Late, 0);
        var warp = Math.Max(a.Early + delta - b.Late, 0);
        return new TimeSegment(
            a.Duration + b.Duration + travelTime + wait,
            a.Warp + b.Warp + warp,
            Math.Max(b.Early - delta, a.Early) - wait,
            Math.Min(b.Late - delta, a.Late) + warp,
            a.Distance + b.Distance + travelDistance,
            a.First,
            b.Last);
    }

    /// <summary><see cref="Concat(in TimeSegment, in TimeSegment, long, long)"/> with travel from the model's matrices.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TimeSegment Concat(SearchModel m, in TimeSegment a, in TimeSegment b) =>
        Concat(a, b, m.Duration(a.Last, b.First), m.Distance(a.Last, b.First));
}
