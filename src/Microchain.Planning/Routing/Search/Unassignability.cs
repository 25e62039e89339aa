namespace Microchain.Planning.Routing.Search;

/// <summary>Why a job cannot be served even alone; such jobs are kept out of the search.</summary>
internal static class Unassignability
{
    /// <summary>Per job, the reason it can never be served, or null when some vehicle could serve it alone.</summary>
    public static string?[] Reasons(SearchModel m)
    {
        var reasons = new string?[m.JobCount];
        for (var j = 0; j < m.JobCount; j++) reasons[j] = Reason(m, j);
        return reasons;
    }

    private static string? Reason(SearchModel m, int j)
    {
        var skilled = false;
        var fitting = false;
        var reachable = false;
        for (var v = 0; v < m.VehicleCount; v++)
        {
            if (!m.Compatible[(v * m.JobCount) + j]) continue;
            skilled = true;
            var fits = true;
            for (var d = 0; d < m.Dimensions; d++)
                if (m.Demand[(j * m.Dimensions) + d] > m.Capacity[(v * m.Dimensions) + d]) fits = false;
            if (!fits) continue;
            fitting = true;
            var end = Schedule.EarliestEnd(m, v, [], 0, 0, j);
            if (end < 0 || end > m.ShiftEnd[v]) continue;
            reachable = true;
            var departure = Schedule.LatestDeparture(m, v, [], 0, 0, j, end);
            if (end - departure <= m.MaxDuration[v]) return null;
        }
        if (!skilled) return UnassignedReason.NoVehicleWithSkills;
        if (!fitting) return UnassignedReason.Capacity;
        return reachable ? UnassignedReason.RouteDuration : UnassignedReason.TimeWindowUnreachable;
    }
}
