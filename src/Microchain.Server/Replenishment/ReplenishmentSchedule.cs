using Microchain.Domain.Network;
using Microchain.Planning.Replenishment;

namespace Microchain.Server.Replenishment;

/// <summary>When a network's runs fall: its nightly and intra-day local times, as instants.</summary>
public static class ReplenishmentSchedule
{
    /// <summary>
    /// The run due in (<paramref name="after"/>, <paramref name="upTo"/>], if any: a nightly run wins over an intra-day
    /// one, and when several fell in the window (the server was down) only one is made up, not each one missed.
    /// </summary>
    public static ReplenishmentRun? Due(NetworkModel network, DateTimeOffset after, DateTimeOffset upTo)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (upTo <= after) return null;
        var s = network.Replenishment;
        var nightly = s.RunTimes.ToHashSet();
        var intraDay = s.IntraDayTimes().Where(t => !nightly.Contains(t)).ToList();
        bool Falls(IEnumerable<TimeOnly> times) => Instants(network, times, after, upTo).Any(t => t > after && t <= upTo);
        if (Falls(nightly)) return ReplenishmentRun.Nightly;
        if (Falls(intraDay)) return ReplenishmentRun.IntraDay;
        return null;
    }

    /// <summary>The first run instant after <paramref name="after"/>.</summary>
    public static DateTimeOffset Next(NetworkModel network, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(network);
        var s = network.Replenishment;
        return Instants(network, s.RunTimes.Concat(s.IntraDayTimes()), after, after.AddDays(2)).Where(t => t > after).DefaultIfEmpty(after.AddDays(1)).Min();
    }

    private static IEnumerable<DateTimeOffset> Instants(NetworkModel network, IEnumerable<TimeOnly> times, DateTimeOffset from, DateTimeOffset to)
    {
        var offset = network.OrderRules.LocalUtcOffset;
        var first = DateOnly.FromDateTime(from.ToOffset(offset).DateTime);
        var last = DateOnly.FromDateTime(to.ToOffset(offset).DateTime);
        var list = times.ToList();
        for (var day = first; day <= last; day = day.AddDays(1))
            foreach (var t in list) yield return new DateTimeOffset(day.ToDateTime(t), offset);
    }
}
